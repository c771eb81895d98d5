package org.gyrus.search;

import org.gyrus.core.Args;
import org.gyrus.core.plugin.Component;

/** Makes a pruner ({@code pruner: {_type: NAME, ...}}) from its checked arguments. */
public interface PrunerFactory extends Component {
  Pruner create(Args args);
}
