package org.gyrus.search.algo;

/**
 * A Gaussian process with a Matérn-5/2 kernel over mixed coordinates: the squared distance sums
 * ((x_j - x'_j) / l_j)^2 over numeric coordinates and [x_j != x'_j] / l_j^2 over categorical ones
 * (an overlap kernel: Hamming distance embeds in Euclidean space, so the kernel stays positive
 * definite). Hyper-parameters, all as logs: one length-scale per coordinate, the signal variance
 * and the noise variance. Conditioned on (X, y) once; asks for the posterior are O(n d + n^2).
 */
final class GaussianProcess {
  private static final double SQRT5 = Math.sqrt(5);
  private final double[][] x;
  private final boolean[] categorical;
  private final double[] invLen2; // 1 / l_j^2
  private final double signal;
  private final double noise;
  private final double[][] chol;
  private final double[] alpha;

  /** Null when the kernel matrix is not numerically positive definite. */
  static GaussianProcess condition(
      double[][] x, double[] y, boolean[] categorical, double[] theta) {
    int d = categorical.length;
    double[] invLen2 = new double[d];
    for (int j = 0; j < d; j++) {
      invLen2[j] = Math.exp(-2 * theta[j]);
    }
    double signal = Math.exp(theta[d]);
    double noise = Math.exp(theta[d + 1]);
    double[][] k = kernelMatrix(x, categorical, invLen2, signal, noise);
    double[][] l = Linalg.cholesky(k);
    if (l == null) {
      return null;
    }
    return new GaussianProcess(x, categorical, invLen2, signal, noise, l, y);
  }

  private GaussianProcess(
      double[][] x,
      boolean[] categorical,
      double[] invLen2,
      double signal,
      double noise,
      double[][] chol,
      double[] y) {
    this.x = x;
    this.categorical = categorical;
    this.invLen2 = invLen2;
    this.signal = signal;
    this.noise = noise;
    this.chol = chol;
    this.alpha = Linalg.solveUpperT(chol, Linalg.solveLower(chol, y));
  }

  static double[][] kernelMatrix(
      double[][] x, boolean[] categorical, double[] invLen2, double signal, double noise) {
    int n = x.length;
    double[][] k = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        k[i][j] = signal * matern(Math.sqrt(dist2(x[i], x[j], categorical, invLen2)));
        k[j][i] = k[i][j];
      }
      k[i][i] = signal + noise + 1e-10 * signal;
    }
    return k;
  }

  static double dist2(double[] a, double[] b, boolean[] categorical, double[] invLen2) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      if (categorical[j]) {
        s += a[j] == b[j] ? 0 : invLen2[j];
      } else {
        double t = a[j] - b[j];
        s += t * t * invLen2[j];
      }
    }
    return s;
  }

  /** Matérn-5/2 correlation at scaled distance r. */
  static double matern(double r) {
    double t = SQRT5 * r;
    return (1 + t + t * t / 3) * Math.exp(-t);
  }

  /** Posterior mean and variance of the latent function at u (noise excluded). */
  double[] posterior(double[] u) {
    int n = x.length;
    double[] ks = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      ks[i] = signal * matern(Math.sqrt(dist2(u, x[i], categorical, invLen2)));
      mean += ks[i] * alpha[i];
    }
    double[] v = Linalg.solveLower(chol, ks);
    double var = signal;
    for (double vi : v) {
      var -= vi * vi;
    }
    return new double[] {mean, Math.max(var, 1e-12 * signal)};
  }

  double noise() {
    return noise;
  }

  /**
   * The log marginal likelihood of y under hyper-parameters theta, and its gradient (into {@code
   * grad}, same layout as theta); -infinity when the kernel matrix is not positive definite.
   */
  static double logLikelihood(
      double[][] x, double[] y, boolean[] categorical, double[] theta, double[] grad) {
    int n = x.length;
    int d = categorical.length;
    double[] invLen2 = new double[d];
    for (int j = 0; j < d; j++) {
      invLen2[j] = Math.exp(-2 * theta[j]);
    }
    double signal = Math.exp(theta[d]);
    double noise = Math.exp(theta[d + 1]);
    double[][] k = kernelMatrix(x, categorical, invLen2, signal, noise);
    double[][] l = Linalg.cholesky(k);
    if (l == null) {
      return Double.NEGATIVE_INFINITY;
    }
    double[] alpha = Linalg.solveUpperT(l, Linalg.solveLower(l, y));
    double ll = -0.5 * n * Math.log(2 * Math.PI);
    for (int i = 0; i < n; i++) {
      ll -= 0.5 * y[i] * alpha[i] + Math.log(l[i][i]);
    }
    if (grad == null) {
      return ll;
    }
    java.util.Arrays.fill(grad, 0);
    double[][] kinv = Linalg.inverseFromCholesky(l);
    for (int i = 0; i < n; i++) {
      for (int m = 0; m < i; m++) {
        double w = alpha[i] * alpha[m] - kinv[i][m]; // (alpha alpha^T - K^-1), off-diagonal twice
        double r = Math.sqrt(dist2(x[i], x[m], categorical, invLen2));
        double e = Math.exp(-SQRT5 * r);
        grad[d] += w * signal * (1 + SQRT5 * r + 5 * r * r / 3) * e;
        double common = w * signal * (5.0 / 3) * (1 + SQRT5 * r) * e;
        for (int j = 0; j < d; j++) {
          double t;
          if (categorical[j]) {
            t = x[i][j] == x[m][j] ? 0 : invLen2[j];
          } else {
            double diff = x[i][j] - x[m][j];
            t = diff * diff * invLen2[j];
          }
          grad[j] += common * t;
        }
      }
      double wii = alpha[i] * alpha[i] - kinv[i][i];
      grad[d] += 0.5 * wii * signal * (1 + 1e-10);
      grad[d + 1] += 0.5 * wii * noise;
    }
    return ll;
  }
}
