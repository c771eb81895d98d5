package org.gyrus.nn.swimmer;

/** Gaussian elimination with partial pivoting for the small dense systems of the swimmer. */
final class Linear {
  private Linear() {}

  static double[] solve(double[][] a0, double[] b0) {
    int n = b0.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = a0[i].clone();
    }
    double[] b = b0.clone();
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int r = c + 1; r < n; r++) {
        p = Math.abs(a[r][c]) > Math.abs(a[p][c]) ? r : p;
      }
      double[] row = a[c];
      a[c] = a[p];
      a[p] = row;
      double t = b[c];
      b[c] = b[p];
      b[p] = t;
      for (int r = c + 1; r < n; r++) {
        double f = a[r][c] / a[c][c];
        for (int k = c; k < n; k++) {
          a[r][k] -= f * a[c][k];
        }
        b[r] -= f * b[c];
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = b[r];
      for (int k = r + 1; k < n; k++) {
        s -= a[r][k] * x[k];
      }
      x[r] = s / a[r][r];
    }
    return x;
  }
}
