package org.gyrus.nas;

import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.Value;
import org.gyrus.core.Value.Node;
import org.gyrus.search.bench.NasBench201;

/**
 * NAS-Bench-201's network around a cell, for 32x32 RGB input and 10 classes: a 3x3 stem to C
 * channels, then three stages of N cells (C, 2C, 4C channels at 32, 16, 8 pixels) joined by
 * residual reduction blocks (3x3 stride 2 then 3x3, shortcut 2x2 average pool and 1x1), batch norm,
 * ReLU, global average pooling and a dense classifier. The benchmark's table uses C = 16, N = 5.
 */
public final class Nb201Macro {
  public static final int CHANNELS = 16;
  public static final int CELLS = 5;

  private Nb201Macro() {}

  /** The six edge ops of a concrete cell in NAS-Bench-201 order. */
  public static List<String> ops(Value cell) {
    List<String> ops = new ArrayList<>();
    for (String token : NasBench201.archString(cell).split("\\|")) {
      int tilde = token.indexOf('~');
      if (tilde > 0) {
        ops.add(token.substring(0, tilde));
      }
    }
    return ops;
  }

  public static Network of(Value cell) {
    return of(cell, CHANNELS, CELLS);
  }

  public static Network of(Value cell, int channels, int cellsPerStage) {
    return of(cell, channels, cellsPerStage, false);
  }

  /**
   * With {@code referenceCells} the cells are the zero-cost-nas reference's: their convolutions
   * carry a bias (its cells' batch norm is affine-free, so {@code bias = not affine}) and an op
   * whose source node has no input runs on zeros (its none op multiplies by zero). Only Fisher
   * reads the difference: a biased convolution on zeros, then batch norm on batch statistics, gives
   * it large gradients times the bias.
   */
  public static Network of(Value cell, int channels, int cellsPerStage, boolean referenceCells) {
    List<String> ops = ops(cell);
    Value cellSpec =
        referenceCells
            ? ((Node) cell)
                .with("conv_bias", new Value.BoolVal(true))
                .with("zero_nodes", new Value.BoolVal(true))
            : cell;
    List<Layer> layers = new ArrayList<>();
    List<Value> spec = new ArrayList<>();
    layers.add(new Layer("stem", 3, channels, 3, 1, 32, 32));
    spec.add(conv(channels, 3, 1));
    spec.add(Node.of("batch_norm"));
    int c = channels;
    int size = 32;
    for (int stage = 0; stage < 3; stage++) {
      if (stage > 0) {
        String at = "reduce" + stage;
        layers.add(new Layer(at + ".a", c, 2 * c, 3, 2, size, size));
        layers.add(new Layer(at + ".b", 2 * c, 2 * c, 3, 1, size / 2, size / 2));
        layers.add(new Layer(at + ".shortcut", c, 2 * c, 1, 1, size / 2, size / 2));
        spec.add(reduction(2 * c));
        c *= 2;
        size /= 2;
      }
      for (int k = 0; k < cellsPerStage; k++) {
        for (int e = 0; e < ops.size(); e++) {
          String op = ops.get(e);
          int kernel = op.equals("nor_conv_3x3") ? 3 : op.equals("nor_conv_1x1") ? 1 : 0;
          if (kernel > 0) {
            String name = "stage" + stage + ".cell" + k + ".edge" + e;
            layers.add(new Layer(name, c, c, kernel, 1, size, size));
          }
        }
        spec.add(cellSpec);
      }
    }
    layers.add(new Layer("classifier", c, 10, 1, 1, 1, 1));
    spec.add(Node.of("batch_norm"));
    spec.add(Node.of("relu"));
    spec.add(Node.of("global_avg_pool"));
    String key =
        NasBench201.archString(cell)
            + "@C"
            + channels
            + "N"
            + cellsPerStage
            + (referenceCells ? "+reference" : "");
    return new Network(key, new Value.ListVal(spec), new long[] {3, 32, 32}, 10, layers);
  }

  private static Node conv(int filters, int kernel, int stride) {
    return Node.of(
        "conv2d",
        "filters",
        filters,
        "kernel",
        kernel,
        "stride",
        stride,
        "padding",
        kernel / 2,
        "bias",
        false);
  }

  /** NAS-Bench-201's ResNet basic block with stride 2. */
  private static Node reduction(int filters) {
    Value main =
        Value.ListVal.of(
            Node.of("relu"),
            conv(filters, 3, 2),
            Node.of("batch_norm"),
            Node.of("relu"),
            conv(filters, 3, 1),
            Node.of("batch_norm"));
    Value shortcut =
        Value.ListVal.of(Node.of("avg_pool", "kernel", 2, "stride", 2), conv(filters, 1, 1));
    return Node.of("parallel", "join", "add", "branches", Value.ListVal.of(main, shortcut));
  }
}
