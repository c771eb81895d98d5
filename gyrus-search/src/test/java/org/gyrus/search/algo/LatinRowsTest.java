package org.gyrus.search.algo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatinRowsTest {
  /** Row 0 (an independent draw) and rows 1..lambda-1 take every slice of every coordinate once. */
  @Test
  void aGenerationTakesEverySliceOfEveryCoordinateOnce() {
    SplittableRandom r = new SplittableRandom(1);
    for (int lambda : new int[] {2, 6, 8, 9, 17}) {
      for (int rep = 0; rep < 20; rep++) {
        double[] z0 = new double[5];
        for (int j = 0; j < z0.length; j++) {
          z0[j] = r.nextGaussian() * 1.5;
        }
        long seed = r.nextLong();
        int[][] count = new int[z0.length][lambda];
        for (int j = 0; j < z0.length; j++) {
          count[j][LatinRows.slice(z0[j], lambda)]++;
        }
        for (int k = 1; k < lambda; k++) {
          double[] z = LatinRows.row(z0, lambda, k, seed);
          assertThat(LatinRows.row(z0, lambda, k, seed)).isEqualTo(z); // the same for every asker
          for (int j = 0; j < z.length; j++) {
            count[j][LatinRows.slice(z[j], lambda)]++;
          }
        }
        for (int[] c : count) {
          assertThat(c).as("lambda %d", lambda).containsOnly(1);
        }
      }
    }
  }

  /** A coordinate row 0 left undetermined: the other rows still fill distinct slices. */
  @Test
  void anUndeterminedCoordinateStillGetsDistinctSlices() {
    double[] z0 = {0.3, Double.NaN};
    boolean[] seen = new boolean[8];
    for (int k = 1; k < 8; k++) {
      int s = LatinRows.slice(LatinRows.row(z0, 8, k, 42)[1], 8);
      assertThat(seen[s]).isFalse();
      seen[s] = true;
    }
  }

  /**
   * Each row alone is standard normal: over 4,000 generations the rows 1..7 of coordinate 0 have
   * mean 0 and variance 1 (standard errors 0.006 and 0.008), and row 3's slice is uniform
   * (chi-square with 7 degrees of freedom below 24, p = 0.001).
   */
  @Test
  void everyRowIsStandardNormal() {
    SplittableRandom r = new SplittableRandom(7);
    int lambda = 8;
    double sum = 0;
    double sq = 0;
    int n = 0;
    int[] slices = new int[lambda];
    for (int g = 0; g < 4000; g++) {
      double[] z0 = {r.nextGaussian(), r.nextGaussian()};
      long seed = r.nextLong();
      for (int k = 1; k < lambda; k++) {
        double z = LatinRows.row(z0, lambda, k, seed)[0];
        sum += z;
        sq += z * z;
        n++;
        if (k == 3) {
          slices[LatinRows.slice(z, lambda)]++;
        }
      }
    }
    double mean = sum / n;
    assertThat(mean).isBetween(-0.025, 0.025);
    assertThat(sq / n - mean * mean).isBetween(0.96, 1.04);
    double chi = 0;
    for (int c : slices) {
      chi += (c - 500.0) * (c - 500.0) / 500.0;
    }
    assertThat(chi).isLessThan(24.3);
  }
}
