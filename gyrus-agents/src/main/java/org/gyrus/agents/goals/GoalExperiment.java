package org.gyrus.agents.goals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One seed of the goals-from-scenes experiment: train the scene reader on scenes of {@code
 * trainMin..trainMax} blocks, then score it and the baselines on held-out scenes of the same sizes
 * and of {@code testMin..testMax} blocks (more than in training).
 */
public final class GoalExperiment {
  private GoalExperiment() {}

  /**
   * @param initialControl also train the same network on the initial scene's image (a control)
   */
  public record Setup(
      int trainScenes,
      int testScenes,
      int trainMin,
      int trainMax,
      int testMin,
      int testMax,
      GoalTraining.Config training,
      boolean initialControl,
      double planSeconds) {}

  /** Metrics per method, for the in-distribution and the larger held-out scenes. */
  public record Result(
      Setup setup,
      Map<String, GoalMetrics> sameSize,
      Map<String, GoalMetrics> larger,
      double finalLoss,
      double trainCpuSeconds,
      double totalCpuSeconds,
      double wallSeconds) {
    public String json() {
      return String.format(
          Locale.ROOT,
          "{\"seed\": %d, \"train_scenes\": %d, \"test_scenes\": %d, \"train_blocks\": \"%d-%d\","
              + " \"test_blocks\": \"%d-%d\", \"epochs\": %d, \"final_loss\": %.4f,"
              + " \"train_cpu_s\": %.1f, \"total_cpu_s\": %.1f, \"wall_s\": %.1f, \"same_size\": %s, \"larger\": %s}",
          setup.training().seed(),
          setup.trainScenes(),
          setup.testScenes(),
          setup.trainMin(),
          setup.trainMax(),
          setup.testMin(),
          setup.testMax(),
          setup.training().epochs(),
          finalLoss,
          trainCpuSeconds,
          totalCpuSeconds,
          wallSeconds,
          json(sameSize),
          json(larger));
    }

    private static String json(Map<String, GoalMetrics> m) {
      return m.entrySet().stream()
          .map(e -> "\"" + e.getKey() + "\": " + e.getValue().json())
          .collect(Collectors.joining(", ", "{", "}"));
    }
  }

  public static Result run(Setup s, PrintStream log) {
    long c0 = GoalTraining.cpuNanos();
    long w0 = System.nanoTime();
    long seed = s.training().seed();
    List<GoalScenes.Pair> train =
        GoalScenes.generate(s.trainScenes(), s.trainMin(), s.trainMax(), seed);
    List<GoalScenes.Pair> same =
        GoalScenes.generate(s.testScenes(), s.trainMin(), s.trainMax(), seed + 1_000_003);
    List<GoalScenes.Pair> larger =
        GoalScenes.generate(s.testScenes(), s.testMin(), s.testMax(), seed + 2_000_003);
    Map<String, GoalMetrics> mSame = new LinkedHashMap<>();
    Map<String, GoalMetrics> mLarger = new LinkedHashMap<>();
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      GoalTraining.Trained t = GoalTraining.train(s.training(), train, m, log);
      for (int set = 0; set < 2; set++) {
        List<GoalScenes.Pair> test = set == 0 ? same : larger;
        Map<String, GoalMetrics> into = set == 0 ? mSame : mLarger;
        List<BlocksState> blocks = test.stream().map(GoalScenes.Pair::init).toList();
        List<float[]> goalImages = test.stream().map(GoalScenes.Pair::goalImage).toList();
        List<float[]> initImages = test.stream().map(GoalScenes.Pair::initImage).toList();
        List<BlocksState> goals = t.net().read(m, goalImages, blocks);
        List<BlocksState> inits = t.net().read(m, initImages, blocks);
        into.put("network", GoalMetrics.of(test, goals, inits, s.planSeconds()));
      }
      if (s.initialControl()) {
        GoalTraining.Trained c =
            GoalTraining.train(s.training().fromInitialImage(), train, m, null);
        for (int set = 0; set < 2; set++) {
          List<GoalScenes.Pair> test = set == 0 ? same : larger;
          Map<String, GoalMetrics> into = set == 0 ? mSame : mLarger;
          List<BlocksState> blocks = test.stream().map(GoalScenes.Pair::init).toList();
          List<float[]> initImages = test.stream().map(GoalScenes.Pair::initImage).toList();
          List<BlocksState> goals = c.net().read(m, initImages, blocks);
          into.put("initial_image_net", GoalMetrics.of(test, goals, null, s.planSeconds()));
        }
      }
      for (int set = 0; set < 2; set++) {
        List<GoalScenes.Pair> test = set == 0 ? same : larger;
        Map<String, GoalMetrics> into = set == 0 ? mSame : mLarger;
        into.put(
            "prior", GoalMetrics.of(test, GoalBaselines.prior(train, test), null, s.planSeconds()));
        into.put(
            "copy_initial",
            GoalMetrics.of(test, GoalBaselines.copyInitial(test), null, s.planSeconds()));
      }
      Result r =
          new Result(
              s,
              mSame,
              mLarger,
              t.finalLoss(),
              t.cpuSeconds(),
              (GoalTraining.cpuNanos() - c0) / 1e9,
              (System.nanoTime() - w0) / 1e9);
      if (log != null) {
        print(r, log);
      }
      return r;
    }
  }

  private static void print(Result r, PrintStream log) {
    Setup s = r.setup();
    for (String set : List.of("same", "larger")) {
      Map<String, GoalMetrics> m = set.equals("same") ? r.sameSize() : r.larger();
      int lo = set.equals("same") ? s.trainMin() : s.testMin();
      int hi = set.equals("same") ? s.trainMax() : s.testMax();
      log.printf(Locale.ROOT, "held-out scenes, %d-%d blocks:%n", lo, hi);
      m.forEach((k, v) -> log.printf(Locale.ROOT, "  %-18s %s%n", k, v.line()));
    }
    log.printf(
        Locale.ROOT,
        "train CPU %.1f s, total CPU %.1f s, wall %.1f s%n",
        r.trainCpuSeconds(),
        r.totalCpuSeconds(),
        r.wallSeconds());
  }

  /**
   * Bench entry: TRAIN TEST TRAIN_MIN TRAIN_MAX TEST_MIN TEST_MAX EPOCHS SEEDS(comma) CONTROL(0|1)
   * OUT.jsonl; appends one JSON line per seed.
   */
  public static void main(String[] a) throws IOException {
    if (a.length != 10) {
      System.err.println(
          "usage: GoalExperiment TRAIN TEST TRAIN_MIN TRAIN_MAX TEST_MIN TEST_MAX EPOCHS SEEDS"
              + " CONTROL OUT.jsonl");
      System.exit(2);
    }
    for (String seed : a[7].split(",")) {
      Setup s =
          new Setup(
              Integer.parseInt(a[0]),
              Integer.parseInt(a[1]),
              Integer.parseInt(a[2]),
              Integer.parseInt(a[3]),
              Integer.parseInt(a[4]),
              Integer.parseInt(a[5]),
              GoalTraining.Config.of(Integer.parseInt(a[6]), Long.parseLong(seed.trim())),
              a[8].equals("1"),
              10.0);
      System.out.println("seed " + seed.trim());
      Result r = run(s, System.out);
      Files.writeString(
          Path.of(a[9]), r.json() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }
}
