package org.gyrus.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gyrus.agents.household.HouseholdBench;
import org.gyrus.agents.household.Report;
import org.gyrus.agents.household.Scenario;
import org.gyrus.agents.household.SubgoalAgent;
import org.gyrus.agents.household.SubgoalPlanner;
import org.gyrus.agents.household.World;
import org.gyrus.core.SpecError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gyrus agents household}: sub-goal agents over a semantic map (issue 21 §3). */
@Command(
    name = "household",
    mixinStandardHelpOptions = true,
    description =
        "Household grid world: a sub-goal agent (Datalog commonsense KB, PDDL planner, A*"
            + " navigator, replanning) on seeded tasks of levels 1-5 against a full-view oracle and"
            + " (with --ppo-steps) a PPO baseline; or one task's trace with --task LEVEL:SEED.")
final class HouseholdCommand implements Callable<Integer> {
  @Option(names = "--tasks", defaultValue = "10", description = "tasks per level (seeds 1..N)")
  int tasks;

  @Option(names = "--moved", defaultValue = "0", description = "tasks with an item moved once seen")
  int moved;

  @Option(
      names = "--ppo-steps",
      defaultValue = "0",
      description = "PPO budget, env steps (0: none)")
  long ppoSteps;

  @Option(names = "--seed", defaultValue = "1", description = "PPO and mover seed")
  long seed;

  @Option(names = "--task", description = "run one task, LEVEL:SEED, and print its sub-goals")
  String task;

  @Option(names = "--json", description = "also write the figures as JSON here")
  Path json;

  @Override
  public Integer call() {
    if (task != null) {
      return one(task);
    }
    if (tasks < 1 || moved < 0 || ppoSteps < 0) {
      throw new SpecError(
          "--tasks/--moved/--ppo-steps",
          "tasks >= 1, moved >= 0, ppo-steps >= 0",
          tasks + "/" + moved + "/" + ppoSteps);
    }
    String cmd =
        "gyrus agents household --tasks "
            + tasks
            + " --moved "
            + moved
            + " --ppo-steps "
            + ppoSteps
            + " --seed "
            + seed;
    Report r =
        HouseholdBench.run(
            new HouseholdBench.Config(tasks, moved, ppoSteps, seed, cmd), System.err);
    System.out.print(r.markdown());
    if (json != null) {
      try {
        Files.writeString(json, r.json());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return 0;
  }

  private static int one(String spec) {
    String[] p = spec.split(":");
    int level;
    long s;
    try {
      level = Integer.parseInt(p[0].trim());
      s = Long.parseLong(p[1].trim());
    } catch (RuntimeException e) {
      throw new SpecError("--task", "LEVEL:SEED, e.g. 4:17", spec);
    }
    if (p.length != 2 || level < 1 || level > Scenario.MAX_LEVEL) {
      throw new SpecError("--task", "LEVEL:SEED with LEVEL in 1.." + Scenario.MAX_LEVEL, spec);
    }
    Scenario sc = Scenario.generate(s, level);
    System.out.println("task: " + sc.task().text());
    int limit = HouseholdBench.maxSteps(level);
    SubgoalAgent.Episode a =
        new SubgoalAgent(false, SubgoalPlanner.Mode.ANYTIME).run(new World(sc), limit);
    SubgoalAgent.Episode o =
        new SubgoalAgent(true, SubgoalPlanner.Mode.OPTIMAL).run(new World(sc), limit);
    System.out.println(
        "sub-goal agent: "
            + (a.solved() ? "solved" : "failed")
            + " in "
            + a.steps()
            + " steps, "
            + a.replans()
            + " plans; "
            + String.join(", ", a.trace()));
    System.out.println(
        "oracle:         "
            + (o.solved() ? "solved" : "failed")
            + " in "
            + o.steps()
            + " steps; "
            + String.join(", ", o.trace()));
    return 0;
  }
}
