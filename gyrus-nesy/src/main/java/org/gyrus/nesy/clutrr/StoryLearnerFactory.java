package org.gyrus.nesy.clutrr;

import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.plugin.Component;
import org.gyrus.core.plugin.Registry;

/**
 * A CLUTRR relational learner, registered by name ({@link org.gyrus.core.plugin.Register}): {@code
 * gyrus types} lists them, {@code gyrus explain NAME} shows their arguments, {@code gyrus clutrr
 * --model NAME} trains one.
 */
public interface StoryLearnerFactory extends Component {
  /** The training set-up for one seed from the checked arguments. */
  ClutrrTraining.Config configure(Args args, long seed);

  static Registry<StoryLearnerFactory> registry() {
    return Registry.of(StoryLearnerFactory.class, "CLUTRR relational learner");
  }

  /** The training arguments every learner takes. */
  static ArgSpec[] training(double lr) {
    return new ArgSpec[] {
      ArgSpec.optional("epochs", Kind.INT, 10).range(1, 100_000),
      ArgSpec.optional("batch", Kind.INT, 128).range(1, 1 << 20),
      ArgSpec.optional("lr", Kind.FLOAT, lr).range(1e-9, 10).doc("Adam learning rate"),
      ArgSpec.optional("train_limit", Kind.INT, 0).min(0).doc("training stories; 0 = all")
    };
  }
}
