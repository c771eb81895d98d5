package org.gyrus.search.bench;

import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.Value;
import org.gyrus.search.Direction;
import org.gyrus.search.Metrics;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialStore;
import org.gyrus.search.store.MemoryTrialStore;

/**
 * Best value an algorithm finds on a synthetic function within N trials, over seeded repeats
 * (memory store, one study per repeat, seeds seed, seed+1, ...).
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
      double msPerTrial) {}

  public static Result run(
      Value algorithm, SyntheticEvaluator.Setup setup, int trials, int repeats, long seed) {
    List<Double> bests = new ArrayList<>();
    long t0 = System.nanoTime();
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
        study.optimize(
            (concrete, ctx) -> {
              double y = setup.value(concrete);
              if (setup.noise() > 0) {
                y += setup.noise() * new java.util.SplittableRandom(ctx.seed()).nextGaussian();
              }
              return Metrics.of(y);
            },
            trials,
            Study.TrialListener.NONE);
        bests.add(study.best().map(Trial::value).orElse(Double.NaN));
      }
    }
    double ms = (System.nanoTime() - t0) / 1e6 / ((double) trials * repeats);
    double mean = bests.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    double var =
        bests.stream().mapToDouble(b -> (b - mean) * (b - mean)).sum()
            / Math.max(1, bests.size() - 1);
    return new Result(trials, repeats, mean, Math.sqrt(var), bests, ms);
  }
}
