package org.gyrus.search.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.gyrus.core.Value;
import org.gyrus.search.Direction;
import org.gyrus.search.Metrics;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialStore;

/**
 * Best accuracy an algorithm finds on NAS-Bench-201 within a budget of distinct queries, averaged
 * over seeded repeats. Every trial of a study is a distinct cell (the study dedupes proposals), so
 * Q trials are Q distinct queries.
 */
public final class Nb201Benchmark {
  private final NasBench201 table;

  public Nb201Benchmark(NasBench201 table) {
    this.table = table;
  }

  /** The outcome of R repeats at one budget. */
  public record Result(
      String algorithm,
      int queries,
      int repeats,
      double meanBest,
      double stdBest,
      double meanRegret,
      List<Double> bests,
      double seconds) {}

  public Result run(
      Value algorithm,
      String label,
      int queries,
      int repeats,
      long seed,
      Supplier<TrialStore> stores,
      String studyPrefix) {
    List<Double> bests = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int r = 0; r < repeats; r++) {
      try (TrialStore store = stores.get();
          Study study =
              Study.open(
                  store,
                  studyPrefix + "-" + label + "-q" + queries + "-r" + r,
                  NasBench201.space(),
                  List.of(Direction.MAXIMIZE),
                  algorithm,
                  seed + r,
                  Study.Options.DEFAULT)) {
        study.optimize(
            (concrete, ctx) -> Metrics.of(table.accuracy(concrete)),
            queries,
            Study.TrialListener.NONE);
        bests.add(study.best().map(Trial::value).orElse(Double.NaN));
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double mean = bests.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    double var =
        bests.stream().mapToDouble(b -> (b - mean) * (b - mean)).sum()
            / Math.max(1, bests.size() - 1);
    return new Result(
        label, queries, repeats, mean, Math.sqrt(var), table.best() - mean, bests, seconds);
  }

  /** Mean ask+tell time per trial, in ms, over trials [from, to) of one long study. */
  public record Overhead(
      String algorithm,
      int trials,
      double msFirst1000,
      double msLast1000,
      double cpuMsFirst1000,
      double cpuMsLast1000) {}

  public Overhead overhead(Value algorithm, String label, int trials, long seed, TrialStore store) {
    Study study =
        Study.open(
            store,
            "overhead-" + label,
            NasBench201.space(),
            List.of(Direction.MAXIMIZE),
            algorithm,
            seed,
            new Study.Options(java.time.Duration.ofSeconds(60), false, false));
    java.lang.management.ThreadMXBean cpu =
        java.lang.management.ManagementFactory.getThreadMXBean();
    double first = 0;
    double last = 0;
    double cpuFirst = 0;
    double cpuLast = 0;
    for (int i = 0; i < trials; i++) {
      long t0 = System.nanoTime();
      long c0 = cpu.getCurrentThreadCpuTime();
      Trial t = study.ask();
      double acc = table.accuracy(t.params());
      study.tell(t, acc);
      double ms = (System.nanoTime() - t0) / 1e6;
      double cpuMs = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
      if (i < 1000) {
        first += ms;
        cpuFirst += cpuMs;
      }
      if (i >= trials - 1000) {
        last += ms;
        cpuLast += cpuMs;
      }
    }
    int k = Math.min(1000, trials);
    return new Overhead(label, trials, first / k, last / k, cpuFirst / k, cpuLast / k);
  }
}
