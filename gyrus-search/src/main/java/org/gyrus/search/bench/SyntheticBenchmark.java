package org.gyrus.search.bench;

import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.Value;
import org.gyrus.search.Direction;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialStore;
import org.gyrus.search.store.MemoryTrialStore;

/**
 * Best value an algorithm finds on a synthetic function within N trials, over seeded repeats
 * (memory store, one study per repeat, seeds seed, seed+1, ...), with the ask+tell time per trial
 * (the evaluation excluded): the mean over all trials and the median over the last 10 of each
 * repeat, in wall time and in the asking thread's CPU time (the figure that holds on a loaded
 * machine).
 */
public final class SyntheticBenchmark {
  private SyntheticBenchmark() {}

  /** The outcome of R repeats: mean and sample standard deviation of the best values. */
  public record Result(
      int trials,
      int repeats,
      double meanBest,
      double stdBest,
      List<Double> bests,
      double msPerTrial,
      double msLast10Median,
      java.util.Map<Integer, List<Double>> bestsAt,
      double cpuMsLast10Median) {}

  public static Result run(
      Value algorithm, SyntheticEvaluator.Setup setup, int trials, int repeats, long seed) {
    return run(algorithm, setup, trials, repeats, seed, new int[0]);
  }

  /**
   * As {@link #run(Value, SyntheticEvaluator.Setup, int, int, long)}, also keeping the best value
   * so far after each checkpoint's number of trials (an algorithm does not know the budget, so the
   * best after N trials of a longer run is the best of an N-trial run).
   */
  public static Result run(
      Value algorithm,
      SyntheticEvaluator.Setup setup,
      int trials,
      int repeats,
      long seed,
      int[] checkpoints) {
    java.util.Map<Integer, List<Double>> at = new java.util.TreeMap<>();
    for (int c : checkpoints) {
      at.put(c, new ArrayList<>());
    }
    List<Double> bests = new ArrayList<>();
    double total = 0;
    List<Double> last = new ArrayList<>();
    List<Double> lastCpu = new ArrayList<>();
    java.lang.management.ThreadMXBean cpu =
        java.lang.management.ManagementFactory.getThreadMXBean();
    for (int r = 0; r < repeats; r++) {
      try (TrialStore store = new MemoryTrialStore();
          Study study =
              Study.open(
                  store,
                  "synthetic-r" + r,
                  setup.space(),
                  List.of(Direction.MINIMIZE),
                  algorithm,
                  seed + r,
                  Study.Options.DEFAULT)) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < trials; i++) {
          long a = System.nanoTime();
          long ca = cpu.getCurrentThreadCpuTime();
          Trial t = study.ask();
          long b = System.nanoTime();
          long cb = cpu.getCurrentThreadCpuTime();
          double y = setup.value(t.params());
          if (setup.noise() > 0) {
            y += setup.noise() * new java.util.SplittableRandom(t.seed()).nextGaussian();
          }
          long c = System.nanoTime();
          long cc = cpu.getCurrentThreadCpuTime();
          study.tell(t, y);
          double ms = ((b - a) + (System.nanoTime() - c)) / 1e6;
          double cpuMs = ((cb - ca) + (cpu.getCurrentThreadCpuTime() - cc)) / 1e6;
          total += ms;
          if (i >= trials - 10) {
            last.add(ms);
            lastCpu.add(cpuMs);
          }
          best = Math.min(best, y);
          if (at.containsKey(i + 1)) {
            at.get(i + 1).add(best);
          }
        }
        bests.add(study.best().map(Trial::value).orElse(Double.NaN));
      }
    }
    double ms = total / ((double) trials * repeats);
    java.util.Collections.sort(last);
    double lastMedian = last.get(last.size() / 2);
    java.util.Collections.sort(lastCpu);
    double cpuMedian = lastCpu.get(lastCpu.size() / 2);
    double mean = bests.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    double var =
        bests.stream().mapToDouble(b -> (b - mean) * (b - mean)).sum()
            / Math.max(1, bests.size() - 1);
    return new Result(trials, repeats, mean, Math.sqrt(var), bests, ms, lastMedian, at, cpuMedian);
  }
}
