package org.gyrus.search.algo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {
  private static final boolean[] ONE_NUMERIC = {false};

  @Test
  void maternFiveHalvesAtUnitDistanceMatchesItsClosedForm() {
    // (1 + sqrt5 + 5/3) e^-sqrt5, evaluated by hand
    assertThat(GaussianProcess.matern(1)).isCloseTo(0.5239941088318203, within(1e-12));
    assertThat(GaussianProcess.matern(0)).isEqualTo(1.0);
  }

  @Test
  void posteriorOfTwoPointsMatchesTheTwoByTwoFormula() {
    double len = 0.5;
    double signal = 2.0;
    double noise = 0.01;
    double[] theta = {Math.log(len), Math.log(signal), Math.log(noise)};
    double[][] x = {{0.0}, {0.5}};
    double[] y = {1.0, 2.0};
    GaussianProcess gp = GaussianProcess.condition(x, y, ONE_NUMERIC, theta);
    // by hand: K = [[a, k], [k, a]], a = signal + noise (+ 1e-10 signal jitter), k = s m(1)
    double a = signal + noise + 1e-10 * signal;
    double k = signal * 0.5239941088318203;
    double det = a * a - k * k;
    double k1 = signal * GaussianProcess.matern(0.1 / len);
    double k2 = signal * GaussianProcess.matern(0.4 / len);
    double w1 = (a * y[0] - k * y[1]) / det;
    double w2 = (-k * y[0] + a * y[1]) / det;
    double mean = k1 * w1 + k2 * w2;
    double var = signal - (a * k1 * k1 - 2 * k * k1 * k2 + a * k2 * k2) / det;
    double[] post = gp.posterior(new double[] {0.1});
    assertThat(post[0]).isCloseTo(mean, within(1e-12));
    assertThat(post[1]).isCloseTo(var, within(1e-12));
  }

  @Test
  void posteriorEqualsBruteForceGaussianConditioningOnMixedCoordinates() {
    SplittableRandom r = new SplittableRandom(9);
    boolean[] cat = {false, true, false};
    for (int trial = 0; trial < 5; trial++) {
      int n = 6;
      double[][] x = new double[n][];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = new double[] {r.nextDouble(), r.nextInt(3), r.nextDouble()};
        y[i] = r.nextGaussian();
      }
      double[] theta = {
        Math.log(0.1 + r.nextDouble()),
        Math.log(0.2 + r.nextDouble()),
        Math.log(0.1 + r.nextDouble()),
        Math.log(0.5 + r.nextDouble()),
        Math.log(1e-3 + 0.1 * r.nextDouble())
      };
      GaussianProcess gp = GaussianProcess.condition(x, y, cat, theta);
      double[] inv =
          new double[] {Math.exp(-2 * theta[0]), Math.exp(-2 * theta[1]), Math.exp(-2 * theta[2])};
      double s = Math.exp(theta[3]);
      double noise = Math.exp(theta[4]);
      double[][] k = GaussianProcess.kernelMatrix(x, cat, inv, s, noise);
      double[][] kinv = gaussJordanInverse(k);
      double[] u = {r.nextDouble(), r.nextInt(3), r.nextDouble()};
      double[] ks = new double[n];
      for (int i = 0; i < n; i++) {
        ks[i] = s * GaussianProcess.matern(Math.sqrt(GaussianProcess.dist2(u, x[i], cat, inv)));
      }
      double mean = 0;
      double quad = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          mean += ks[i] * kinv[i][j] * y[j];
          quad += ks[i] * kinv[i][j] * ks[j];
        }
      }
      double[] post = gp.posterior(u);
      assertThat(post[0]).isCloseTo(mean, within(1e-8));
      assertThat(post[1]).isCloseTo(Math.max(s - quad, 1e-12 * s), within(1e-8));
    }
  }

  @Test
  void logLikelihoodGradientMatchesFiniteDifferences() {
    SplittableRandom r = new SplittableRandom(2);
    boolean[] cat = {false, false, true};
    int n = 12;
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = new double[] {r.nextDouble(), r.nextDouble(), r.nextInt(2)};
      y[i] = Math.sin(5 * x[i][0]) + x[i][2] + 0.1 * r.nextGaussian();
    }
    double[] theta = {Math.log(0.3), Math.log(0.7), Math.log(1.2), Math.log(0.8), Math.log(0.05)};
    double[] grad = new double[theta.length];
    GpFit.objective(x, y, cat, theta, grad);
    for (int j = 0; j < theta.length; j++) {
      double h = 1e-5;
      double[] up = theta.clone();
      double[] dn = theta.clone();
      up[j] += h;
      dn[j] -= h;
      double fd =
          (GpFit.objective(x, y, cat, up, new double[5])
                  - GpFit.objective(x, y, cat, dn, new double[5]))
              / (2 * h);
      assertThat(grad[j]).as("d/dtheta_%d", j).isCloseTo(fd, within(1e-5 * (1 + Math.abs(fd))));
    }
  }

  @Test
  void fittingRaisesTheLikelihoodAndFindsTheIrrelevantCoordinate() {
    SplittableRandom r = new SplittableRandom(4);
    boolean[] cat = {false, false};
    int n = 40;
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = new double[] {r.nextDouble(), r.nextDouble()};
      y[i] = Math.sin(6 * x[i][0]); // x1 does not matter
    }
    double[] theta = GpFit.fit(x, y, cat, 2, 60, 1);
    double[] g = new double[4];
    assertThat(GpFit.objective(x, y, cat, theta, g))
        .isGreaterThan(GpFit.objective(x, y, cat, GpFit.start(2), new double[4]) + 1);
    assertThat(Math.exp(theta[1])).isGreaterThan(3 * Math.exp(theta[0]));
  }

  private static double[][] gaussJordanInverse(double[][] a) {
    int n = a.length;
    double[][] m = new double[n][2 * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n + i] = 1;
    }
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int i = c + 1; i < n; i++) {
        if (Math.abs(m[i][c]) > Math.abs(m[p][c])) {
          p = i;
        }
      }
      double[] t = m[c];
      m[c] = m[p];
      m[p] = t;
      double piv = m[c][c];
      for (int j = 0; j < 2 * n; j++) {
        m[c][j] /= piv;
      }
      for (int i = 0; i < n; i++) {
        if (i != c) {
          double f = m[i][c];
          for (int j = 0; j < 2 * n; j++) {
            m[i][j] -= f * m[c][j];
          }
        }
      }
    }
    double[][] inv = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(m[i], n, inv[i], 0, n);
    }
    return inv;
  }
}
