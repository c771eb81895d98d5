package org.gyrus.nas.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.plugin.Register;
import org.gyrus.nn.blocks.Shapes;

/**
 * SynFlow (Tanaka et al. 2020, as scored by Abdelfattah et al. 2021): every weight made positive,
 * one all-ones example through the network in float64 with batch norm at its initial running
 * statistics (so it passes values through), R = sum of the outputs, and the score sum over
 * convolution and dense weights of theta * dR/dtheta. Needs no data: the batch only fixes shapes.
 */
public final class Synflow implements Proxy {
  private final Net.Init init;

  Synflow(Net.Init init) {
    this.init = init;
  }

  public Synflow() {
    this(Net.Init.GLOROT);
  }

  /** {@code synflow}: the registered factory. */
  @Register
  public static final class Factory implements ProxyFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "synflow",
          "SynFlow: sum of theta * dR/dtheta, R the output sum of the all-positive network on ones",
          Net.initArg());
    }

    @Override
    public Synflow create(Args a) {
      return new Synflow(Net.Init.of(a.string("init")));
    }
  }

  @Override
  public double score(ProxyInput in) {
    try (Net net = Net.classifier(in, DataType.FLOAT64, init)) {
      for (var p : net.block.getParameters()) {
        NDArray a = p.getValue().getArray();
        a.muli(a.sign());
      }
      List<NDArray> w = net.weights();
      List<double[]> grads =
          net.weightGradients(
              n ->
                  n.forward(
                          n.manager.ones(Shapes.withBatch(1, in.input()), DataType.FLOAT64), false)
                      .sum());
      double score = 0;
      for (int i = 0; i < w.size(); i++) {
        double[] theta = Net.values(w.get(i));
        for (int k = 0; k < theta.length; k++) {
          score += theta[k] * grads.get(i)[k];
        }
      }
      return score;
    }
  }
}
