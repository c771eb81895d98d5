package org.gyrus.search.algo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.gyrus.core.Decision;
import org.gyrus.core.DnaSpec;
import org.gyrus.core.Value;
import org.gyrus.core.Values;
import org.gyrus.search.Direction;
import org.gyrus.search.Metrics;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.store.MemoryTrialStore;
import org.junit.jupiter.api.Test;

class MctsArmsTest {
  @Test
  void everyValueDrawnForAnArmFallsBackIntoThatArm() {
    SplittableRandom rng = new SplittableRandom(3);
    Mcts m = new Mcts(0.5, 8, 20, 0.1);
    for (int trial = 0; trial < 300; trial++) {
      long lo = rng.nextLong(-50, 50);
      long step = rng.nextLong(1, 5);
      long count = rng.nextLong(1, 40);
      double flo = rng.nextDouble(1e-4, 1);
      double fhi = flo * rng.nextDouble(1, 1000);
      List<Decision> ds =
          List.of(
              new Decision.IntChoice("i", null, lo, lo + (count - 1) * step, step),
              new Decision.FloatChoice("f", null, flo, fhi, trial % 2 == 0),
              new Decision.Choice("c", null, List.of("a", "b", "c"), null),
              new Decision.Choice("wide", null, labels(20), null));
      DnaSpec spec = new DnaSpec(ds);
      for (Decision d : ds) {
        int arms = m.arms(spec, d);
        assertThat(arms)
            .isEqualTo(
                d instanceof Decision.Choice c ? c.size() : Math.min(8, spec.cardinality(d)));
        for (int a = 0; a < arms; a++) {
          for (int k = 0; k < 5; k++) {
            Number v = m.valueOf(spec, d, a, rng);
            assertThat(spec.isValid(d, v)).as("%s arm %d -> %s", d, a, v).isTrue();
            assertThat(m.arm(spec, d, v)).as("%s value %s", d, v).isEqualTo(a);
          }
        }
        for (int k = 0; k < 20; k++) {
          Number v = spec.sampleOne(d, rng);
          assertThat(m.arm(spec, d, v)).isBetween(0, arms - 1);
        }
      }
    }
  }

  @Test
  void optionsPastTheBinCountOfAWideChoiceAreProposedAndExploited() {
    // 20 options x 100 integers: with options >= 8 unreachable (binned into 8 arms), the search
    // could only find them through its rare random fall-back on duplicates
    Value space =
        Value.Node.of(
            "pick", "x", Values.oneOf(labels(20).toArray()), "y", Values.intRange(0, 99, 1));
    try (Study st =
        Study.open(
            new MemoryTrialStore(),
            "wide",
            space,
            List.of(Direction.MAXIMIZE),
            new Value.StrVal("mcts"),
            7,
            Study.Options.DEFAULT)) {
      st.optimize(
          (concrete, ctx) -> {
            String x = ((Value.Node) concrete).strArg("x", "");
            return Metrics.of(Integer.parseInt(x.substring(1)));
          },
          120,
          Study.TrialListener.NONE);
      List<Trial> trials = st.trials();
      long late = trials.subList(60, 120).stream().filter(t -> index(t) >= 8).count();
      Set<Integer> seen = new TreeSet<>();
      trials.forEach(t -> seen.add(index(t)));
      assertThat(seen).hasSize(20);
      assertThat(late).as("trials 60-119 on options >= 8").isGreaterThan(45);
      assertThat(st.best().orElseThrow().value()).isEqualTo(19);
    }
  }

  private static int index(Trial t) {
    return Integer.parseInt(((Value.Node) t.params()).strArg("x", "").substring(1));
  }

  private static List<String> labels(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("o" + i);
    }
    return out;
  }
}
