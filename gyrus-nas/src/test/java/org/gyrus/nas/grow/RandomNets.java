package org.gyrus.nas.grow;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Value.ListVal;
import org.gyrus.core.Value.Node;
import org.gyrus.nn.blocks.SpecCompiler;

/**
 * Seeded random networks over the built-in block library: images (convs, batch norm, pooling,
 * residual blocks, activations, dropout, then flatten or global pooling and dense layers), tables
 * (dense, batch/layer norm, residual) and sequences (dense, layer norm, attention).
 */
final class RandomNets {
  static final String[] ACTS = {"none", "relu", "gelu", "silu", "tanh", "sigmoid"};

  private RandomNets() {}

  record Case(Value spec, Shape input, int classes) {}

  static Case draw(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int attempt = 0; ; attempt++) {
      Case c =
          switch (r.nextInt(3)) {
            case 0 -> image(r);
            case 1 -> table(r);
            default -> sequence(r);
          };
      try {
        SpecCompiler.standard().analyse(c.spec(), c.input(), "model");
        return c;
      } catch (SpecError e) {
        if (attempt > 50) {
          throw e;
        }
      }
    }
  }

  private static String act(SplittableRandom r) {
    return ACTS[r.nextInt(ACTS.length)];
  }

  private static Case image(SplittableRandom r) {
    int c = 1 + r.nextInt(2);
    int hw = 6 + r.nextInt(3);
    List<Value> body = new ArrayList<>();
    int ch = c;
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      int f = 2 + r.nextInt(4);
      int k = r.nextBoolean() ? 3 : 1;
      body.add(
          Node.of(
              "conv2d",
              "filters",
              f,
              "kernel",
              k,
              "padding",
              r.nextBoolean() ? "same" : (Object) 0L,
              "activation",
              act(r)));
      ch = f;
      switch (r.nextInt(6)) {
        case 0 -> body.add(Node.of("batch_norm"));
        case 1 -> body.add(Node.of(r.nextBoolean() ? "relu" : "tanh"));
        case 2 -> body.add(Node.of(r.nextBoolean() ? "max_pool" : "avg_pool", "kernel", 2));
        case 3 ->
            body.add(
                Node.of(
                    "residual",
                    "body",
                    ListVal.of(
                        Node.of(
                            "conv2d",
                            "filters",
                            ch,
                            "kernel",
                            3,
                            "padding",
                            "same",
                            "activation",
                            "relu"),
                        Node.of("batch_norm"),
                        Node.of("conv2d", "filters", ch, "kernel", 3, "padding", "same"))));
        case 4 -> body.add(Node.of("dropout", "rate", 0.3));
        default -> {}
      }
    }
    body.add(Node.of(r.nextBoolean() ? "flatten" : "global_avg_pool"));
    denseTail(r, body);
    return new Case(
        Node.of("model", "body", new ListVal(body)), new Shape(c, hw, hw), 3 + r.nextInt(3));
  }

  private static void denseTail(SplittableRandom r, List<Value> body) {
    int n = r.nextInt(3);
    for (int i = 0; i < n; i++) {
      int u = 3 + r.nextInt(5);
      body.add(Node.of("dense", "units", u, "activation", act(r)));
      switch (r.nextInt(5)) {
        case 0 -> body.add(Node.of("batch_norm"));
        case 1 -> body.add(Node.of("layer_norm"));
        case 2 ->
            body.add(
                Node.of(
                    "residual",
                    "body",
                    ListVal.of(
                        Node.of("dense", "units", u, "activation", "relu"),
                        Node.of("dense", "units", u))));
        case 3 -> body.add(Node.of("relu"));
        default -> {}
      }
    }
  }

  private static Case table(SplittableRandom r) {
    List<Value> body = new ArrayList<>();
    body.add(Node.of("dense", "units", 4 + r.nextInt(5), "activation", act(r)));
    denseTail(r, body);
    return new Case(
        Node.of("model", "body", new ListVal(body)), new Shape(5 + r.nextInt(6)), 2 + r.nextInt(3));
  }

  private static Case sequence(SplittableRandom r) {
    int d = 2 * (2 + r.nextInt(3));
    List<Value> body = new ArrayList<>();
    body.add(Node.of("dense", "units", d, "activation", act(r)));
    if (r.nextBoolean()) {
      body.add(Node.of("layer_norm"));
    }
    body.add(Node.of("attention", "heads", r.nextBoolean() ? 1 : 2));
    if (r.nextBoolean()) {
      body.add(Node.of("dense", "units", 3 + r.nextInt(4), "activation", act(r)));
    }
    body.add(Node.of("flatten"));
    denseTail(r, body);
    return new Case(
        Node.of("model", "body", new ListVal(body)),
        new Shape(3 + r.nextInt(3), 4 + r.nextInt(3)),
        3);
  }
}
