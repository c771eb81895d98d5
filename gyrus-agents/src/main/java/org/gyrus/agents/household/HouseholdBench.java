package org.gyrus.agents.household;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The issue-21 section-3 bench: seeded tasks of levels 1-5, the sub-goal agent (partial view)
 * against the full-view oracle and the PPO baseline, plus a perturbed set where a goal item is
 * moved once the agent has seen it. Writes JSON and Markdown.
 */
public final class HouseholdBench {
  /** Step limit of a level's episodes, the same for every agent. */
  public static int maxSteps(int level) {
    return 100 + 100 * level;
  }

  /**
   * @param tasksPerLevel seeds 1..tasksPerLevel per level
   * @param moved tasks (level 3 and 4 alternating, seeds from 1) with an item moved mid-episode
   * @param ppoSteps PPO training budget in environment steps (0: skip PPO)
   * @param ppoMaxLevel PPO trains on levels 1..ppoMaxLevel (evaluation: every level)
   */
  public record Config(
      int tasksPerLevel, int moved, long ppoSteps, int ppoMaxLevel, long seed, String command) {
    /** PPO trained on every level. */
    public Config(int tasksPerLevel, int moved, long ppoSteps, long seed, String command) {
      this(tasksPerLevel, moved, ppoSteps, Scenario.MAX_LEVEL, seed, command);
    }
  }

  /** One agent's results on one task. */
  record Run(boolean solved, int steps, int replans, int subgoals, int surprises) {}

  private HouseholdBench() {}

  public static Report run(Config cfg, PrintStream log) {
    long cpu0 = processCpu();
    List<Scenario> all = new ArrayList<>();
    for (int level = 1; level <= Scenario.MAX_LEVEL; level++) {
      for (int s = 1; s <= cfg.tasksPerLevel(); s++) {
        all.add(Scenario.generate(s, level));
      }
    }
    List<Run> agent = new ArrayList<>();
    List<Run> oracle = new ArrayList<>();
    for (Scenario s : all) {
      agent.add(symbolic(s, false, null));
      oracle.add(symbolic(s, true, null));
    }
    double symbolicCpu = (processCpu() - cpu0) / 1e9;
    log.printf(
        Locale.ROOT, "sub-goal agent and oracle: %d tasks, %.1f CPU s%n", all.size(), symbolicCpu);
    List<Run> movedAgent = new ArrayList<>();
    List<Run> movedOracle = new ArrayList<>();
    for (int i = 0; i < cfg.moved(); i++) {
      Scenario s = Scenario.generate(1 + i / 2, 3 + i % 2);
      movedAgent.add(symbolic(s, false, new SplittableRandom(cfg.seed() + i)));
      movedOracle.add(symbolic(s, true, null));
    }
    List<Run> random = new ArrayList<>();
    SplittableRandom coin = new SplittableRandom(cfg.seed());
    for (Scenario s : all) {
      random.add(randomPolicy(s, coin));
    }
    List<Run> ppo = new ArrayList<>();
    PpoTraining.Summary ppoSummary = null;
    double ppoEvalCpu = 0;
    if (cfg.ppoSteps() > 0) {
      try (PpoTraining t =
          new PpoTraining(Ppo.Config.of(cfg.ppoSteps(), cfg.seed()), cfg.ppoMaxLevel())) {
        ppoSummary = t.train(log);
        long c1 = processCpu();
        for (PpoTraining.Outcome o : t.evaluate(all, cfg.seed())) {
          ppo.add(new Run(o.solved(), o.steps(), 0, 0, 0));
        }
        ppoEvalCpu = (processCpu() - c1) / 1e9;
      }
    }
    return new Report(
        cfg,
        all,
        agent,
        oracle,
        ppo,
        random,
        movedAgent,
        movedOracle,
        ppoSummary,
        symbolicCpu,
        ppoEvalCpu,
        (processCpu() - cpu0) / 1e9);
  }

  /** Uniformly random primitive actions until the step limit: the floor PPO should beat. */
  static Run randomPolicy(Scenario s, SplittableRandom coin) {
    RlEnv env = new RlEnv(s);
    while (!env.done()) {
      env.step(Action.of(coin.nextInt(Action.COUNT)));
    }
    return new Run(env.world().solved(), env.world().steps(), 0, 0, 0);
  }

  /** One episode of the sub-goal agent; with {@code mover}, a goal item is moved once seen. */
  static Run symbolic(Scenario s, boolean fullView, SplittableRandom mover) {
    World w = new World(s);
    SubgoalAgent a =
        new SubgoalAgent(
            fullView, fullView ? SubgoalPlanner.Mode.OPTIMAL : SubgoalPlanner.Mode.ANYTIME);
    boolean[] moved = {mover == null};
    SubgoalAgent.Episode e =
        a.run(
            w,
            maxSteps(s.task().level()),
            step -> {
              if (!moved[0]) {
                moved[0] = moveSeenGoalItem(w, mover);
              }
            });
    int subgoals = (int) e.trace().stream().filter(t -> !t.startsWith("explore")).count();
    return new Run(e.solved(), e.steps(), e.replans(), subgoals, e.surprises());
  }

  /**
   * Once the agent sees an item of a goal's type (and holds nothing), someone moves it to empty
   * furniture in another room. Returns whether it moved one.
   */
  static boolean moveSeenGoalItem(World w, SplittableRandom rnd) {
    if (w.held() >= 0) {
      return false;
    }
    Observation o = w.observe();
    List<Integer> empty = emptyElsewhere(w, House.roomOf(w.agent()));
    if (empty.isEmpty()) {
      return false;
    }
    for (Observation.ContentView cv : o.contents()) {
      for (Observation.ItemView iv : cv.items()) {
        if (w.scenario().task().goals().stream().anyMatch(g -> g.type() == iv.type())) {
          w.moveItem(iv.id(), empty.get(rnd.nextInt(empty.size())));
          return true;
        }
      }
    }
    return false;
  }

  /** Furniture outside {@code room} holding no item and not a goal's receptacle. */
  private static List<Integer> emptyElsewhere(World w, int room) {
    List<Integer> empty = new ArrayList<>();
    for (House.Furniture f : w.house().furniture()) {
      boolean free = true;
      for (int i = 0; i < w.scenario().items(); i++) {
        free &= w.itemAt(i) != f.id();
      }
      boolean goalPlace =
          w.scenario().task().goals().stream().anyMatch(g -> g.receptacle() == f.type());
      if (free && f.room() != room && !goalPlace) {
        empty.add(f.id());
      }
    }
    return empty;
  }

  static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * {@code java ... HouseholdBench TASKS_PER_LEVEL MOVED PPO_STEPS SEED OUT.json OUT.md "COMMAND"}.
   */
  public static void main(String[] args) {
    if (args.length != 7 && args.length != 8) {
      System.err.println(
          "usage: HouseholdBench TASKS_PER_LEVEL MOVED PPO_STEPS SEED OUT.json OUT.md COMMAND"
              + " [PPO_MAX_LEVEL]");
      System.exit(2);
    }
    Config cfg =
        new Config(
            Integer.parseInt(args[0]),
            Integer.parseInt(args[1]),
            Long.parseLong(args[2]),
            args.length == 8 ? Integer.parseInt(args[7]) : Scenario.MAX_LEVEL,
            Long.parseLong(args[3]),
            args[6]);
    Report r = run(cfg, System.err);
    try {
      Files.writeString(Path.of(args[4]), r.json());
      Files.writeString(Path.of(args[5]), r.markdown());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println(r.markdown());
  }
}
