package org.gyrus.nas.proxy;

import ai.djl.ndarray.types.DataType;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.plugin.Register;

/**
 * grad_norm (Abdelfattah et al. 2021): the sum over convolution and dense weight tensors of the L2
 * norm of the gradient of the batch's mean cross-entropy at initialisation (batch norm on batch
 * statistics).
 */
public final class GradNorm implements Proxy {
  private final Net.Init init;

  GradNorm(Net.Init init) {
    this.init = init;
  }

  public GradNorm() {
    this(Net.Init.GLOROT);
  }

  /** {@code grad_norm}: the registered factory. */
  @Register
  public static final class Factory implements ProxyFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "grad_norm",
          "sum over weight tensors of the L2 norm of the loss gradient at initialisation",
          Net.initArg());
    }

    @Override
    public GradNorm create(Args a) {
      return new GradNorm(Net.Init.of(a.string("init")));
    }
  }

  @Override
  public double score(ProxyInput in) {
    try (Net net = Net.classifier(in, DataType.FLOAT32, init)) {
      double score = 0;
      for (double[] g : net.weightGradients(n -> n.crossEntropy(n.forward(n.batch(), true)))) {
        double s = 0;
        for (double v : g) {
          s += v * v;
        }
        score += Math.sqrt(s);
      }
      return score;
    }
  }
}
