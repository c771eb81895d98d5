package org.gyrus.nesy.pinesy;

import java.util.Arrays;
import org.gyrus.core.SpecError;

/**
 * Min-max fuzzy relational calculus for Π-NeSy: inference {@code y = x ∘ R} with {@code y_j = max_i
 * min(x_i, R_ij)}, and learning R from examples by solving the system of max-min equations {@code Y
 * = X ∘ R}.
 *
 * <p>Sanchez (1976): the system is solvable iff the Gödel-implication relation {@code R̂_ij = min_k
 * (x_ki → y_kj)}, with {@code a → b = 1 if a ≤ b else b}, solves it, and then R̂ is its greatest
 * solution. Real training sets are inconsistent (a misread digit contradicts the rule), which
 * drives R̂ to 0; {@link #relaxedSolution} replaces the min over the examples whose premise is
 * active by a low quantile, so a fraction {@code q} of contradicting examples is tolerated ({@code
 * q = 0} is exactly Sanchez); {@link #fitRelaxed} picks q on the training set. Π-NeSy itself
 * handles inconsistency with Chebyshev-distance approximate solutions; the quantile is a simpler
 * stand-in.
 */
public final class FuzzyRelation {
  private FuzzyRelation() {}

  public static double godel(double a, double b) {
    return a <= b ? 1.0 : b;
  }

  /** {@code y_j = max_i min(x_i, r_ij)}. */
  public static double[] maxMin(double[] x, double[][] r) {
    if (r.length != x.length) {
      throw new SpecError("relation", x.length + " rows", "" + r.length);
    }
    double[] y = new double[r[0].length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < y.length; j++) {
        y[j] = Math.max(y[j], Math.min(x[i], r[i][j]));
      }
    }
    return y;
  }

  /** Sanchez's greatest solution of X ∘ R = Y (a solution iff the system is solvable). */
  public static double[][] greatestSolution(double[][] xs, double[][] ys) {
    return relaxedSolution(xs, ys, 0.0);
  }

  /**
   * The q-quantile of the Gödel implications over the examples whose premise is active ({@code x_ki
   * > 0}; the others give 1 and carry no evidence); q = 0 is Sanchez's greatest solution.
   */
  public static double[][] relaxedSolution(double[][] xs, double[][] ys, double q) {
    if (xs.length == 0 || xs.length != ys.length) {
      throw new SpecError(
          "examples", "as many outputs as inputs (> 0)", xs.length + " vs " + ys.length);
    }
    if (!(q >= 0 && q < 1)) {
      throw new SpecError("quantile", "0 <= q < 1", "" + q);
    }
    int n = xs.length;
    int m = xs[0].length;
    int p = ys[0].length;
    double[][] r = new double[m][p];
    double[] vals = new double[n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < p; j++) {
        double min = 1.0;
        int active = 0;
        for (int k = 0; k < n; k++) {
          if (xs[k][i] > 0) {
            vals[active] = godel(xs[k][i], ys[k][j]);
            min = Math.min(min, vals[active]);
            active++;
          }
        }
        int rank = (int) Math.floor(q * active);
        if (rank == 0 || min == 1.0) {
          r[i][j] = min;
        } else {
          Arrays.sort(vals, 0, active);
          r[i][j] = vals[rank];
        }
      }
    }
    return r;
  }

  /**
   * Picks q from {@code grid} by accuracy (argmax of the inferred output vs the argmax of the
   * target) on the training examples themselves, and returns the relation learned with it.
   */
  public static double[][] fitRelaxed(double[][] xs, double[][] ys, double[] grid) {
    double[][] best = null;
    double bestAcc = -1;
    for (double q : grid) {
      double[][] r = relaxedSolution(xs, ys, q);
      int ok = 0;
      for (int k = 0; k < xs.length; k++) {
        ok += argmax(maxMin(xs[k], r)) == argmax(ys[k]) ? 1 : 0;
      }
      if (ok > bestAcc) {
        bestAcc = ok;
        best = r;
      }
    }
    return best;
  }

  /** Index of the largest value (the first on ties). */
  public static int argmax(double[] y) {
    int best = 0;
    for (int j = 1; j < y.length; j++) {
      best = y[j] > y[best] ? j : best;
    }
    return best;
  }

  /** Largest |(X ∘ R)_kj − Y_kj|: 0 when R solves the system. */
  public static double residual(double[][] xs, double[][] ys, double[][] r) {
    double worst = 0;
    for (int k = 0; k < xs.length; k++) {
      double[] y = maxMin(xs[k], r);
      for (int j = 0; j < y.length; j++) {
        worst = Math.max(worst, Math.abs(y[j] - ys[k][j]));
      }
    }
    return worst;
  }

  /** Softmax outputs to possibility degrees: normalise by the maximum, cut degrees below eps. */
  public static double[] possibility(float[] probs, int from, int to, double eps) {
    double max = 0;
    for (int v = from; v < to; v++) {
      max = Math.max(max, probs[v]);
    }
    double[] pi = new double[to - from];
    for (int v = from; v < to; v++) {
      double d = max > 0 ? probs[v] / max : 1.0;
      pi[v - from] = d < eps ? 0.0 : d;
    }
    return pi;
  }
}
