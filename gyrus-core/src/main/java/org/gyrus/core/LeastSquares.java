package org.gyrus.core;

/**
 * Least squares by Householder QR (never the normal equations, whose squared condition number would
 * swamp tiny penalties): {@link #fit} the plain problem (symbolic regression's surrogates), {@link
 * #solve} with smoothness and ridge penalties (KAN spline coefficients).
 */
public final class LeastSquares {
  private LeastSquares() {}

  /**
   * argmin_c ||A c - b||² (A n×p row-major, n ≥ p, full column rank) by Householder QR; the
   * arguments are left unchanged.
   */
  public static double[] fit(double[] a, int n, int p, double[] b) {
    return qrSolve(a.clone(), n, p, b.clone(), 1);
  }

  /**
   * argmin_C ||A C - B||² + s·(smooth·||D C||² + ridge·||C||²), A (n×p) and B (n×q) row-major, D
   * the second differences along p (rows c_{i-1} - 2c_i + c_{i+1}), s = ||A||²_F / p so the weights
   * are relative to the data; returns C (p×q). The difference penalty settles coefficients the
   * samples do not reach on the straight continuation of their neighbours, where a plain ridge
   * would pull them to 0 and bend the spline to 0 right beside the data.
   */
  public static double[] solve(
      double[] a, int n, int p, double[] b, int q, double smooth, double ridge) {
    double s = 0;
    for (double v : a) {
      s += v * v;
    }
    s = Math.max(s / p, 1e-300);
    int diffs = Math.max(p - 2, 0);
    int m = n + diffs + p;
    double[] x = new double[m * p];
    double[] y = new double[m * q];
    System.arraycopy(a, 0, x, 0, n * p);
    System.arraycopy(b, 0, y, 0, n * q);
    double ws = Math.sqrt(smooth * s);
    for (int r = 0; r < diffs; r++) {
      int row = (n + r) * p;
      x[row + r] = ws;
      x[row + r + 1] = -2 * ws;
      x[row + r + 2] = ws;
    }
    double wr = Math.sqrt(ridge * s);
    for (int i = 0; i < p; i++) {
      x[(n + diffs + i) * p + i] = wr;
    }
    return qrSolve(x, m, p, y, q);
  }

  /** Least-squares solution of X C = Y (X m×p, m ≥ p, full column rank) by Householder QR. */
  private static double[] qrSolve(double[] x, int m, int p, double[] y, int q) {
    double[] v = new double[m];
    for (int j = 0; j < p; j++) {
      double norm = 0;
      for (int i = j; i < m; i++) {
        norm += x[i * p + j] * x[i * p + j];
      }
      norm = Math.sqrt(norm);
      if (norm == 0) {
        continue;
      }
      double alpha = x[j * p + j] > 0 ? -norm : norm;
      double vv = 0;
      for (int i = j; i < m; i++) {
        v[i] = x[i * p + j] - (i == j ? alpha : 0);
        vv += v[i] * v[i];
      }
      if (vv == 0) {
        continue;
      }
      reflect(x, m, p, j, v, vv, j);
      reflect(y, m, q, j, v, vv, 0);
    }
    double[] c = new double[p * q];
    for (int k = 0; k < q; k++) {
      for (int i = p - 1; i >= 0; i--) {
        double t = y[i * q + k];
        for (int l = i + 1; l < p; l++) {
          t -= x[i * p + l] * c[l * q + k];
        }
        double d = x[i * p + i];
        c[i * q + k] = d == 0 ? 0 : t / d;
      }
    }
    return c;
  }

  /** Applies I - 2vvᵀ/(vᵀv) (v nonzero from row j on) to columns from..cols-1 of z (m×cols). */
  private static void reflect(double[] z, int m, int cols, int j, double[] v, double vv, int from) {
    for (int k = from; k < cols; k++) {
      double dot = 0;
      for (int i = j; i < m; i++) {
        dot += v[i] * z[i * cols + k];
      }
      double f = 2 * dot / vv;
      for (int i = j; i < m; i++) {
        z[i * cols + k] -= f * v[i];
      }
    }
  }
}
