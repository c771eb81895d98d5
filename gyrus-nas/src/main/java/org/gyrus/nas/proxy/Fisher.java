package org.gyrus.nas.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.plugin.Register;

/**
 * Fisher (Theis et al. 2018; Turner et al. 2020, as Abdelfattah et al. 2021 sum it): for every
 * convolution and dense output a and its loss gradient g, per example n and channel k, g_nk = sum
 * over positions of a * g; the score is sum over layers and channels of 0.5 * mean_n g_nk^2. g_nk
 * is read as the gradient of a ones mask (one entry per example and channel) multiplied onto the
 * output, which leaves the forward pass unchanged.
 */
public final class Fisher implements Proxy {
  private final Net.Init init;

  Fisher(Net.Init init) {
    this.init = init;
  }

  public Fisher() {
    this(Net.Init.GLOROT);
  }

  /** {@code fisher}: the registered factory. */
  @Register
  public static final class Factory implements ProxyFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "fisher",
          "Fisher information of channel activations (sum of 0.5 mean_n (a . dL/da)^2)",
          Net.initArg());
    }

    @Override
    public Fisher create(Args a) {
      return new Fisher(Net.Init.of(a.string("init")));
    }
  }

  @Override
  public double score(ProxyInput in) {
    try (Net net = Net.classifier(in, DataType.FLOAT32, init)) {
      List<NDArray> masks = new ArrayList<>();
      try (var gc = Net.ENGINE.newGradientCollector()) {
        NDArray loss =
            Probes.with(
                (kind, x, out) -> {
                  if (!kind.equals("conv2d") && !kind.equals("dense")) {
                    return out;
                  }
                  long[] dims = out.getShape().getShape();
                  long[] maskDims = new long[dims.length];
                  java.util.Arrays.fill(maskDims, 1);
                  maskDims[0] = dims[0];
                  maskDims[1] = dims[1];
                  NDArray mask = net.manager.ones(new Shape(maskDims), out.getDataType());
                  mask.setRequiresGradient(true);
                  masks.add(mask);
                  return out.mul(mask);
                },
                () -> net.crossEntropy(net.forward(net.batch(), true)));
        gc.backward(loss);
      }
      double score = 0;
      int b = in.batch();
      for (NDArray mask : masks) {
        double[] g = Net.values(mask.getGradient());
        for (double v : g) {
          score += 0.5 * v * v / b;
        }
      }
      return score;
    }
  }
}
