package org.gyrus.nn.kan;

import static org.assertj.core.api.Assertions.assertThat;

import org.gyrus.nn.train.Lbfgs;
import org.junit.jupiter.api.Test;

/** L-BFGS against known optima. */
class LbfgsTest {
  @Test
  void minimises_rosenbrock_to_its_optimum() {
    Lbfgs.Objective rosen =
        (w, g) -> {
          double f = 0;
          java.util.Arrays.fill(g, 0);
          for (int i = 0; i + 1 < w.length; i++) {
            double a = w[i + 1] - w[i] * w[i];
            double b = 1 - w[i];
            f += 100 * a * a + b * b;
            g[i] += -400 * w[i] * a - 2 * b;
            g[i + 1] += 200 * a;
          }
          return f;
        };
    double[] w = {-1.2, 1, -1.2, 1, 0.5, -0.3};
    double f = new Lbfgs(10).minimise(rosen, w, 500);
    assertThat(f).isLessThan(1e-16);
    for (double v : w) {
      assertThat(v).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-7));
    }
  }

  @Test
  void matches_scipy_on_an_ill_conditioned_quadratic() {
    int n = 50;
    Lbfgs.Objective q =
        (w, g) -> {
          double f = 0;
          for (int i = 0; i < n; i++) {
            double c = Math.pow(10, 4.0 * i / (n - 1));
            f += 0.5 * c * (w[i] - 1) * (w[i] - 1);
            g[i] = c * (w[i] - 1);
          }
          return f;
        };
    double[] w = new double[n];
    Lbfgs opt = new Lbfgs(10);
    double f = opt.minimise(q, w, 300);
    assertThat(opt.evaluations()).as("evaluations").isLessThan(400);
    // scipy's L-BFGS-B (maxcor 10) reaches 2.4e-4 in 300 iterations, 314 evaluations
    assertThat(f).isLessThan(1e-3);
  }
}
