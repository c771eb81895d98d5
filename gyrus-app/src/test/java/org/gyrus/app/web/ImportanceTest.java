package org.gyrus.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The random-forest importance finds the parameter that matters; Pareto keeps what is undominated.
 */
class ImportanceTest {
  private static double[][] uniform(int n, int p, SplittableRandom rng) {
    double[][] x = new double[n][p];
    for (double[] row : x) {
      for (int j = 0; j < p; j++) {
        row[j] = rng.nextDouble();
      }
    }
    return x;
  }

  @Test
  void theOneParameterThatMattersGetsAlmostAllImportance() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int target = 0; target < 4; target++) {
      double[][] x = uniform(200, 4, rng);
      double[] y = new double[200];
      for (int i = 0; i < 200; i++) {
        y[i] = 3 * Math.sin(3 * x[i][target]) + 0.05 * rng.nextGaussian();
      }
      double[] imp = Importance.standard().estimate(x, y);
      assertThat(imp[target]).as("importance of x%d", target).isGreaterThan(0.85);
      double sum = 0;
      for (double v : imp) {
        sum += v;
      }
      assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    }
  }

  @Test
  void twoParametersShareImportanceByTheirEffect() {
    SplittableRandom rng = new SplittableRandom(2);
    double[][] x = uniform(300, 3, rng);
    double[] y = new double[300];
    for (int i = 0; i < 300; i++) {
      y[i] = 4 * x[i][0] + 1 * x[i][2];
    }
    double[] imp = Importance.standard().estimate(x, y);
    assertThat(imp[0]).isGreaterThan(imp[2]).isGreaterThan(0.6);
    assertThat(imp[2]).isGreaterThan(imp[1]);
    assertThat(imp[1]).isLessThan(0.05);
  }

  @Test
  void categoricalIndexWorksAndConstantTargetsGiveZero() {
    SplittableRandom rng = new SplittableRandom(3);
    double[][] x = new double[120][2];
    double[] y = new double[120];
    double[] effect = {0.0, 2.0, -1.0, 0.5, 3.0};
    for (int i = 0; i < 120; i++) {
      x[i][0] = rng.nextInt(5);
      x[i][1] = rng.nextInt(5);
      y[i] = effect[(int) x[i][1]];
    }
    assertThat(Importance.standard().estimate(x, y)[1]).isGreaterThan(0.95);
    assertThat(Importance.standard().estimate(x, new double[120])).containsOnly(0.0);
    assertThat(Importance.standard().estimate(new double[1][2], new double[1])).containsOnly(0.0);
  }

  @Test
  void paretoFrontIsTheUndominatedSet() {
    List<double[]> pts =
        List.of(
            new double[] {1, 5},
            new double[] {2, 4},
            new double[] {2, 2},
            new double[] {3, 1},
            new double[] {0, 0},
            new double[] {3, 1});
    // {2,2} is dominated by {2,4}; {0,0} by all; equal points do not dominate each other.
    assertThat(Pareto.front(pts)).containsExactly(0, 1, 3, 5);
  }
}
