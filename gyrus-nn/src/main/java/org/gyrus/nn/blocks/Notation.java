package org.gyrus.nn.blocks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gyrus.core.Value;
import org.gyrus.core.Value.Node;

/**
 * A model on one line, for leaderboards and reports: {@code c8·gelu·bn·p2 → c32k5·silu·p2 → flatten
 * → drop.30 → dense10}. A layer is a short token (conv {@code c<filters>[k<kernel>][s <stride>]},
 * dense {@code dense<units>}, pools {@code p<k>}/{@code ap<k>}, {@code gap}/{@code gmp}, {@code
 * bn}, {@code ln}, dropout {@code drop.<rate>}); normalisation, activations and pooling attach to
 * the layer before them with {@code ·}; stages are joined by {@code →}; composites nest in
 * brackets. Types without a token (plug-ins) show their name.
 */
public final class Notation {
  private static final Set<String> ATTACHED =
      Set.of(
          "batch_norm",
          "layer_norm",
          "max_pool",
          "avg_pool",
          "relu",
          "gelu",
          "silu",
          "tanh",
          "sigmoid",
          "identity");
  private static final Map<String, String> CELL_OPS =
      Map.of(
          "none", "·",
          "skip_connect", "skip",
          "nor_conv_1x1", "c1",
          "nor_conv_3x3", "c3",
          "avg_pool_3x3", "ap3");

  private Notation() {}

  /** The one-line form of a concrete model spec (a node or a list of layers). */
  public static String of(Value spec) {
    if (spec instanceof Value.ListVal l) {
      return sequence(l.items());
    }
    if (spec instanceof Node n) {
      return switch (n.type()) {
        case "model" -> of(n.arg("body"));
        case "sequential" -> of(n.arg("layers"));
        default -> token(n);
      };
    }
    return String.valueOf(spec);
  }

  private static String sequence(List<Value> layers) {
    List<String> stages = new ArrayList<>();
    for (Value v : layers) {
      String t = of(v);
      if (!stages.isEmpty() && v instanceof Node n && ATTACHED.contains(n.type())) {
        stages.set(stages.size() - 1, stages.get(stages.size() - 1) + "·" + t);
      } else {
        stages.add(t);
      }
    }
    return String.join(" → ", stages);
  }

  private static String token(Node n) {
    String act =
        n.arg("activation") instanceof Value.StrVal s && !s.value().equals("none")
            ? "·" + s.value()
            : "";
    switch (n.type()) {
      case "conv1d":
      case "conv2d":
        return "c"
            + n.intArg("filters", 0)
            + suffix(n, "kernel", 3, "k")
            + suffix(n, "stride", 1, "s")
            + act;
      case "dense":
        return "dense" + n.intArg("units", 0) + act;
      case "max_pool":
        return "p" + n.intArg("kernel", 2);
      case "avg_pool":
        return "ap" + n.intArg("kernel", 2);
      case "global_avg_pool":
        return "gap";
      case "global_max_pool":
        return "gmp";
      case "batch_norm":
        return "bn";
      case "layer_norm":
        return "ln";
      case "dropout":
        return "drop" + String.format(Locale.ROOT, "%.2f", n.floatArg("rate", 0.5)).substring(1);
      case "attention":
        return "attn" + n.intArg("heads", 1);
      case "embedding":
        return "emb" + n.intArg("vocab", 0) + "x" + n.intArg("dim", 0);
      case "residual":
        return "res(" + of(n.arg("body")) + ")";
      case "parallel":
      case "concat":
        return branches(n);
      case "cell":
        return cell(n);
      default:
        return n.type() + act;
    }
  }

  private static String suffix(Node n, String arg, long usual, String letter) {
    long v = n.intArg(arg, usual);
    return v == usual ? "" : letter + v;
  }

  private static String branches(Node n) {
    List<String> parts = new ArrayList<>();
    for (Value b : n.listArg("branches")) {
      parts.add(of(b));
    }
    String join = n.strArg("join", n.type().equals("concat") ? "concat" : "add");
    return join + "(" + String.join(" | ", parts) + ")";
  }

  private static String cell(Node n) {
    List<String> ops = new ArrayList<>();
    for (Value e : n.listArg("edges")) {
      if (e instanceof Node edge) {
        Value op = edge.arg("op");
        String name = op instanceof Value.StrVal s ? s.value() : null;
        ops.add(name != null ? CELL_OPS.getOrDefault(name, name) : of(op));
      }
    }
    return "cell[" + String.join(" ", ops) + "]";
  }
}
