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
 * q = 0} is exactly Sanchez); {@link #fitRelaxed} picks q on the training set. {@link
 * #chebyshevSolution} is the other way, the one Π-NeSy builds on: the closest consistent system in
 * the L∞ norm (Baaj's Chebyshev distance) and its greatest solution.
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

  /** A relation and, per output column, the Chebyshev distance of the system it approximates. */
  public record Approximation(double[][] relation, double[] distance) {}

  /**
   * For each output column j of {@code X ∘ R = Y}: the Chebyshev distance {@code Δ_j = inf ‖y_j −
   * c‖∞} over the second members c of consistent systems with the same X (Baaj 2023), and the
   * greatest approximate solution {@code R_·j} = the greatest r with {@code X ∘ r ≤ min(y_j + Δ_j,
   * 1)}, which then lies within Δ_j of y_j. Δ_j is found by bisection on d: with r(d) the greatest
   * r under {@code min(y + d, 1)} (Gödel implication), a consistent c within d of y exists iff
   * {@code X ∘ r(d) ≥ y − d}, a condition monotone in d. Only active premises ({@code x_ki > 0})
   * enter either side, so the cost is that of the nonzeros.
   */
  public static Approximation chebyshevSolution(double[][] xs, double[][] ys) {
    if (xs.length == 0 || xs.length != ys.length) {
      throw new SpecError(
          "examples", "as many outputs as inputs (> 0)", xs.length + " vs " + ys.length);
    }
    int n = xs.length;
    int m = xs[0].length;
    int p = ys[0].length;
    int[][] idx = new int[n][];
    for (int k = 0; k < n; k++) {
      int c = 0;
      for (double v : xs[k]) {
        c += v > 0 ? 1 : 0;
      }
      idx[k] = new int[c];
      c = 0;
      for (int i = 0; i < m; i++) {
        if (xs[k][i] > 0) {
          idx[k][c++] = i;
        }
      }
    }
    double[][] r = new double[m][p];
    double[] delta = new double[p];
    double[] y = new double[n];
    double[] col = new double[m];
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < n; k++) {
        y[k] = ys[k][j];
      }
      double lo = 0;
      double hi = 1;
      if (!withinDistance(xs, idx, y, 0, col)) {
        for (int it = 0; it < 60 && hi - lo > 1e-12; it++) {
          double mid = (lo + hi) / 2;
          if (withinDistance(xs, idx, y, mid, col)) {
            hi = mid;
          } else {
            lo = mid;
          }
        }
      } else {
        hi = 0;
      }
      delta[j] = hi;
      greatestBelow(xs, idx, y, hi, col);
      for (int i = 0; i < m; i++) {
        r[i][j] = col[i];
      }
    }
    return new Approximation(r, delta);
  }

  /** col = the greatest r with X ∘ r ≤ min(y + d, 1): r_i = min_k (x_ki → min(y_k + d, 1)). */
  private static void greatestBelow(
      double[][] xs, int[][] idx, double[] y, double d, double[] col) {
    Arrays.fill(col, 1.0);
    for (int k = 0; k < xs.length; k++) {
      double up = Math.min(y[k] + d, 1.0);
      for (int i : idx[k]) {
        col[i] = Math.min(col[i], godel(xs[k][i], up));
      }
    }
  }

  /** Whether X ∘ r(d) ≥ y − d, i.e. a consistent system lies within d of y. */
  private static boolean withinDistance(
      double[][] xs, int[][] idx, double[] y, double d, double[] col) {
    greatestBelow(xs, idx, y, d, col);
    for (int k = 0; k < xs.length; k++) {
      double out = 0;
      for (int i : idx[k]) {
        out = Math.max(out, Math.min(xs[k][i], col[i]));
      }
      if (out < y[k] - d - 1e-12) {
        return false;
      }
    }
    return true;
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
