package org.gyrus.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.Dna;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Values;
import org.gyrus.search.algo.Algorithms;
import org.gyrus.search.bench.NasBench201;
import org.gyrus.search.bench.Nb201Benchmark;
import org.gyrus.search.store.MemoryTrialStore;
import org.junit.jupiter.api.Test;

class AlgorithmsTest {
  private static final NasBench201 TABLE = NasBench201.load(null);

  private static List<Dna> run(String algorithm, long seed, int n) {
    try (TrialStore store = new MemoryTrialStore();
        Study s =
            Study.open(store, "s", NasBench201.space(), Direction.MAXIMIZE, algorithm, seed)) {
      s.optimize((c, ctx) -> Metrics.of(TABLE.accuracy(c)), n, Study.TrialListener.NONE);
      List<Dna> out = new ArrayList<>();
      s.trials().forEach(t -> out.add(t.dna()));
      return out;
    }
  }

  @Test
  void sameSeedGivesTheSameSequenceOfTrialsForEveryAlgorithm() {
    for (String a : Algorithms.names()) {
      assertThat(run(a, 7, 40)).as(a).isEqualTo(run(a, 7, 40));
      if (!a.equals("grid")) {
        assertThat(run(a, 7, 40)).as(a).isNotEqualTo(run(a, 8, 40));
      }
    }
  }

  @Test
  void gridOverTheWholeNasBench201SpaceFindsTheOptimum() {
    try (TrialStore store = new MemoryTrialStore();
        Study s = Study.open(store, "grid", NasBench201.space(), Direction.MAXIMIZE, "grid", 0)) {
      s.optimize((c, ctx) -> Metrics.of(TABLE.accuracy(c)), 20_000, Study.TrialListener.NONE);
      assertThat(s.trials()).hasSize(15_625);
      assertThat(s.trials().stream().map(t -> t.dna().toJson()).distinct().count())
          .isEqualTo(15_625);
      assertThat(s.best().orElseThrow().value())
          .isCloseTo(94.3733, org.assertj.core.data.Offset.offset(1e-3));
    }
  }

  @Test
  void evolutionAndTpeBeatRandomSearchOnNasBench201() {
    Nb201Benchmark b = new Nb201Benchmark(TABLE);
    double random =
        b.run(new Value.StrVal("random"), "random", 100, 20, 500, MemoryTrialStore::new, "t")
            .meanBest();
    double evolution =
        b.run(new Value.StrVal("evolution"), "evolution", 100, 20, 500, MemoryTrialStore::new, "t")
            .meanBest();
    double tpe =
        b.run(new Value.StrVal("tpe"), "tpe", 100, 20, 500, MemoryTrialStore::new, "t").meanBest();
    assertThat(evolution).isGreaterThan(random + 0.2);
    assertThat(tpe).isGreaterThan(random + 0.2);
    assertThat(tpe).isGreaterThan(94.2);
  }

  @Test
  void tpeFindsTheMinimumOfAContinuousFunctionWithConditionalDecisions() {
    Value space =
        Value.Node.of(
            "f",
            "x",
            Values.floatRange(-5, 5, false),
            "y",
            Values.floatRange(1e-3, 10, true),
            "shape",
            Values.oneOf(Value.Node.of("bowl", "k", Values.intRange(1, 9)), Value.Node.of("flat")));
    Evaluator f =
        (c, ctx) -> {
          Value.Node n = (Value.Node) c;
          double x = n.floatArg("x", 0);
          double y = n.floatArg("y", 1);
          Value.Node shape = (Value.Node) n.arg("shape");
          double pen = shape.type().equals("bowl") ? Math.abs(shape.intArg("k", 0) - 4) : 3;
          return Metrics.of((x - 1.5) * (x - 1.5) + Math.pow(Math.log10(y) - 0, 2) + pen);
        };
    double tpeMean = 0;
    double randomMean = 0;
    for (long seed = 0; seed < 5; seed++) {
      for (String a : List.of("tpe", "random")) {
        try (TrialStore store = new MemoryTrialStore();
            Study s = Study.open(store, a, space, Direction.MINIMIZE, a, seed)) {
          s.optimize(f, 150, Study.TrialListener.NONE);
          double best = s.best().orElseThrow().value();
          if (a.equals("tpe")) {
            tpeMean += best / 5;
          } else {
            randomMean += best / 5;
          }
        }
      }
    }
    assertThat(tpeMean).isLessThan(0.15);
    assertThat(tpeMean).isLessThan(randomMean);
  }

  @Test
  void unknownAlgorithmsAndBadOptionsNameWhatWasExpected() {
    assertThatThrownBy(() -> Algorithms.of("tpee"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining(
            "algorithm: expected one of [evolution, grid, random, tpe] (did you mean 'tpe'?), got 'tpee'");
    assertThatThrownBy(() -> Algorithms.of(Value.Node.of("evolution", "population", 0)))
        .hasMessage("algorithm.population: expected an integer >= 2, got 0");
    assertThatThrownBy(() -> Algorithms.of(Value.Node.of("tpe", "gama", 0.2)))
        .hasMessageStartingWith("algorithm.gama: expected one of the options of tpe");
  }
}
