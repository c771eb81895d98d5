package org.gyrus.search.algo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gyrus.core.Value;
import org.gyrus.search.Direction;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialStore;
import org.gyrus.search.bench.SyntheticBenchmark;
import org.gyrus.search.bench.SyntheticEvaluator;
import org.gyrus.search.store.MemoryTrialStore;
import org.junit.jupiter.api.Test;

class GpSearchTest {
  private static final SyntheticEvaluator.Setup BRANIN =
      SyntheticEvaluator.Setup.of(Value.Node.of("synthetic", "function", "branin"));

  @Test
  void findsBraninsMinimumWithinOneHundredthInFortyTrials() {
    SyntheticBenchmark.Result gp =
        SyntheticBenchmark.run(new Value.StrVal("gp"), BRANIN, 40, 3, 10);
    SyntheticBenchmark.Result random =
        SyntheticBenchmark.run(new Value.StrVal("random"), BRANIN, 40, 3, 10);
    assertThat(gp.meanBest()).isLessThan(0.398 + 0.01);
    assertThat(random.meanBest()).isGreaterThan(gp.meanBest() + 0.1);
  }

  @Test
  void runningTrialsCountAsTheWorstValueSoParallelAsksSpreadOut() {
    try (TrialStore store = new MemoryTrialStore();
        Study s =
            Study.open(
                store,
                "liar",
                BRANIN.space(),
                List.of(Direction.MINIMIZE),
                new Value.StrVal("gp"),
                3,
                Study.Options.DEFAULT)) {
      for (int i = 0; i < 20; i++) {
        Trial t = s.ask();
        s.tell(t, BRANIN.value(t.params()));
      }
      Trial a = s.ask(); // still running when b is asked
      Trial b = s.ask();
      Value.Node pa = (Value.Node) a.params();
      Value.Node pb = (Value.Node) b.params();
      double dx = (pa.floatArg("x0", 0) - pb.floatArg("x0", 0)) / 15;
      double dy = (pa.floatArg("x1", 0) - pb.floatArg("x1", 0)) / 15;
      assertThat(Math.hypot(dx, dy)).isGreaterThan(0.02);
    }
  }

  @Test
  void aResumedStudyProposesWhatAnUninterruptedOneWould() {
    for (String algo : List.of("gp", "cmaes")) {
      List<org.gyrus.core.Dna> straight;
      try (TrialStore store = new MemoryTrialStore();
          Study s = open(store, algo)) {
        s.optimize((c, ctx) -> org.gyrus.search.Metrics.of(BRANIN.value(c)), 24, NONE);
        straight = s.trials().stream().map(Trial::dna).toList();
      }
      try (TrialStore store = new MemoryTrialStore()) {
        try (Study first = open(store, algo)) {
          first.optimize((c, ctx) -> org.gyrus.search.Metrics.of(BRANIN.value(c)), 13, NONE);
        }
        try (Study resumed = Study.load(store, "resume")) { // a new algorithm object, no caches
          resumed.optimize((c, ctx) -> org.gyrus.search.Metrics.of(BRANIN.value(c)), 24, NONE);
          assertThat(resumed.trials().stream().map(Trial::dna).toList())
              .as(algo)
              .isEqualTo(straight);
        }
      }
    }
  }

  private static final Study.TrialListener NONE = Study.TrialListener.NONE;

  private static Study open(TrialStore store, String algo) {
    return Study.open(
        store,
        "resume",
        BRANIN.space(),
        List.of(Direction.MINIMIZE),
        new Value.StrVal(algo),
        5,
        Study.Options.DEFAULT);
  }

  @Test
  void pastItsCapTheModelSeesTheBestHalfAndTheMostRecentTrials() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
    double[] scores = new double[300];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = rng.nextDouble();
    }
    assertThat(GpSearch.trainingSet(java.util.Arrays.copyOf(scores, 40), 50))
        .containsExactly(java.util.stream.IntStream.range(0, 40).toArray());
    int[] kept = GpSearch.trainingSet(scores, 100);
    assertThat(kept).hasSize(100).isSorted().doesNotHaveDuplicates();
    double[] sorted = scores.clone();
    java.util.Arrays.sort(sorted);
    double fiftiethBest = sorted[scores.length - 50];
    java.util.Set<Integer> set = new java.util.HashSet<>();
    for (int i : kept) {
      set.add(i);
    }
    int newestLeftOut = -1;
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] >= fiftiethBest) {
        assertThat(set).as("top-50 trial %d", i).contains(i);
      } else if (!set.contains(i)) {
        newestLeftOut = i;
      }
    }
    for (int i = newestLeftOut + 1; i < scores.length; i++) {
      assertThat(set).as("trial %d is newer than every left-out one", i).contains(i);
    }
  }

  @Test
  void aCappedModelStillFindsBraninsMinimum() {
    Value gp = org.gyrus.core.SpecCodec.fromYaml("{_type: gp, max_points: 24}");
    SyntheticBenchmark.Result r = SyntheticBenchmark.run(gp, BRANIN, 50, 2, 10);
    SyntheticBenchmark.Result random =
        SyntheticBenchmark.run(new Value.StrVal("random"), BRANIN, 50, 2, 10);
    assertThat(r.meanBest()).isLessThan(0.398 + 0.05).isLessThan(random.meanBest());
  }

  @Test
  void refitsHyperParametersOnAScheduleThatDependsOnlyOnTheTrialCount() {
    assertThat(GpSearch.refitPoint(12)).isEqualTo(12);
    assertThat(GpSearch.refitPoint(30)).isEqualTo(30);
    assertThat(GpSearch.refitPoint(33)).isEqualTo(30);
    assertThat(GpSearch.refitPoint(34)).isEqualTo(34);
    int p = GpSearch.refitPoint(200);
    assertThat(p).isLessThanOrEqualTo(200).isGreaterThan((int) (200 / 1.13));
  }
}
