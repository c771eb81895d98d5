package org.gyrus.search.algo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.core.Decision;
import org.junit.jupiter.api.Test;

/** The by-column rest density against the Parzen's own sum, on random mixed data. */
class ParzenColumnsTest {
  @Test
  void columnSumsMatchTheParzenSumOnRandomMixedData() {
    qt().withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom rng = new SplittableRandom(seed);
              List<Decision> dims = randomDims(rng);
              int n = 1 + rng.nextInt(400);
              double[][] obs = new double[n][];
              for (int i = 0; i < n; i++) {
                obs[i] = randomPoint(dims, rng, 0.2);
              }
              double[] w = Tpe.ramp(n);
              Parzen p = new Parzen(dims, obs, w, 1.0, true, rng.nextBoolean());
              ParzenColumns columns = new ParzenColumns(p, obs);
              for (int c = 0; c < 5; c++) {
                // points near an observation (where the terms differ most) and anywhere
                double[] x =
                    c % 2 == 0 ? near(dims, obs[rng.nextInt(n)], rng) : randomPoint(dims, rng, 0.1);
                assertThat(columns.logDensity(x)).isCloseTo(p.logDensity(x), within(1e-9));
              }
            });
  }

  private static List<Decision> randomDims(SplittableRandom rng) {
    List<Decision> dims = new ArrayList<>();
    int d = 1 + rng.nextInt(7);
    for (int j = 0; j < d; j++) {
      switch (rng.nextInt(4)) {
        case 0 -> dims.add(new Decision.Choice("c" + j, null, List.of("a", "b", "c", "d"), null));
        case 1 -> dims.add(new Decision.IntChoice("i" + j, null, -3, 12, 3));
        case 2 -> dims.add(new Decision.FloatChoice("l" + j, null, 1e-5, 1e-1, true));
        default -> dims.add(new Decision.FloatChoice("f" + j, null, -2, 5, false));
      }
    }
    return dims;
  }

  /** Kernel coordinates of a random point; each coordinate inactive (NaN) with {@code pNaN}. */
  private static double[] randomPoint(List<Decision> dims, SplittableRandom rng, double pNaN) {
    double[] x = new double[dims.size()];
    for (int j = 0; j < x.length; j++) {
      Decision dec = dims.get(j);
      if (rng.nextDouble() < pNaN) {
        x[j] = Double.NaN;
      } else if (dec instanceof Decision.Choice c) {
        x[j] = rng.nextInt(c.size());
      } else if (dec instanceof Decision.IntChoice r) {
        x[j] = r.lo() + r.step() * rng.nextLong(r.count());
      } else {
        double[] b = Parzen.bounds(dec);
        x[j] = b[0] + (b[1] - b[0]) * rng.nextDouble();
      }
    }
    return x;
  }

  private static double[] near(List<Decision> dims, double[] o, SplittableRandom rng) {
    double[] x = o.clone();
    for (int j = 0; j < x.length; j++) {
      if (!(dims.get(j) instanceof Decision.Choice) && x[j] == x[j]) {
        double[] b = Parzen.bounds(dims.get(j));
        x[j] = Math.max(b[0], Math.min(b[1], x[j] + 0.01 * (b[1] - b[0]) * rng.nextGaussian()));
      }
    }
    return x;
  }
}
