package org.gyrus.search.algo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinalgTest {
  private static double[][] randomSpd(int n, SplittableRandom r) {
    double[][] g = new double[n][n];
    for (double[] row : g) {
      for (int j = 0; j < n; j++) {
        row[j] = r.nextGaussian();
      }
    }
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (int k = 0; k < n; k++) {
          a[i][j] += g[i][k] * g[j][k];
        }
      }
      a[i][i] += 0.1;
    }
    return a;
  }

  @Test
  void choleskyReproducesTheMatrixAndItsInverseAndSolvesAreExact() {
    SplittableRandom r = new SplittableRandom(3);
    for (int n : new int[] {1, 2, 5, 17}) {
      double[][] a = randomSpd(n, r);
      double[][] l = Linalg.cholesky(a);
      double[][] inv = Linalg.inverseFromCholesky(l);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double llt = 0;
          double id = 0;
          for (int k = 0; k < n; k++) {
            llt += l[i][k] * l[j][k];
            id += a[i][k] * inv[k][j];
          }
          assertThat(llt).isCloseTo(a[i][j], within(1e-9));
          assertThat(id).isCloseTo(i == j ? 1 : 0, within(1e-7));
        }
      }
      double[] b = new double[n];
      for (int i = 0; i < n; i++) {
        b[i] = r.nextGaussian();
      }
      double[] x = Linalg.solveUpperT(l, Linalg.solveLower(l, b));
      for (int i = 0; i < n; i++) {
        double ax = 0;
        for (int k = 0; k < n; k++) {
          ax += a[i][k] * x[k];
        }
        assertThat(ax).isCloseTo(b[i], within(1e-8));
      }
    }
    assertThat(Linalg.cholesky(new double[][] {{1, 2}, {2, 1}})).isNull();
  }

  @Test
  void jacobiEigenvectorsSatisfyTheEigenEquationAndAreOrthonormal() {
    SplittableRandom r = new SplittableRandom(5);
    for (int n : new int[] {1, 3, 8}) {
      double[][] a = randomSpd(n, r);
      double[][] v = new double[n][n];
      double[] w = Linalg.symmetricEigen(a, v);
      for (int k = 0; k < n; k++) {
        for (int i = 0; i < n; i++) {
          double av = 0;
          for (int j = 0; j < n; j++) {
            av += a[i][j] * v[j][k];
          }
          assertThat(av).isCloseTo(w[k] * v[i][k], within(1e-8));
        }
        for (int k2 = 0; k2 < n; k2++) {
          double dot = 0;
          for (int i = 0; i < n; i++) {
            dot += v[i][k] * v[i][k2];
          }
          assertThat(dot).isCloseTo(k == k2 ? 1 : 0, within(1e-9));
        }
      }
    }
  }
}
