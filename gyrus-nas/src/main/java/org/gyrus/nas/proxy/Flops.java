package org.gyrus.nas.proxy;

import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.plugin.Register;
import org.gyrus.nn.blocks.CompiledModel;

/** Forward FLOPs per example of the compiled network (gyrus-nn's count: 2 per multiply-add). */
public final class Flops implements Proxy {
  /** {@code flops}: the registered factory. */
  @Register
  public static final class Factory implements ProxyFactory {
    @Override
    public NodeType type() {
      return NodeType.of("flops", "forward FLOPs per example of the compiled network");
    }

    @Override
    public Flops create(Args a) {
      return new Flops();
    }
  }

  @Override
  public double score(ProxyInput in) {
    return CompiledModel.classifier(in.spec(), in.input(), in.classes()).flops();
  }
}
