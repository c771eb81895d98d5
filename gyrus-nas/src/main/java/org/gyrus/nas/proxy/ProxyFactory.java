package org.gyrus.nas.proxy;

import org.gyrus.core.Args;
import org.gyrus.core.plugin.Component;

/**
 * Makes a training-free proxy from its checked arguments; implementations are registered by name
 * ({@link org.gyrus.core.plugin.Register}) and listed by {@code gyrus types}.
 */
public interface ProxyFactory extends Component {
  Proxy create(Args args);
}
