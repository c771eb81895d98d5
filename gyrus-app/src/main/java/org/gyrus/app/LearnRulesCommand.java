package org.gyrus.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gyrus.core.Value;
import org.gyrus.core.plugin.Registry;
import org.gyrus.logic.ilp.Learner;
import org.gyrus.logic.ilp.RuleLearnerFactory;
import org.gyrus.logic.ilp.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gyrus learn-rules TASK_DIR}: learns a Datalog program from a Popper-format task. */
@Command(
    name = "learn-rules",
    mixinStandardHelpOptions = true,
    description =
        "Learn rules from examples (inductive logic programming, learning from failures)."
            + " TASK_DIR holds a Popper task: bias.pl (head_pred, body_pred, type, direction,"
            + " max_vars, max_body, max_clauses, enable_recursion), bk.pl (facts) and exs.pl"
            + " (pos/neg examples). Prints the smallest program that covers every positive and"
            + " no negative example, or says that none exists within the bias. Exit 0 when a"
            + " program is printed, 1 when none is found, 2 for bad input.")
public final class LearnRulesCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TASK_DIR", description = "Popper task directory")
  Path dir;

  @Option(
      names = "--timeout",
      defaultValue = "600",
      description = "seconds for the search, more than 0 (default: ${DEFAULT-VALUE})")
  double timeout;

  @Option(
      names = "--noise",
      description =
          "when no consistent program exists, print the one of least description length"
              + " (literals + false negatives + false positives)")
  boolean noise;

  @Option(
      names = "--learner",
      defaultValue = "lff",
      description = "a registered rule learner (gyrus types; default: ${DEFAULT-VALUE})")
  String learner;

  @Override
  public Integer call() {
    Flags.inRange("--timeout", timeout, 0, 86_400, true);
    Value.Node spec =
        new Value.Node(
            learner,
            Map.of("timeout", new Value.FloatVal(timeout), "noise", new Value.BoolVal(noise)));
    Registry.Resolved<RuleLearnerFactory> f =
        RuleLearnerFactory.registry().resolve(spec, "--learner");
    Task task = Task.readPopper(dir);
    Learner.Result r = f.component().create(f.args()).learn(task);
    switch (r.status()) {
      case SOLVED -> System.out.print(r.programText());
      case BEST_EFFORT -> System.out.print("% best effort (inconsistent):\n" + r.programText());
      case NO_SOLUTION -> System.out.println("% no solution within the bias");
      case TIMEOUT -> System.out.println("% no solution found within " + timeout + " s");
    }
    System.out.printf(
        Locale.ROOT,
        "%% training accuracy %.4f (tp %d, fn %d, fp %d, tn %d); %d clauses tested in %.2f s%n",
        r.accuracy(),
        r.tp(),
        r.fn(),
        r.fp(),
        r.tn(),
        r.tested(),
        r.seconds());
    return r.status() == Learner.Status.SOLVED || r.status() == Learner.Status.BEST_EFFORT ? 0 : 1;
  }
}
