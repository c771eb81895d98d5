package org.example.gyrus.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.gyrus.logic.datalog.Parser;
import org.gyrus.logic.datalog.engine.Engine;
import org.gyrus.logic.datalog.engine.Relation;
import org.gyrus.logic.datalog.provenance.Provenance;
import org.junit.jupiter.api.Test;

class TropicalTest {
  @Test
  void semiringLawsHoldOnRandomCosts() {
    Tropical t = new Tropical();
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 1000; i++) {
      double a = t.input(0, rng.nextDouble(1e-6, 1));
      double b = t.input(1, rng.nextDouble(1e-6, 1));
      double c = t.input(2, rng.nextDouble(1e-6, 1));
      assertThat(t.plus(a, t.zero())).isEqualTo(a);
      assertThat(t.times(a, t.one())).isEqualTo(a);
      assertThat(t.times(a, t.zero())).isEqualTo(t.zero());
      assertThat(t.times(a, t.plus(b, c)))
          .isCloseTo(t.plus(t.times(a, b), t.times(a, c)), within(1e-12));
      assertThat(t.plus(a, a)).isEqualTo(a);
    }
  }

  @Test
  void theCheapestProofIsTheMostLikelyProofThatMaxProductFinds() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int g = 0; g < 20; g++) {
      StringBuilder prog = new StringBuilder();
      for (int e = 0; e < 25; e++) {
        prog.append(
            String.format(
                java.util.Locale.ROOT,
                "%.3f::edge(%d, %d).%n",
                rng.nextDouble(0.05, 1),
                rng.nextInt(8),
                rng.nextInt(8)));
      }
      prog.append("path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n");
      Engine tropical = new Engine(Parser.parse(prog.toString(), "g.dl"));
      Engine maxprod = new Engine(Parser.parse(prog.toString(), "g.dl"));
      Provenance<?> pt = Provenance.of(tropical, "tropical");
      Provenance<?> pm = Provenance.of(maxprod, "maxprod");
      Relation rt = tropical.relation("path");
      Relation rm = maxprod.relation("path");
      assertThat(rt.size()).isEqualTo(rm.size()).isPositive();
      java.util.Map<String, Double> expected = new java.util.HashMap<>();
      for (int row = 0; row < rm.size(); row++) {
        expected.put(maxprod.show(rm, row), prob(pm, rm, row));
      }
      for (int row = 0; row < rt.size(); row++) {
        assertThat(prob(pt, rt, row)).isCloseTo(expected.get(tropical.show(rt, row)), within(1e-9));
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static double prob(Provenance p, Relation r, int row) {
    return p.semiring().probability(p.tag(r, row));
  }
}
