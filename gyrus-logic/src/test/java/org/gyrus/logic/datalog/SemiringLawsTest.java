package org.gyrus.logic.datalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import java.util.function.BiPredicate;
import org.gyrus.logic.datalog.provenance.Semiring;
import org.gyrus.logic.datalog.provenance.Semirings;
import org.junit.jupiter.api.Test;

/**
 * Semiring laws on random elements built from random input facts: associativity and commutativity
 * of plus and times, identities, distributivity, annihilation by zero. Top-k is checked with k
 * large enough that nothing is truncated (with truncation it is an approximation).
 */
class SemiringLawsTest {

  @Test
  void lawsHold() {
    for (String name :
        new String[] {"boolean", "counting", "maxprod", "minmax", "exact", "topk:64"}) {
      qt().withExamples(300)
          .withFixedSeed(5)
          .forAll(longs().all())
          .checkAssert(seed -> checkLaws(name, seed));
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void checkLaws(String name, long seed) {
    Semiring s = Semirings.of(name);
    Random rng = new Random(seed);
    double[] probs = new double[6];
    for (int i = 0; i < probs.length; i++) {
      probs[i] = Math.round(rng.nextDouble() * 100) / 100.0;
    }
    Object a = element(s, rng, probs);
    Object b = element(s, rng, probs);
    Object c = element(s, rng, probs);
    BiPredicate<Object, Object> eq =
        (x, y) -> {
          double px = s.probability(x);
          if (Double.isNaN(px)) {
            return s.same(x, y);
          }
          return s.same(x, y) || Math.abs(px - s.probability(y)) < 1e-9;
        };
    String ctx = name + " a=" + a + " b=" + b + " c=" + c;
    assertThat(eq.test(s.plus(a, s.plus(b, c)), s.plus(s.plus(a, b), c))).as(ctx).isTrue();
    assertThat(eq.test(s.times(a, s.times(b, c)), s.times(s.times(a, b), c))).as(ctx).isTrue();
    assertThat(eq.test(s.plus(a, b), s.plus(b, a))).as(ctx).isTrue();
    assertThat(eq.test(s.times(a, b), s.times(b, a))).as(ctx).isTrue();
    assertThat(eq.test(s.plus(a, s.zero()), a)).as(ctx).isTrue();
    assertThat(eq.test(s.times(a, s.one()), a)).as(ctx).isTrue();
    assertThat(eq.test(s.times(a, s.zero()), s.zero())).as(ctx).isTrue();
    assertThat(eq.test(s.times(a, s.plus(b, c)), s.plus(s.times(a, b), s.times(a, c))))
        .as(ctx)
        .isTrue();
    if (s.isIdempotent()) {
      assertThat(eq.test(s.plus(a, a), a)).as(ctx).isTrue();
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object element(Semiring s, Random rng, double[] probs) {
    Object x =
        rng.nextInt(5) == 0
            ? s.zero()
            : s.input(rng.nextInt(probs.length), probs[rng.nextInt(probs.length)]);
    int ops = rng.nextInt(4);
    for (int i = 0; i < ops; i++) {
      int f = rng.nextInt(probs.length);
      Object y = s.input(f, probs[f]);
      x = rng.nextBoolean() ? s.plus(x, y) : s.times(x, y);
    }
    return x;
  }
}
