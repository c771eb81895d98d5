package org.gyrus.nas.grow;

import org.gyrus.core.Args;
import org.gyrus.core.plugin.Component;

/**
 * Makes a function-preserving transformation from its checked arguments; registered by name ({@link
 * org.gyrus.core.plugin.Register}), listed by {@code gyrus types}.
 */
public interface MorphismFactory extends Component {
  Morphism create(Args args);
}
