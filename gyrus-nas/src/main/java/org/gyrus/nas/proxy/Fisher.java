package org.gyrus.nas.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.plugin.Register;

/**
 * Fisher (Theis et al. 2018; Turner et al. 2020, as Abdelfattah et al. 2021 sum it): for every
 * convolution and dense output a and its loss gradient g, per example n and channel k, g_nk = sum
 * over positions of a * g; the score is sum over layers and channels of 0.5 * mean_n g_nk^2. g_nk
 * is read as the gradient of a ones mask (one entry per example and channel) multiplied onto the
 * output, which leaves the forward pass unchanged. With {@code fan_in_weighted} each channel's
 * value counts once per weight feeding it (times C_in * k * k, or the input features), as
 * Abdelfattah et al.'s code sums it (it broadcasts a channel's value over the channel's weights
 * before summing). With it, on {@code Nb201Macro.of(cell, C, N, true)} (their cells: conv bias, ops
 * on input-less nodes run on zeros) it matches their Fisher cell by cell (PyTorch check,
 * bench/results/nas_proxies_torch_check.md).
 */
public final class Fisher implements Proxy {
  private final Net.Init init;
  private final boolean fanInWeighted;

  Fisher(Net.Init init, boolean fanInWeighted) {
    this.init = init;
    this.fanInWeighted = fanInWeighted;
  }

  public Fisher() {
    this(Net.Init.GLOROT, false);
  }

  /** {@code fisher}: the registered factory. */
  @Register
  public static final class Factory implements ProxyFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "fisher",
          "Fisher information of channel activations (sum of 0.5 mean_n (a . dL/da)^2)",
          Net.initArg(),
          ArgSpec.optional("fan_in_weighted", ArgSpec.Kind.BOOL, false)
              .doc("weight each channel by its layer's fan-in, as the zero-cost-nas reference"));
    }

    @Override
    public Fisher create(Args a) {
      return new Fisher(Net.Init.of(a.string("init")), a.bool("fan_in_weighted"));
    }
  }

  @Override
  public double score(ProxyInput in) {
    try (Net net = Net.classifier(in, DataType.FLOAT32, init)) {
      List<NDArray> masks = new ArrayList<>();
      List<Long> fanIns = new ArrayList<>();
      Probes.Tap tap =
          (kind, block, x, out) -> {
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
            fanIns.add(fanInWeighted ? Probes.fanIn(block) : 1L);
            return out.mul(mask);
          };
      try (var gc = Net.ENGINE.newGradientCollector()) {
        gc.backward(Probes.with(tap, () -> net.crossEntropy(net.forward(net.batch(), true))));
      }
      double score = 0;
      int b = in.batch();
      for (int i = 0; i < masks.size(); i++) {
        double layer = 0;
        for (double v : Net.values(masks.get(i).getGradient())) {
          layer += 0.5 * v * v / b;
        }
        score += fanIns.get(i) * layer;
      }
      return score;
    }
  }
}
