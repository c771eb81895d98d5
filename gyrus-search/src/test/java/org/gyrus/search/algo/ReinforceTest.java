package org.gyrus.search.algo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.gyrus.core.Value;
import org.gyrus.search.bench.NasBench201;
import org.gyrus.search.bench.Nb201Benchmark;
import org.gyrus.search.store.MemoryTrialStore;
import org.junit.jupiter.api.Test;

class ReinforceTest {
  /** The controller's backpropagation through time against central finite differences. */
  @Test
  void lstmGradientMatchesFiniteDifferences() {
    LstmPolicy policy = new LstmPolicy(new int[] {5, 3, 4}, 6, 9);
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < policy.w.length; i++) {
      policy.w[i] += r.nextDouble() - 0.5; // away from the small initial weights
    }
    int[] actions = {2, -1, 3}; // the middle decision unused by this point
    double[] grad = new double[policy.w.length];
    policy.lossAndGradient(actions, 1.7, 0.3, grad);
    double h = 1e-6;
    double worst = 0;
    for (int i = 0; i < policy.w.length; i++) {
      double keep = policy.w[i];
      policy.w[i] = keep + h;
      double up = policy.lossAndGradient(actions, 1.7, 0.3, new double[grad.length]);
      policy.w[i] = keep - h;
      double down = policy.lossAndGradient(actions, 1.7, 0.3, new double[grad.length]);
      policy.w[i] = keep;
      double fd = (up - down) / (2 * h);
      worst = Math.max(worst, Math.abs(fd - grad[i]) / Math.max(1e-4, Math.abs(fd)));
    }
    assertThat(worst).isLessThan(1e-5);
  }

  /** Continuing from the last replay proposes exactly what a replay from scratch does. */
  @Test
  void incrementalReplayEqualsAFullReplay() {
    NasBench201 table = NasBench201.load(null);
    try (var store = new MemoryTrialStore();
        var study =
            org.gyrus.search.Study.open(
                store,
                "r",
                NasBench201.space(),
                org.gyrus.search.Direction.MAXIMIZE,
                "reinforce",
                3)) {
      study.optimize(
          (c, ctx) -> org.gyrus.search.Metrics.of(table.accuracy(c)),
          40,
          org.gyrus.search.Study.TrialListener.NONE);
      var trials = study.trials();
      var dirs = java.util.List.of(org.gyrus.search.Direction.MAXIMIZE);
      Reinforce incremental = new Reinforce(32, 0.02, 1e-3, 0.9);
      incremental.propose(
          study.space(), org.gyrus.search.History.of(dirs, trials.subList(0, 15)), rng(1));
      var full = org.gyrus.search.History.of(dirs, trials);
      assertThat(incremental.propose(study.space(), full, rng(2)))
          .isEqualTo(new Reinforce(32, 0.02, 1e-3, 0.9).propose(study.space(), full, rng(2)));
    }
  }

  private static SplittableRandom rng(long seed) {
    return new SplittableRandom(seed);
  }

  /** On the NB201 table at 100 queries, over 12 seeds not used to choose its defaults. */
  @Test
  void beatsRandomSearchOnTheTableAtEqualQueries() {
    NasBench201 table = NasBench201.load(null);
    Nb201Benchmark bench = new Nb201Benchmark(table);
    double reinforce =
        bench
            .run(
                new Value.StrVal("reinforce"),
                "reinforce",
                100,
                12,
                7000,
                MemoryTrialStore::new,
                "t")
            .meanBest();
    double random =
        bench
            .run(new Value.StrVal("random"), "random", 100, 12, 7000, MemoryTrialStore::new, "t")
            .meanBest();
    assertThat(reinforce).isGreaterThan(random).isGreaterThanOrEqualTo(93.85);
  }
}
