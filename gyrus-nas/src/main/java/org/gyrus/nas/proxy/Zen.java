package org.gyrus.nas.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.plugin.Register;
import org.gyrus.nn.Scalars;

/**
 * Zen-score (Lin et al. 2021): weights drawn from N(0, 1), a Gaussian batch x and a perturbation e
 * (both from the seed), f the feature map before global pooling (the body output when there is
 * none); the score is log(mean_n sum |f(x_n) - f(x_n + alpha e_n)|) plus, for every batch norm, log
 * of the root mean over channels of its input's batch variance: the network's expressivity with
 * batch norm's rescaling undone. (Zen-NAS reads that variance off the running statistics; here it
 * is the batch's own, which is what they hold with momentum 1.)
 */
public final class Zen implements Proxy {
  private final double alpha;

  public Zen(double alpha) {
    this.alpha = alpha;
  }

  /** {@code zen}: the registered factory. */
  @Register
  public static final class Factory implements ProxyFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "zen",
          "Zen-score: log of the pre-pooling feature change under a Gaussian input perturbation,"
              + " plus batch norm's log scales",
          ArgSpec.optional("alpha", Kind.FLOAT, 0.01).doc("size of the input perturbation"));
    }

    @Override
    public Zen create(Args a) {
      return new Zen(a.number("alpha"));
    }
  }

  @Override
  public double score(ProxyInput in) {
    try (Net net = Net.body(in, DataType.FLOAT32, Net.Init.GAUSSIAN)) {
      NDArray x = net.gaussian(1);
      double[] logScale = {0};
      NDArray f = features(net, x, logScale);
      NDArray g = features(net, x.add(Scalars.mul(net.gaussian(2), alpha)), new double[1]);
      double delta =
          Net.values(f.sub(g).abs().reshape(in.batch(), -1).sum(new int[] {1}).mean())[0];
      return Math.log(delta) + logScale[0];
    }
  }

  /** The pre-pooling features of {@code x}; adds batch norm's log scales to {@code logScale}. */
  private static NDArray features(Net net, NDArray x, double[] logScale) {
    NDArray[] prePool = {null};
    NDArray out =
        Probes.with(
            (kind, block, input, output) -> {
              if (kind.equals("global_avg_pool")) {
                prePool[0] = input;
              } else if (kind.equals("batch_norm")) {
                long channels = input.getShape().get(1);
                NDArray perChannel = input.swapAxes(0, 1).reshape(channels, -1);
                NDArray centred = perChannel.sub(perChannel.mean(new int[] {1}, true));
                double var = Net.values(centred.square().mean())[0];
                logScale[0] += 0.5 * Math.log(var);
              }
              return output;
            },
            () -> net.forward(x, true));
    return prePool[0] != null ? prePool[0] : out;
  }
}
