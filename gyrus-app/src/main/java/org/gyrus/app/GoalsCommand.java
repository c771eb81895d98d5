package org.gyrus.app;

import java.util.concurrent.Callable;
import org.gyrus.agents.goals.GoalExperiment;
import org.gyrus.agents.goals.GoalNet;
import org.gyrus.agents.goals.GoalTraining;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gyrus agents goals}: goals read from rendered blocks-world scenes, then planned. */
@Command(
    name = "goals",
    mixinStandardHelpOptions = true,
    description =
        "Train a CNN to read the goal (on/ontable/clear atoms) from rendered blocks-world scenes;"
            + " plan for it with the PDDL planner and validate against the true goal, on held-out"
            + " scenes with more blocks than in training; print the metrics and a JSON line.")
final class GoalsCommand implements Callable<Integer> {
  @Option(names = "--train", defaultValue = "4000", description = "training scenes")
  int train;

  @Option(names = "--test", defaultValue = "300", description = "held-out scenes per split")
  int test;

  @Option(names = "--train-blocks", defaultValue = "3-5", description = "blocks per training scene")
  String trainBlocks;

  @Option(names = "--test-blocks", defaultValue = "6-7", description = "blocks per larger scene")
  String testBlocks;

  @Option(names = "--epochs", defaultValue = "15")
  int epochs;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Option(names = "--control", description = "also train the network on the initial image")
  boolean control;

  @Option(names = "--spec", description = "network body spec (YAML); default: 3-conv CNN")
  String spec;

  @Override
  public Integer call() {
    int[] tr = range("--train-blocks", trainBlocks);
    int[] te = range("--test-blocks", testBlocks);
    if (train < 1 || test < 1) {
      throw new SpecError("--train/--test", "at least 1 scene each", train + "/" + test);
    }
    Value body = spec == null ? GoalNet.defaultSpec() : SpecCodec.fromYaml(spec);
    GoalTraining.Config cfg;
    try {
      GoalTraining.Config d = GoalTraining.Config.of(epochs, seed);
      cfg = new GoalTraining.Config(body, d.epochs(), d.batch(), d.lr(), seed, false);
    } catch (IllegalArgumentException e) {
      throw new SpecError("agents goals", e.getMessage());
    }
    GoalExperiment.Result r =
        GoalExperiment.run(
            new GoalExperiment.Setup(train, test, tr[0], tr[1], te[0], te[1], cfg, control, 10.0),
            System.out);
    System.out.println(r.json());
    return 0;
  }

  /** {@code LO-HI} (or one number) within 1..7: the renderer has seven stack slots. */
  private static int[] range(String flag, String s) {
    String[] parts = s.trim().split("-");
    try {
      int lo = Integer.parseInt(parts[0].trim());
      int hi = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : lo;
      if (parts.length <= 2 && lo >= 1 && hi >= lo && hi <= 7) {
        return new int[] {lo, hi};
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new SpecError(flag, "LO-HI with 1 <= LO <= HI <= 7", "'" + s + "'");
  }
}
