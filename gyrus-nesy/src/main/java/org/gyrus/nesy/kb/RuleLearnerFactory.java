package org.gyrus.nesy.kb;

import java.util.List;
import org.gyrus.core.Args;
import org.gyrus.core.plugin.Component;
import org.gyrus.core.plugin.Registry;

/**
 * A rule learner for knowledge-graph completion, registered by name ({@link
 * org.gyrus.core.plugin.Register}); {@code gyrus types} lists them, {@code gyrus explain NAME}
 * shows their arguments.
 */
public interface RuleLearnerFactory extends Component {
  /** The rules for {@code target} learned from {@code g}. */
  List<ChainRule> learn(KnowledgeGraph g, int target, Args args);

  static Registry<RuleLearnerFactory> registry() {
    return Registry.of(RuleLearnerFactory.class, "knowledge-graph rule learner");
  }
}
