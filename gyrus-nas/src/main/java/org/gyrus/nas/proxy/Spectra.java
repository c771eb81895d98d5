package org.gyrus.nas.proxy;

import org.gyrus.search.algo.Linalg;

/** Small dense symmetric-matrix helpers the covariance proxies share (matrices are batch-sized). */
final class Spectra {
  private static final double JACOB_K = 1e-5;

  private Spectra() {}

  /** Eigenvalues of a symmetric matrix (the input is not changed). */
  static double[] eigenvalues(double[][] sym) {
    return Linalg.symmetricEigen(sym, null);
  }

  /** Pearson correlation between the rows of {@code rows} (numpy's corrcoef). */
  static double[][] corrcoef(double[][] rows) {
    int n = rows.length;
    double[][] centred = new double[n][];
    double[] norm = new double[n];
    for (int i = 0; i < n; i++) {
      double mean = 0;
      for (double v : rows[i]) {
        mean += v;
      }
      mean /= rows[i].length;
      centred[i] = new double[rows[i].length];
      for (int k = 0; k < rows[i].length; k++) {
        centred[i][k] = rows[i][k] - mean;
        norm[i] += centred[i][k] * centred[i][k];
      }
      norm[i] = Math.sqrt(norm[i]);
    }
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double dot = 0;
        for (int k = 0; k < centred[i].length; k++) {
          dot += centred[i][k] * centred[j][k];
        }
        c[i][j] = dot / (norm[i] * norm[j]);
        c[j][i] = c[i][j];
      }
    }
    return c;
  }

  /**
   * The covariance score of Mellor et al.'s Jacobian covariance (and the hidden covariance of
   * recurrent and attention networks): -sum(log(v + k) + 1/(v + k)) over the eigenvalues v of the
   * rows' correlation matrix, k = 1e-5; large when the rows are decorrelated. A row with no
   * variance makes the correlation undefined: the score is then NaN, as numpy gives.
   */
  static double correlationScore(double[][] rows) {
    double score = 0;
    for (double v : eigenvalues(corrcoef(rows))) {
      score -= Math.log(v + JACOB_K) + 1 / (v + JACOB_K);
    }
    return score;
  }

  /** log|det| of a symmetric matrix from its eigenvalues (-infinity when singular). */
  static double logAbsDet(double[][] sym) {
    double s = 0;
    for (double v : eigenvalues(sym)) {
      s += Math.log(Math.abs(v));
    }
    return s;
  }

  /** Rows of a row-major {@code rows x (data.length / rows)} array. */
  static double[][] rows(double[] data, int rows) {
    int cols = data.length / rows;
    double[][] out = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(data, i * cols, out[i], 0, cols);
    }
    return out;
  }
}
