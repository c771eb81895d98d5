package org.gyrus.nn.kan;

/** Ridge-stabilised least squares by the normal equations and a Cholesky factorisation. */
final class LeastSquares {
  private LeastSquares() {}

  /** argmin_C ||A C - B||² + λ·tr(AᵀA)/p·||C||², A (n×p) and B (n×q) row-major; returns C (p×q). */
  static double[] solve(double[] a, int n, int p, double[] b, int q, double lambda) {
    double[] ata = new double[p * p];
    double[] atb = new double[p * q];
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < p; i++) {
        double ai = a[r * p + i];
        if (ai == 0) {
          continue;
        }
        for (int j = 0; j < p; j++) {
          ata[i * p + j] += ai * a[r * p + j];
        }
        for (int j = 0; j < q; j++) {
          atb[i * q + j] += ai * b[r * q + j];
        }
      }
    }
    double trace = 0;
    for (int i = 0; i < p; i++) {
      trace += ata[i * p + i];
    }
    double ridge = lambda * Math.max(trace / p, 1e-300);
    for (int i = 0; i < p; i++) {
      ata[i * p + i] += ridge;
    }
    double[] l = cholesky(ata, p);
    double[] c = new double[p * q];
    for (int j = 0; j < q; j++) {
      double[] z = new double[p];
      for (int i = 0; i < p; i++) {
        double s = atb[i * q + j];
        for (int k = 0; k < i; k++) {
          s -= l[i * p + k] * z[k];
        }
        z[i] = s / l[i * p + i];
      }
      for (int i = p - 1; i >= 0; i--) {
        double s = z[i];
        for (int k = i + 1; k < p; k++) {
          s -= l[k * p + i] * c[k * q + j];
        }
        c[i * q + j] = s / l[i * p + i];
      }
    }
    return c;
  }

  private static double[] cholesky(double[] m, int p) {
    double[] l = new double[p * p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        double s = m[i * p + j];
        for (int k = 0; k < j; k++) {
          s -= l[i * p + k] * l[j * p + k];
        }
        if (i == j) {
          l[i * p + i] = Math.sqrt(Math.max(s, 1e-300));
        } else {
          l[i * p + j] = s / l[j * p + j];
        }
      }
    }
    return l;
  }
}
