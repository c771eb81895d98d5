package org.gyrus.nas.oneshot;

import org.gyrus.core.Args;
import org.gyrus.core.plugin.Component;

/**
 * Makes a one-shot search from its checked arguments and the common scale; implementations are
 * registered by name ({@link org.gyrus.core.plugin.Register}) and listed by {@code gyrus types}.
 */
public interface OneShotMethodFactory extends Component {
  OneShotSearch create(Args args, Scale scale);
}
