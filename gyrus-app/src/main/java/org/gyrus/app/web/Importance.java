package org.gyrus.app.web;

import java.util.SplittableRandom;

/**
 * Parameter importance as a random forest's mean decrease in impurity: regression trees grown on
 * bootstrap samples, each split credited with the variance it removes (weighted by the rows it
 * splits), summed per parameter and normalised to 1. Trees are bagged (every split considers every
 * column), which keeps irrelevant parameters near zero. Categorical parameters enter as their
 * index, which trees split on as they would on any ordered value; an inactive parameter is -1.
 */
public final class Importance {
  private final int trees;
  private final int maxDepth;
  private final int minLeaf;
  private final long seed;

  public Importance(int trees, int maxDepth, int minLeaf, long seed) {
    this.trees = trees;
    this.maxDepth = maxDepth;
    this.minLeaf = minLeaf;
    this.seed = seed;
  }

  /** The usual settings: 64 trees, depth 8, leaves of at least 2 rows. */
  public static Importance standard() {
    return new Importance(64, 8, 2, 0);
  }

  /**
   * Importances of the columns of {@code x} for predicting {@code y}, summing to 1 (all zero when
   * {@code y} is constant or there are fewer than 2 rows).
   */
  public double[] estimate(double[][] x, double[] y) {
    int n = y.length;
    int p = n == 0 ? 0 : x[0].length;
    double[] imp = new double[p];
    if (n < 2 || p == 0) {
      return imp;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int[][] rank = ranks(x, p);
    // Every split looks at every column: with few columns, sampling them would credit noise
    // columns with the signal left over whenever the one that matters was not drawn.
    int mtry = p;
    for (int t = 0; t < trees; t++) {
      int[] rows = new int[n];
      for (int i = 0; i < n; i++) {
        rows[i] = rng.nextInt(n);
      }
      grow(x, y, rank, rows, 0, n, 0, mtry, rng, imp);
    }
    double sum = 0;
    for (double v : imp) {
      sum += v;
    }
    if (sum > 0) {
      for (int j = 0; j < p; j++) {
        imp[j] /= sum;
      }
    }
    return imp;
  }

  /** Splits rows[lo, hi) at the best of mtry random columns, crediting the variance removed. */
  private void grow(
      double[][] x,
      double[] y,
      int[][] rank,
      int[] rows,
      int lo,
      int hi,
      int depth,
      int mtry,
      SplittableRandom rng,
      double[] imp) {
    int n = hi - lo;
    if (depth >= maxDepth || n < 2 * minLeaf) {
      return;
    }
    double total = sse(y, rows, lo, hi);
    if (total <= 1e-12) {
      return;
    }
    int p = x[0].length;
    int bestCol = -1;
    double bestThreshold = 0;
    double bestGain = 1e-12;
    for (int k = 0; k < mtry; k++) {
      int col = k;
      // Sort the node's rows by column value as primitive longs: (global rank << 32) | row.
      long[] keys = new long[n];
      for (int i = 0; i < n; i++) {
        int r = rows[lo + i];
        keys[i] = ((long) rank[col][r] << 32) | r;
      }
      java.util.Arrays.sort(keys);
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = (int) keys[i];
      }
      double leftSum = 0;
      double leftSq = 0;
      double allSum = 0;
      double allSq = 0;
      for (int r : order) {
        allSum += y[r];
        allSq += y[r] * y[r];
      }
      for (int i = 0; i < n - 1; i++) {
        double v = y[order[i]];
        leftSum += v;
        leftSq += v * v;
        int nl = i + 1;
        int nr = n - nl;
        if (nl < minLeaf || nr < minLeaf || x[order[i]][col] == x[order[i + 1]][col]) {
          continue;
        }
        double sseLeft = leftSq - leftSum * leftSum / nl;
        double rightSum = allSum - leftSum;
        double sseRight = (allSq - leftSq) - rightSum * rightSum / nr;
        double gain = total - sseLeft - sseRight;
        if (gain > bestGain) {
          bestGain = gain;
          bestCol = col;
          bestThreshold = (x[order[i]][col] + x[order[i + 1]][col]) / 2;
        }
      }
    }
    if (bestCol < 0) {
      return;
    }
    imp[bestCol] += bestGain;
    int mid = lo;
    for (int i = lo; i < hi; i++) {
      if (x[rows[i]][bestCol] <= bestThreshold) {
        int tmp = rows[i];
        rows[i] = rows[mid];
        rows[mid] = tmp;
        mid++;
      }
    }
    grow(x, y, rank, rows, lo, mid, depth + 1, mtry, rng, imp);
    grow(x, y, rank, rows, mid, hi, depth + 1, mtry, rng, imp);
  }

  /** For each column, each row's position when the rows are sorted by that column. */
  private static int[][] ranks(double[][] x, int p) {
    int n = x.length;
    int[][] rank = new int[p][n];
    for (int j = 0; j < p; j++) {
      final int col = j;
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, (a, b) -> Double.compare(x[a][col], x[b][col]));
      for (int i = 0; i < n; i++) {
        rank[j][order[i]] = i;
      }
    }
    return rank;
  }

  private static double sse(double[] y, int[] rows, int lo, int hi) {
    double s = 0;
    double sq = 0;
    for (int i = lo; i < hi; i++) {
      s += y[rows[i]];
      sq += y[rows[i]] * y[rows[i]];
    }
    return sq - s * s / (hi - lo);
  }
}
