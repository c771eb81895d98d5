package org.gyrus.logic.ilp;

import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.plugin.Register;

/** The registered {@link Learner}: Popper-style learning from failures with an exact combine. */
public final class LearningFromFailures {
  private LearningFromFailures() {}

  /** Registered as {@code lff}. */
  @Register
  public static final class Factory implements RuleLearnerFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "lff",
          "learning from failures (Popper style): generate clauses within the bias, test them,"
              + " prune specialisations of too specific and consistent ones, combine the"
              + " smallest cover exactly; recursion tested by the Datalog engine",
          ArgSpec.optional("timeout", Kind.FLOAT, 600.0).min(0).doc("seconds for the whole search"),
          ArgSpec.optional("noise", Kind.BOOL, false)
              .doc(
                  "when no consistent program exists, return the one of least description length"));
    }

    @Override
    public RuleLearner create(Args a) {
      Learner.Options o = new Learner.Options(a.number("timeout"), a.bool("noise"));
      return task -> Learner.learn(task, o);
    }
  }
}
