package org.gyrus.nas.proxy;

import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.plugin.Register;

/**
 * SNIP (Lee et al. 2019, summed over the network as Abdelfattah et al. 2021 do): sum over
 * convolution and dense weights of |theta * dL/dtheta|, L the batch's mean cross-entropy at
 * initialisation.
 */
public final class Snip implements Proxy {
  private final Net.Init init;

  Snip(Net.Init init) {
    this.init = init;
  }

  public Snip() {
    this(Net.Init.GLOROT);
  }

  /** {@code snip}: the registered factory. */
  @Register
  public static final class Factory implements ProxyFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "snip", "SNIP saliency: sum of |theta * dL/dtheta| at initialisation", Net.initArg());
    }

    @Override
    public Snip create(Args a) {
      return new Snip(Net.Init.of(a.string("init")));
    }
  }

  @Override
  public double score(ProxyInput in) {
    try (Net net = Net.classifier(in, DataType.FLOAT32, init)) {
      List<double[]> grads = net.weightGradients(n -> n.crossEntropy(n.forward(n.batch(), true)));
      var w = net.weights();
      double score = 0;
      for (int i = 0; i < w.size(); i++) {
        double[] theta = Net.values(w.get(i));
        for (int k = 0; k < theta.length; k++) {
          score += Math.abs(theta[k] * grads.get(i)[k]);
        }
      }
      return score;
    }
  }
}
