package org.gyrus.search;

import org.gyrus.core.Args;
import org.gyrus.core.plugin.Component;

/**
 * Makes a search algorithm from its checked arguments. Implementations are registered by name
 * ({@link org.gyrus.core.plugin.Register}); {@code algorithm: {_type: NAME, ...}} in an experiment
 * file, {@code --algorithm NAME} on the command line and {@link org.gyrus.search.algo.Algorithms}
 * find them.
 */
public interface AlgorithmFactory extends Component {
  Algorithm create(Args args);
}
