package org.gyrus.search.algo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ExpectedImprovementTest {
  /** E[max(Y - best, 0)] for Y ~ N(mean, sd^2), by Simpson's rule above best. */
  private static double integrate(double mean, double sd, double best) {
    double lo = Math.max(best, mean - 14 * sd);
    double hi = Math.max(lo + 14 * sd, mean + 14 * sd);
    int m = 20_000;
    double h = (hi - lo) / m;
    double s = 0;
    for (int i = 0; i <= m; i++) {
      double t = lo + i * h;
      double z = (t - mean) / sd;
      double f = (t - best) * Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI));
      s += f * (i == 0 || i == m ? 1 : i % 2 == 1 ? 4 : 2);
    }
    return s * h / 3;
  }

  @Test
  void expectedImprovementMatchesNumericalIntegration() {
    double[][] cases = {{0, 1, 0}, {1, 0.5, 0.2}, {-1, 2, 1}, {0.3, 0.01, 0.31}, {0, 1, 3}};
    for (double[] c : cases) {
      double exact = integrate(c[0], c[1], c[2]);
      assertThat(ExpectedImprovement.ei(c[0], c[1], c[2]))
          .as("EI(%s)", java.util.Arrays.toString(c))
          .isCloseTo(exact, within(1e-6 * Math.max(exact, 1e-3)));
      assertThat(ExpectedImprovement.logEi(c[0], c[1], c[2]))
          .isCloseTo(Math.log(exact), within(1e-5));
    }
  }

  @Test
  void logEiStaysAccurateWhereEiItselfUnderflowsTowardZero() {
    for (double z : new double[] {-6, -9, -12, -20}) {
      double exact = integrate(z, 1, 0);
      assertThat(ExpectedImprovement.logEi(z, 1, 0))
          .as("z=%s", z)
          .isCloseTo(Math.log(exact), within(1e-5));
    }
    // continuous across the switch to the continued fraction, and finite far out
    assertThat(ExpectedImprovement.logH(-3.0000001))
        .isCloseTo(ExpectedImprovement.logH(-2.9999999), within(1e-5));
    assertThat(ExpectedImprovement.logH(-60)).isFinite().isLessThan(-1700);
  }
}
