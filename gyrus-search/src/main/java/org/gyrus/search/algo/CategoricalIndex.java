package org.gyrus.search.algo;

import java.util.Arrays;

/**
 * Completed trials' choices, indexed by (decision, option) and appended as trials complete, so
 * TPE's "rest" density over thousands of trials costs per candidate only a pass over the trials
 * that share an option with it. Each trial's kernel value depends on its match pattern alone (per
 * decision: miss, match, or inactive), so kernels come from a 3^d table.
 */
final class CategoricalIndex {
  static final int MAX_DIMS = 8;
  private final int d;
  private final int[] choices;
  private final int[] pow3;
  private int n;
  private int[] base = new int[64];
  private int[][][] postings;
  private int[][] postingSize;
  private int[] codes = new int[64];
  private int[] touched = new int[64];

  CategoricalIndex(int[] choices) {
    this.d = choices.length;
    this.choices = choices.clone();
    pow3 = new int[d];
    int size = 1;
    for (int j = 0; j < d; j++) {
      pow3[j] = size;
      size *= 3;
    }
    postings = new int[d][][];
    postingSize = new int[d][];
    for (int j = 0; j < d; j++) {
      postings[j] = new int[choices[j]][8];
      postingSize[j] = new int[choices[j]];
    }
  }

  int size() {
    return n;
  }

  int tableSize() {
    return pow3.length == 0 ? 1 : pow3[d - 1] * 3;
  }

  /** The pattern code of row i when nothing matches: its inactive decisions only. */
  int baseCode(int i) {
    return base[i];
  }

  void append(double[] row) {
    if (n == base.length) {
      base = Arrays.copyOf(base, n * 2);
      codes = Arrays.copyOf(codes, n * 2);
      touched = Arrays.copyOf(touched, n * 2);
    }
    int b = 0;
    for (int j = 0; j < d; j++) {
      double o = row[j];
      if (o != o) {
        b += 2 * pow3[j];
      } else {
        int c = (int) o;
        int[] list = postings[j][c];
        if (postingSize[j][c] == list.length) {
          postings[j][c] = list = Arrays.copyOf(list, list.length * 2);
        }
        list[postingSize[j][c]++] = n;
      }
    }
    base[n++] = b;
  }

  /**
   * Kernel products by match pattern for one candidate: the product over the decisions present in
   * the candidate of the miss, match or inactive factor, for all 3^d patterns (built digit by
   * digit, one multiplication per entry).
   */
  final class PatternTable {
    private final double[] values;

    PatternTable(double[] x, double[] logMatch, double[] logMiss) {
      values = new double[tableSize()];
      values[0] = 1;
      int filled = 1;
      for (int j = 0; j < d; j++) {
        boolean present = x[j] == x[j];
        double miss = present ? Math.exp(logMiss[j]) : 1;
        double match = present ? Math.exp(logMatch[j]) : 1;
        double inactive = present ? 1.0 / choices[j] : 1;
        for (int p = filled - 1; p >= 0; p--) {
          double v = values[p];
          values[p] = v * miss;
          values[p + filled] = v * match;
          values[p + 2 * filled] = v * inactive;
        }
        filled *= 3;
      }
    }
  }

  /**
   * Sum over rows of {@code w[i] * kernel(row_i, x)}. {@code baseCodes}/{@code baseWeights} list
   * the total weight of the rows by base code (the rows that match nothing contribute exactly
   * that); only rows sharing an option with {@code x} are visited.
   */
  double weightedSum(
      double[] x, double[] w, int[] baseCodes, double[] baseWeights, PatternTable table) {
    double sum = 0;
    for (int b = 0; b < baseCodes.length; b++) {
      sum += baseWeights[b] * table.values[baseCodes[b]];
    }
    int t = 0;
    for (int j = 0; j < d; j++) {
      double xj = x[j];
      if (xj != xj || xj < 0 || xj >= choices[j]) {
        continue;
      }
      int c = (int) xj;
      int[] list = postings[j][c];
      int len = postingSize[j][c];
      int step = pow3[j];
      for (int k = 0; k < len; k++) {
        int i = list[k];
        if (codes[i] == 0) {
          touched[t++] = i;
        }
        codes[i] += step;
      }
    }
    double[] values = table.values;
    for (int k = 0; k < t; k++) {
      int i = touched[k];
      int b = base[i];
      sum += w[i] * (values[b + codes[i]] - values[b]);
      codes[i] = 0;
    }
    return sum;
  }
}
