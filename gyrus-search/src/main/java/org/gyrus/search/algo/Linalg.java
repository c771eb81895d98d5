package org.gyrus.search.algo;

/**
 * The dense linear algebra the GP and CMA-ES need: Cholesky, triangular solves, symmetric eigen
 * (the last also used by the covariance proxies of gyrus-nas).
 */
public final class Linalg {
  private Linalg() {}

  /**
   * The lower Cholesky factor L of a symmetric positive definite matrix (L L^T = a), or null when a
   * pivot is not positive. Only the lower triangle of {@code a} is read.
   */
  static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      double[] li = l[i];
      for (int j = 0; j <= i; j++) {
        double[] lj = l[j];
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= li[k] * lj[k];
        }
        if (i == j) {
          if (!(s > 0)) {
            return null;
          }
          li[i] = Math.sqrt(s);
        } else {
          li[j] = s / lj[j];
        }
      }
    }
    return l;
  }

  /** Solves L x = b for lower-triangular L. */
  static double[] solveLower(double[][] l, double[] b) {
    int n = b.length;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double[] li = l[i];
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= li[k] * x[k];
      }
      x[i] = s / li[i];
    }
    return x;
  }

  /** Solves L^T x = b for lower-triangular L. */
  static double[] solveUpperT(double[][] l, double[] b) {
    int n = b.length;
    double[] x = b.clone();
    for (int i = n - 1; i >= 0; i--) {
      x[i] /= l[i][i];
      double xi = x[i];
      double[] li = l[i];
      for (int k = 0; k < i; k++) {
        x[k] -= li[k] * xi;
      }
    }
    return x;
  }

  /**
   * The inverse of L L^T from its Cholesky factor: M = L^-1 by forward substitution, then M^T M,
   * using the zeros of both triangles (about n^3 / 3 multiply-adds).
   */
  static double[][] inverseFromCholesky(double[][] l) {
    int n = l.length;
    double[][] mt = new double[n][n]; // mt[c][k] = (L^-1)[k][c], zero for k < c
    for (int c = 0; c < n; c++) {
      double[] col = mt[c];
      col[c] = 1 / l[c][c];
      for (int i = c + 1; i < n; i++) {
        double[] li = l[i];
        double s = 0;
        for (int k = c; k < i; k++) {
          s -= li[k] * col[k];
        }
        col[i] = s / li[i];
      }
    }
    double[][] inv = new double[n][n];
    for (int i = 0; i < n; i++) {
      double[] mi = mt[i];
      for (int j = 0; j <= i; j++) {
        double[] mj = mt[j];
        double s = 0;
        for (int k = i; k < n; k++) {
          s += mi[k] * mj[k];
        }
        inv[i][j] = s;
        inv[j][i] = s;
      }
    }
    return inv;
  }

  /**
   * Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations: returns the eigenvalues;
   * {@code vectors} (may be null) receives the eigenvectors as columns. The input is not changed.
   * Sweeps stop once the off-diagonal mass is negligible relative to the whole matrix. Fine for the
   * small matrices of CMA-ES and of batch-sized covariances.
   */
  public static double[] symmetricEigen(double[][] a, double[][] vectors) {
    int n = a.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = a[i].clone();
      if (vectors != null) {
        java.util.Arrays.fill(vectors[i], 0);
        vectors[i][i] = 1;
      }
    }
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0;
      double total = 0;
      for (int p = 0; p < n; p++) {
        total += m[p][p] * m[p][p];
        for (int q = p + 1; q < n; q++) {
          off += m[p][q] * m[p][q];
          total += 2 * m[p][q] * m[p][q];
        }
      }
      if (off < 1e-30 * Math.max(total, 1)) {
        break;
      }
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          if (Math.abs(m[p][q]) >= 1e-300) {
            rotate(m, vectors, p, q);
          }
        }
      }
    }
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = m[i][i];
    }
    return values;
  }

  private static void rotate(double[][] m, double[][] v, int p, int q) {
    int n = m.length;
    double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
    if (theta == 0) {
      t = 1;
    }
    double c = 1 / Math.sqrt(t * t + 1);
    double s = t * c;
    for (int k = 0; k < n; k++) {
      double mkp = m[k][p];
      double mkq = m[k][q];
      m[k][p] = c * mkp - s * mkq;
      m[k][q] = s * mkp + c * mkq;
    }
    for (int k = 0; k < n; k++) {
      double mpk = m[p][k];
      double mqk = m[q][k];
      m[p][k] = c * mpk - s * mqk;
      m[q][k] = s * mpk + c * mqk;
    }
    for (int k = 0; v != null && k < n; k++) {
      double vkp = v[k][p];
      double vkq = v[k][q];
      v[k][p] = c * vkp - s * vkq;
      v[k][q] = s * vkp + c * vkq;
    }
  }
}
