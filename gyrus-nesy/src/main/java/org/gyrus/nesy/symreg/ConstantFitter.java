package org.gyrus.nesy.symreg;

import java.util.Arrays;

/**
 * Levenberg–Marquardt least squares over a program's free constants (finite-difference Jacobian).
 */
public final class ConstantFitter {
  /** Fitted constants and the resulting normalised MSE. */
  public record Fit(double[] consts, double nmse) {}

  private final Evaluator eval;
  private final int maxIterations;

  public ConstantFitter(Evaluator eval, int maxIterations) {
    this.eval = eval;
    this.maxIterations = maxIterations;
  }

  /** Fits from {@code start} (copied); a program without constants is just evaluated. */
  public Fit fit(int[] p, double[] start) {
    double[] theta = start.clone();
    int k = theta.length;
    double[] y = eval.targets();
    double[] pred = eval.predict(p, theta);
    if (k == 0 || pred == null) {
      return new Fit(theta, eval.nmse(p, theta));
    }
    double cost = sse(pred, y);
    double lambda = 1e-3;
    int n = y.length;
    for (int it = 0; it < maxIterations && cost > 1e-28; it++) {
      double[][] jac = new double[k][];
      for (int j = 0; j < k; j++) {
        double h = 1e-7 * Math.max(1, Math.abs(theta[j]));
        double[] t2 = theta.clone();
        t2[j] += h;
        double[] p2 = eval.predict(p, t2);
        if (p2 == null) {
          return new Fit(theta, eval.nmse(p, theta));
        }
        jac[j] = new double[n];
        for (int i = 0; i < n; i++) {
          jac[j][i] = (p2[i] - pred[i]) / h;
        }
      }
      double[][] a = new double[k][k];
      double[] g = new double[k];
      for (int r = 0; r < k; r++) {
        for (int i = 0; i < n; i++) {
          g[r] -= jac[r][i] * (pred[i] - y[i]);
        }
        for (int c = 0; c < k; c++) {
          double s = 0;
          for (int i = 0; i < n; i++) {
            s += jac[r][i] * jac[c][i];
          }
          a[r][c] = s;
        }
      }
      boolean improved = false;
      for (int tries = 0; tries < 8 && !improved; tries++) {
        double[][] damped = new double[k][];
        for (int r = 0; r < k; r++) {
          damped[r] = a[r].clone();
          damped[r][r] += lambda * Math.max(a[r][r], 1e-12);
        }
        double[] step = solve(damped, g.clone());
        double[] next = theta.clone();
        for (int j = 0; j < k && step != null; j++) {
          next[j] += step[j];
        }
        double[] np = step == null ? null : eval.predict(p, next);
        double nc = np == null ? Double.POSITIVE_INFINITY : sse(np, y);
        if (nc < cost) {
          improved = true;
          theta = next;
          pred = np;
          double gain = cost - nc;
          cost = nc;
          lambda = Math.max(lambda / 3, 1e-12);
          if (gain < 1e-12 * cost) {
            it = maxIterations;
          }
        } else {
          lambda *= 4;
        }
      }
      if (!improved) {
        break;
      }
    }
    return new Fit(theta, eval.nmse(p, theta));
  }

  private static double sse(double[] pred, double[] y) {
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      double d = pred[i] - y[i];
      s += d * d;
    }
    return s;
  }

  /** Gaussian elimination with partial pivoting; null when singular. */
  static double[] solve(double[][] a, double[] b) {
    int k = b.length;
    for (int c = 0; c < k; c++) {
      int piv = c;
      for (int r = c + 1; r < k; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
          piv = r;
        }
      }
      if (Math.abs(a[piv][c]) < 1e-300) {
        return null;
      }
      double[] tr = a[c];
      a[c] = a[piv];
      a[piv] = tr;
      double tb = b[c];
      b[c] = b[piv];
      b[piv] = tb;
      for (int r = c + 1; r < k; r++) {
        double f = a[r][c] / a[c][c];
        for (int j = c; j < k; j++) {
          a[r][j] -= f * a[c][j];
        }
        b[r] -= f * b[c];
      }
    }
    double[] x = new double[k];
    for (int r = k - 1; r >= 0; r--) {
      double s = b[r];
      for (int j = r + 1; j < k; j++) {
        s -= a[r][j] * x[j];
      }
      x[r] = s / a[r][r];
    }
    return Arrays.stream(x).allMatch(Double::isFinite) ? x : null;
  }
}
