package org.gyrus.nas.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.plugin.Register;

/**
 * NASWOT (Mellor et al. 2021, "without training"): each example's binary code is which units of
 * every ReLU are active on the batch; K[i][j] counts the units where examples i and j agree
 * (codes_i . codes_j + (1 - codes_i) . (1 - codes_j), summed over ReLUs) and the score is log|det
 * K|: high when the network separates the examples into distinct linear regions.
 */
public final class Naswot implements Proxy {
  /** {@code naswot}: the registered factory. */
  @Register
  public static final class Factory implements ProxyFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "naswot",
          "NASWOT: log|det| of the ReLU activation-pattern agreement kernel on the batch");
    }

    @Override
    public Naswot create(Args a) {
      return new Naswot();
    }
  }

  @Override
  public double score(ProxyInput in) {
    int b = in.batch();
    try (Net net = Net.classifier(in, DataType.FLOAT32)) {
      NDArray[] kernel = {
        net.manager.zeros(new ai.djl.ndarray.types.Shape(b, b), DataType.FLOAT64)
      };
      Probes.with(
          (kind, block, x, out) -> {
            if (kind.equals("relu")) {
              NDArray codes = out.gt(0).toType(DataType.FLOAT64, false).reshape(b, -1);
              NDArray off = codes.neg().add(1);
              kernel[0] =
                  kernel[0].add(codes.matMul(codes.transpose())).add(off.matMul(off.transpose()));
            }
            return out;
          },
          () -> net.forward(net.batch(), true));
      return Spectra.logAbsDet(kernelRows(kernel[0], b));
    }
  }

  static double[][] kernelRows(NDArray k, int b) {
    return Spectra.rows(Net.values(k), b);
  }

  /** The agreement kernel of binary codes (one row per example), for checks by hand. */
  static double[][] kernel(double[][] codes) {
    int b = codes.length;
    double[][] k = new double[b][b];
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < b; j++) {
        for (int u = 0; u < codes[i].length; u++) {
          k[i][j] += codes[i][u] == codes[j][u] ? 1 : 0;
        }
      }
    }
    return k;
  }
}
