package org.gyrus.nas.proxy;

import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.plugin.Register;
import org.gyrus.nn.blocks.CompiledModel;

/** The network's trainable parameter count (weights, biases, batch-norm scales and shifts). */
public final class Params implements Proxy {
  /** {@code params}: the registered factory. */
  @Register
  public static final class Factory implements ProxyFactory {
    @Override
    public NodeType type() {
      return NodeType.of("params", "trainable parameter count of the compiled network");
    }

    @Override
    public Params create(Args a) {
      return new Params();
    }
  }

  @Override
  public double score(ProxyInput in) {
    return CompiledModel.classifier(in.spec(), in.input(), in.classes()).params();
  }
}
