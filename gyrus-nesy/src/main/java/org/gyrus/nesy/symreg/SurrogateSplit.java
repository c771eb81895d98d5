package org.gyrus.nesy.symreg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.gyrus.core.LeastSquares;

/**
 * Additive separability read off a polynomial surrogate, for {@link AdditiveResidual}. For every
 * proper subset S of the inputs, y is fitted by least squares as c + P(x_S) + Q(x_rest), P and Q
 * polynomials without constant term, of the lowest total degree that fits exactly (or the best
 * degree tried); where the fit is near-exact, y is additively separable over S and P's values at
 * the training rows are the S-part of y up to a constant. A sub-search over the inputs of S alone
 * then looks for that part, and the residual route searches the rest.
 *
 * <p>Why: AI Feynman tests separability on a fitted surrogate and recurses on the separated parts
 * (Udrescu and Tegmark, Science Advances 6, 2020); with the 20 points of a Nguyen problem a network
 * surrogate is not credible, a low-degree polynomial with at least twice as many rows as
 * coefficients is. It finds a part of small range that the search on the whole target only
 * approximates (Nguyen-12: x1⁴ − x1³ spans 0.105 on [0,1] next to 0.5 for ½x2² − x2), which the
 * search's own additive programs rarely carry exactly.
 */
final class SurrogateSplit {
  /**
   * A separable split: the inputs of the part (ascending), the part's values at the training rows
   * and the fit's deficit 1 − R² on y.
   */
  record Split(int[] vars, double[] part, double deficit) {}

  /** Fits with a larger deficit are not taken as separable. */
  static final double MAX_DEFICIT = 1e-6;

  /** A fit this close is exact: no higher degree is tried. */
  private static final double EXACT = 1e-12;

  private static final int MAX_DEGREE = 6;

  private SurrogateSplit() {}

  /**
   * The separable splits of y over the inputs {@code x} (columns), best fit first; empty for one
   * input, a constant y, or too few rows for even a linear fit.
   */
  static List<Split> find(double[][] x, double[] y) {
    List<Split> out = new ArrayList<>();
    int n = x.length;
    if (n < 2 || AdditiveResidual.spread(y) == 0) {
      return out;
    }
    for (int mask = 1; mask < (1 << n) - 1; mask++) {
      int m = mask;
      int[] in = IntStream.range(0, n).filter(i -> (m >> i & 1) == 1).toArray();
      int[] rest = IntStream.range(0, n).filter(i -> (m >> i & 1) == 0).toArray();
      Split best = null;
      for (int d = 1; d <= MAX_DEGREE; d++) {
        Split s = fit(x, y, in, rest, d);
        if (s == null) {
          break;
        }
        if (best == null || s.deficit() < best.deficit()) {
          best = s;
        }
        if (s.deficit() <= EXACT) {
          break;
        }
      }
      if (best != null && best.deficit() <= MAX_DEFICIT) {
        out.add(best);
      }
    }
    out.sort(Comparator.comparingDouble(Split::deficit));
    return out;
  }

  /**
   * The additive fit of total degree {@code d} on each side; null when it would have more than half
   * as many coefficients as rows (an exact fit would then say little about separability).
   */
  private static Split fit(double[][] x, double[] y, int[] in, int[] rest, int d) {
    List<int[]> pMonomials = monomials(in.length, d);
    List<int[]> qMonomials = monomials(rest.length, d);
    int rows = y.length;
    int p = 1 + pMonomials.size() + qMonomials.size();
    if (2 * p > rows) {
      return null;
    }
    double[][] cols = new double[p][];
    cols[0] = new double[rows];
    Arrays.fill(cols[0], 1);
    for (int j = 0; j < pMonomials.size(); j++) {
      cols[1 + j] = column(x, in, pMonomials.get(j));
    }
    for (int j = 0; j < qMonomials.size(); j++) {
      cols[1 + pMonomials.size() + j] = column(x, rest, qMonomials.get(j));
    }
    // unit-norm columns: x⁶ next to 1 on [0, 10] would otherwise span 12 orders of magnitude
    double[] a = new double[rows * p];
    double[] norm = new double[p];
    for (int j = 0; j < p; j++) {
      for (int i = 0; i < rows; i++) {
        norm[j] += cols[j][i] * cols[j][i];
      }
      norm[j] = Math.sqrt(norm[j]);
      if (!(norm[j] > 0) || !Double.isFinite(norm[j])) {
        return null;
      }
      for (int i = 0; i < rows; i++) {
        a[i * p + j] = cols[j][i] / norm[j];
      }
    }
    double[] c = LeastSquares.fit(a, rows, p, y);
    double[] part = new double[rows];
    double sse = 0;
    for (int i = 0; i < rows; i++) {
      double fitted = 0;
      for (int j = 0; j < p; j++) {
        double term = a[i * p + j] * c[j];
        fitted += term;
        if (j >= 1 && j <= pMonomials.size()) {
          part[i] += term;
        }
      }
      sse += (y[i] - fitted) * (y[i] - fitted);
    }
    double deficit = sse / AdditiveResidual.spread(y);
    return Double.isFinite(deficit) ? new Split(in, part, deficit) : null;
  }

  /** The product over {@code vars} of x_v to the given exponents, at every row. */
  private static double[] column(double[][] x, int[] vars, int[] exponents) {
    double[] out = new double[x[0].length];
    Arrays.fill(out, 1);
    for (int k = 0; k < vars.length; k++) {
      for (int e = 0; e < exponents[k]; e++) {
        for (int i = 0; i < out.length; i++) {
          out[i] *= x[vars[k]][i];
        }
      }
    }
    return out;
  }

  /** Exponent vectors over {@code k} variables of total degree 1..d. */
  static List<int[]> monomials(int k, int d) {
    List<int[]> out = new ArrayList<>();
    extend(new int[k], 0, d, out);
    out.removeIf(e -> IntStream.of(e).sum() == 0);
    return out;
  }

  private static void extend(int[] e, int at, int left, List<int[]> out) {
    if (at == e.length) {
      out.add(e.clone());
      return;
    }
    for (int p = 0; p <= left; p++) {
      e[at] = p;
      extend(e, at + 1, left - p, out);
    }
    e[at] = 0;
  }
}
