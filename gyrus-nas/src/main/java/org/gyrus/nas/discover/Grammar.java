package org.gyrus.nas.discover;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.core.Value;
import org.gyrus.core.Value.ListVal;
import org.gyrus.core.Value.Node;

/**
 * The grammar candidate token mixers are written in, over a (T,D) sequence: primitives are existing
 * gyrus-nn blocks (causal softmax / linear attention, dense, layer norm) and the tensor operations
 * {@code causal_conv} and {@code gate}; combinators are a layer list, {@code residual}, {@code
 * gate} and {@code parallel}. Widths are drawn around D, not always equal to it: a program whose
 * shapes do not fit is the engineer's to repair.
 */
public final class Grammar {
  private final long width;

  public Grammar(long width) {
    this.width = width;
  }

  public long width() {
    return width;
  }

  /** The three seeds of the issue, as programs at width D. */
  public static Value seed(String name, long d) {
    switch (name) {
      case "softmax":
        return Node.of("recall_attention", "kernel", "softmax");
      case "linear":
        return Node.of("recall_attention", "kernel", "linear");
      case "gated_conv":
        return ListVal.of(
            Node.of(
                "gate",
                "value",
                ListVal.of(Node.of("dense", "units", d), Node.of("causal_conv", "kernel", 4)),
                "gate",
                Node.of("dense", "units", d),
                "activation",
                "sigmoid"),
            Node.of("dense", "units", d));
      default:
        throw new IllegalArgumentException("no seed named '" + name + "'");
    }
  }

  /** A random primitive. */
  public Value primitive(SplittableRandom r) {
    switch (r.nextInt(6)) {
      case 0:
      case 1:
        return Node.of(
            "recall_attention",
            "kernel",
            r.nextBoolean() ? "softmax" : "linear",
            "heads",
            pick(r, 1L, 1L, 2L, 4L, 3L),
            "shift",
            r.nextInt(4) != 0);
      case 2:
        return Node.of("causal_conv", "kernel", pick(r, 2L, 3L, 4L, 8L));
      case 3:
        return Node.of(
            "dense",
            "units",
            pick(r, width, width, width, 2 * width, Math.max(1, width / 2)),
            "activation",
            pick(r, "none", "silu", "gelu", "relu"));
      case 4:
        return Node.of("layer_norm");
      default:
        return Node.of("dense", "units", width);
    }
  }

  /** A random program of nesting depth at most {@code depth}. */
  public Value program(SplittableRandom r, int depth) {
    if (depth <= 0 || r.nextInt(3) == 0) {
      return primitive(r);
    }
    switch (r.nextInt(4)) {
      case 0:
        return ListVal.of(program(r, depth - 1), program(r, depth - 1));
      case 1:
        return Node.of("residual", "body", program(r, depth - 1));
      case 2:
        return gate(program(r, depth - 1), r);
      default:
        return Node.of(
            "parallel",
            "branches",
            ListVal.of(program(r, depth - 1), program(r, depth - 1)),
            "join",
            r.nextBoolean() ? "add" : "mean");
    }
  }

  /** {@code value} gated by a dense projection (or a short conv) of the input. */
  Value gate(Value value, SplittableRandom r) {
    Value g =
        r.nextInt(3) == 0
            ? ListVal.of(Node.of("dense", "units", width), Node.of("causal_conv", "kernel", 3L))
            : Node.of("dense", "units", width);
    return Node.of("gate", "value", value, "gate", g, "activation", pick(r, "sigmoid", "silu"));
  }

  /** A copy of a primitive with one of its arguments redrawn; the node itself when it has none. */
  Value tweak(Node n, SplittableRandom r) {
    switch (n.type()) {
      case "recall_attention":
        switch (r.nextInt(3)) {
          case 0:
            return n.with("kernel", new Value.StrVal(flip(n.strArg("kernel", "softmax"))));
          case 1:
            return n.with("heads", new Value.IntVal(pick(r, 1L, 2L, 4L, 8L)));
          default:
            return n.with("shift", new Value.BoolVal(!n.boolArg("shift", true)));
        }
      case "causal_conv":
        return n.with("kernel", new Value.IntVal(pick(r, 2L, 3L, 4L, 8L, 16L)));
      case "dense":
        return n.with(
            "activation", new Value.StrVal(pick(r, "none", "silu", "gelu", "relu", "tanh")));
      case "gate":
        return n.with("activation", new Value.StrVal(pick(r, "sigmoid", "silu", "none")));
      case "parallel":
        return n.with(
            "join", new Value.StrVal(n.strArg("join", "add").equals("add") ? "mean" : "add"));
      default:
        return n;
    }
  }

  private static String flip(String kernel) {
    return kernel.equals("softmax") ? "linear" : "softmax";
  }

  /** The layer children of a combinator (to unwrap it), empty for a primitive. */
  static List<Value> children(Value v) {
    List<Value> out = new ArrayList<>();
    if (v instanceof ListVal l) {
      out.addAll(l.items());
    } else if (v instanceof Node n) {
      for (Value c : n.args().values()) {
        if (SpecTree.holdsLayers(c)) {
          if (c instanceof ListVal l && n.type().equals("parallel")) {
            out.addAll(l.items());
          } else {
            out.add(c);
          }
        }
      }
    }
    return out;
  }

  @SafeVarargs
  static <T> T pick(SplittableRandom r, T... options) {
    return options[r.nextInt(options.length)];
  }
}
