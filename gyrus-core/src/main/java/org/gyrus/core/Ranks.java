package org.gyrus.core;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Ranks, Spearman's rank correlation and the median, shared by proxy rankings, topographic
 * similarity and bench reports.
 */
public final class Ranks {
  private Ranks() {}

  /** 0-based ranks, ties given their mean rank, non-finite values below every finite one. */
  public static double[] of(double[] v) {
    Integer[] order = IntStream.range(0, v.length).boxed().toArray(Integer[]::new);
    Comparator<Integer> byValue =
        Comparator.comparingDouble(i -> Double.isFinite(v[i]) ? v[i] : Double.NEGATIVE_INFINITY);
    Arrays.sort(order, byValue);
    double[] r = new double[v.length];
    for (int lo = 0; lo < order.length; ) {
      int hi = lo;
      while (hi + 1 < order.length && byValue.compare(order[hi + 1], order[lo]) == 0) {
        hi++;
      }
      for (int k = lo; k <= hi; k++) {
        r[order[k]] = (lo + hi) / 2.0;
      }
      lo = hi + 1;
    }
    return r;
  }

  /**
   * Spearman's rho: the Pearson correlation of the ranks ({@link #of}). NaN when either side is
   * constant, where the correlation is undefined.
   */
  public static double spearman(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("spearman: " + x.length + " vs " + y.length + " values");
    }
    return pearson(of(x), of(y));
  }

  /** Pearson's correlation; NaN when either side is constant. */
  public static double pearson(double[] x, double[] y) {
    int n = x.length;
    double mx = Arrays.stream(x).average().orElse(0);
    double my = Arrays.stream(y).average().orElse(0);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
  }

  /** The median (the mean of the middle two for an even count); NaN when there is no value. */
  public static double median(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
