package org.gyrus.nas.proxy;

import ai.djl.ndarray.types.DataType;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.plugin.Register;

/**
 * Hidden covariance (Serianni and Kalita 2023, S10: training-free NAS for recurrent and attention
 * networks): the rows are each example's final hidden representation, the network's body output
 * before any classifier head (for an LSTM or attention stack: its last hidden state or pooled
 * tokens); the score is jacob_cov's eigenvalue score of their correlation matrix, high when the
 * untrained network already tells the examples apart.
 */
public final class HiddenCov implements Proxy {
  /** {@code hidden_cov}: the registered factory. */
  @Register
  public static final class Factory implements ProxyFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "hidden_cov",
          "hidden covariance: eigenvalue score of the correlation of the final hidden states"
              + " over the batch (recurrent and attention networks)");
    }

    @Override
    public HiddenCov create(Args a) {
      return new HiddenCov();
    }
  }

  @Override
  public double score(ProxyInput in) {
    try (Net net = Net.body(in, DataType.FLOAT32, Net.Init.GLOROT)) {
      double[] h = Net.values(net.forward(net.batch(), true));
      return Spectra.correlationScore(Spectra.rows(h, in.batch()));
    }
  }
}
