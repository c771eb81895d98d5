package org.gyrus.nas.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.plugin.Register;

/**
 * jacob_cov (Mellor et al.'s first NASWOT score, as Abdelfattah et al. 2021 run it): the rows are
 * each example's input gradient of the summed outputs, J_n = d(sum_k f_k(x_n))/dx_n; the score is
 * -sum(log(v + k) + 1/(v + k)) over the eigenvalues v of the rows' correlation matrix (k = 1e-5),
 * high when the examples' local linear maps are uncorrelated.
 */
public final class JacobCov implements Proxy {
  private final Net.Init init;

  JacobCov(Net.Init init) {
    this.init = init;
  }

  public JacobCov() {
    this(Net.Init.GLOROT);
  }

  /** {@code jacob_cov}: the registered factory. */
  @Register
  public static final class Factory implements ProxyFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "jacob_cov",
          "Jacobian covariance: eigenvalue score of the correlation of per-example input"
              + " gradients",
          Net.initArg());
    }

    @Override
    public JacobCov create(Args a) {
      return new JacobCov(Net.Init.of(a.string("init")));
    }
  }

  @Override
  public double score(ProxyInput in) {
    try (Net net = Net.classifier(in, DataType.FLOAT32, init)) {
      NDArray x = net.batch();
      x.setRequiresGradient(true);
      try (GradientCollector gc = Net.ENGINE.newGradientCollector()) {
        gc.backward(net.forward(x, true).sum());
      }
      return Spectra.correlationScore(Spectra.rows(Net.values(x.getGradient()), in.batch()));
    }
  }
}
