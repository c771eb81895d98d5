package org.gyrus.nesy.pinesy;

import java.util.Arrays;

/**
 * Systems of min-max fuzzy relational equations {@code Γ □ x = b}, {@code b_i = min_j max(γ_ij,
 * x_j)}, and Baaj's handling of inconsistent ones (Baaj, "Chebyshev distances associated to the
 * second members of systems of max-min fuzzy relation equations", and its min-max dual used by
 * Π-NeSy to learn rule parameters).
 *
 * <p>The system is consistent iff the potential lowest solution {@code x̌_j = max_i σ(γ_ij, b_i)}
 * ({@code σ(a, b) = b if a < b else 0}) solves it, and then x̌ is its lowest solution. The
 * Chebyshev distance {@code ∇ = min ‖b − c‖∞} over the consistent second members c is {@code max_i
 * ∇_i} with {@code ∇_i = min_j max((γ_ij − b_i)⁺, max_k min((b_k − b_i)⁺ / 2, (b_k − γ_kj)⁺))}; the
 * lowest Chebyshev approximation of b is {@code Γ □ x̌((b − ∇)⁺)} and x̌((b − ∇)⁺) is the lowest
 * approximate solution. The matrix is given as a {@link Gamma} so that stacked systems of many
 * examples need not be materialised.
 */
public final class MinMaxSystem {
  private MinMaxSystem() {}

  /** The matrix of a system, read entry by entry. */
  public interface Gamma {
    int rows();

    int cols();

    double at(int i, int j);

    /** A dense matrix. */
    static Gamma of(double[][] m) {
      return new Gamma() {
        @Override
        public int rows() {
          return m.length;
        }

        @Override
        public int cols() {
          return m[0].length;
        }

        @Override
        public double at(int i, int j) {
          return m[i][j];
        }
      };
    }
  }

  /** {@code (Γ □ x)_i = min_j max(γ_ij, x_j)}. */
  public static double[] product(Gamma g, double[] x) {
    double[] y = new double[g.rows()];
    for (int i = 0; i < y.length; i++) {
      double v = 1.0;
      for (int j = 0; j < x.length && v > 0; j++) {
        v = Math.min(v, Math.max(g.at(i, j), x[j]));
      }
      y[i] = v;
    }
    return y;
  }

  /** The potential lowest solution {@code x̌_j = max_i σ(γ_ij, b_i)}. */
  public static double[] potentialLowest(Gamma g, double[] b) {
    double[] x = new double[g.cols()];
    for (int i = 0; i < b.length; i++) {
      for (int j = 0; j < x.length; j++) {
        if (g.at(i, j) < b[i] && b[i] > x[j]) {
          x[j] = b[i];
        }
      }
    }
    return x;
  }

  /** Whether {@code Γ □ x = b} has a solution. */
  public static boolean consistent(Gamma g, double[] b) {
    double[] y = product(g, potentialLowest(g, b));
    for (int i = 0; i < b.length; i++) {
      if (Math.abs(y[i] - b[i]) > 1e-12) {
        return false;
      }
    }
    return true;
  }

  /** The Chebyshev distance of the second member: the largest {@link #distances} entry. */
  public static double distance(Gamma g, double[] b) {
    return Arrays.stream(distances(g, b)).max().orElse(0);
  }

  /** {@code (b − d)⁺} componentwise. */
  static double[] lowered(double[] b, double d) {
    double[] out = new double[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = Math.max(b[i] - d, 0);
    }
    return out;
  }

  /** The lowest Chebyshev approximation {@code Γ □ x̌((b − ∇)⁺)} of b, for its distance ∇. */
  public static double[] lowestApproximation(Gamma g, double[] b, double nabla) {
    return product(g, lowestApproximateSolution(g, b, nabla));
  }

  /** The lowest approximate solution {@code x̌((b − d)⁺)}. */
  public static double[] lowestApproximateSolution(Gamma g, double[] b, double d) {
    return potentialLowest(g, lowered(b, d));
  }

  /**
   * Every equation's {@code ∇_i}. For a column j and a level t, {@code max_k min((b_k − t)/2, c_k)}
   * with {@code c_k = (b_k − γ_kj)⁺} equals {@code max(max{c_k : d_k ≥ t}, max{(b_k − t)/2 : d_k <
   * t})} with {@code d_k = b_k − 2c_k}, so one sort of the rows by d per column answers every
   * equation by binary search: O(m · n log n) instead of O(m · n²). Rows with {@code b_k ≤ t} only
   * give values ≤ 0 and drop out through the outer max with 0.
   */
  public static double[] distances(Gamma g, double[] b) {
    int n = g.rows();
    int m = g.cols();
    double[] nabla = new double[n];
    Arrays.fill(nabla, Double.POSITIVE_INFINITY);
    long[] keys = new long[n];
    double[] sortedD = new double[n];
    double[] sufC = new double[n + 1];
    double[] preB = new double[n + 1];
    double[] c = new double[n];
    for (int j = 0; j < m; j++) {
      for (int k = 0; k < n; k++) {
        c[k] = Math.max(b[k] - g.at(k, j), 0);
        // d ∈ [−1, 1]; +2 keeps it positive so the float bits sort like the numbers
        float d = (float) (b[k] - 2 * c[k] + 2);
        keys[k] = ((long) Float.floatToIntBits(d) << 32) | k;
      }
      Arrays.sort(keys);
      preB[0] = Double.NEGATIVE_INFINITY;
      for (int p = 0; p < n; p++) {
        int k = (int) (keys[p] & 0xffffffffL);
        sortedD[p] = b[k] - 2 * c[k];
        preB[p + 1] = Math.max(preB[p], b[k]);
      }
      sufC[n] = 0;
      for (int p = n - 1; p >= 0; p--) {
        int k = (int) (keys[p] & 0xffffffffL);
        sufC[p] = Math.max(sufC[p + 1], c[k]);
      }
      for (int i = 0; i < n; i++) {
        double t = b[i];
        int pos = firstAtLeast(sortedD, t);
        double f = Math.max(0, Math.max(sufC[pos], (preB[pos] - t) / 2));
        double term = Math.max(Math.max(g.at(i, j) - t, 0), f);
        if (term < nabla[i]) {
          nabla[i] = term;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      nabla[i] = Math.min(nabla[i], 1.0);
    }
    return nabla;
  }

  /** First position p with {@code a[p] ≥ t} in an ascending array (a.length when none). */
  private static int firstAtLeast(double[] a, double t) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] >= t) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    // float keys order rows up to ~1e-7; the exact doubles may disagree there, so step over them
    while (lo > 0 && a[lo - 1] >= t) {
      lo--;
    }
    while (lo < a.length && a[lo] < t) {
      lo++;
    }
    return lo;
  }
}
