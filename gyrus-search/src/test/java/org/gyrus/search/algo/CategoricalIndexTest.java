package org.gyrus.search.algo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** TPE's inverted index gives the kernel sums a plain loop over every row gives. */
class CategoricalIndexTest {
  @Test
  void weightedSumsEqualTheBruteForceKernelSumOnRandomRowsAndCandidates() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int trial = 0; trial < 500; trial++) {
      int d = 1 + rng.nextInt(CategoricalIndex.MAX_DIMS);
      int[] choices = new int[d];
      double[] logMatch = new double[d];
      double[] logMiss = new double[d];
      for (int j = 0; j < d; j++) {
        choices[j] = 2 + rng.nextInt(5);
        logMatch[j] = Math.log(rng.nextDouble(0.3, 0.9));
        logMiss[j] = Math.log(rng.nextDouble(0.01, 0.3));
      }
      int n = rng.nextInt(200);
      double[][] rows = new double[n][];
      double[] w = new double[n];
      CategoricalIndex index = new CategoricalIndex(choices);
      for (int i = 0; i < n; i++) {
        rows[i] = point(choices, rng);
        w[i] = rng.nextInt(4) == 0 ? 0 : rng.nextDouble(0.1, 2); // some rows outside the split
        index.append(rows[i]);
      }
      double[] byBase = new double[index.tableSize()];
      for (int i = 0; i < n; i++) {
        byBase[index.baseCode(i)] += w[i];
      }
      int used = 0;
      for (double b : byBase) {
        used += b != 0 ? 1 : 0;
      }
      int[] codes = new int[used];
      double[] weights = new double[used];
      for (int c = 0, k = 0; c < byBase.length; c++) {
        if (byBase[c] != 0) {
          codes[k] = c;
          weights[k++] = byBase[c];
        }
      }
      for (int q = 0; q < 5; q++) {
        double[] x = point(choices, rng);
        CategoricalIndex.PatternTable table = index.new PatternTable(x, logMatch, logMiss);
        double expected = 0;
        for (int i = 0; i < n; i++) {
          expected += w[i] * kernel(rows[i], x, choices, logMatch, logMiss);
        }
        double got = index.weightedSum(x, w, codes, weights, table);
        assertThat(got).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
      }
    }
  }

  /** A point with each decision an option index or, one time in five, inactive (NaN). */
  private static double[] point(int[] choices, SplittableRandom rng) {
    double[] p = new double[choices.length];
    for (int j = 0; j < p.length; j++) {
      p[j] = rng.nextInt(5) == 0 ? Double.NaN : rng.nextInt(choices[j]);
    }
    return p;
  }

  /** Product over the candidate's active decisions of match, miss, or 1/choices for inactive. */
  private static double kernel(
      double[] row, double[] x, int[] choices, double[] logMatch, double[] logMiss) {
    double k = 1;
    for (int j = 0; j < x.length; j++) {
      if (Double.isNaN(x[j])) {
        continue;
      }
      if (Double.isNaN(row[j])) {
        k /= choices[j];
      } else {
        k *= Math.exp(row[j] == x[j] ? logMatch[j] : logMiss[j]);
      }
    }
    return k;
  }
}
