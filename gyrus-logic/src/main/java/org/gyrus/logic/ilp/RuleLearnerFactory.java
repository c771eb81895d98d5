package org.gyrus.logic.ilp;

import org.gyrus.core.Args;
import org.gyrus.core.plugin.Component;
import org.gyrus.core.plugin.Registry;

/**
 * Makes a {@link RuleLearner}. Registered by name ({@link org.gyrus.core.plugin.Register}); {@code
 * gyrus learn-rules --learner NAME} picks one, {@code gyrus types} lists them.
 */
public interface RuleLearnerFactory extends Component {
  RuleLearner create(Args args);

  static Registry<RuleLearnerFactory> registry() {
    return Registry.of(RuleLearnerFactory.class, "program learner");
  }
}
