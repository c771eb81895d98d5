package org.gyrus.search.algo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.core.Decision;
import org.gyrus.core.DnaSpec;
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
              new Decision.Choice("c", null, List.of("a", "b", "c"), null));
      DnaSpec spec = new DnaSpec(ds);
      for (Decision d : ds) {
        int arms = m.arms(spec, d);
        assertThat(arms).isBetween(1, 8);
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
}
