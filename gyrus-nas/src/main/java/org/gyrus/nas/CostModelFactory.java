package org.gyrus.nas;

import org.gyrus.core.Args;
import org.gyrus.core.plugin.Component;

/**
 * Makes a cost model from its checked arguments; implementations are registered by name ({@link
 * org.gyrus.core.plugin.Register}) and listed by {@code gyrus types}.
 */
public interface CostModelFactory extends Component {
  CostModel create(Args args);
}
