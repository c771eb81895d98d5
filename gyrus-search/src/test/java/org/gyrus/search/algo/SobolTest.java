package org.gyrus.search.algo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SobolTest {
  /**
   * Every coordinate of the first 2^m points, for any digital shift, puts exactly one point in each
   * interval [i/2^m, (i+1)/2^m): the generator matrices are invertible. Wrong direction numbers or
   * a wrong recurrence break it; 2^m independent points meet it with probability 2^m!/2^(m 2^m).
   */
  @Test
  void everyCoordinateOfThe2PowMFirstPointsIsStratified() {
    SplittableRandom r = new SplittableRandom(7);
    for (int m = 1; m <= 8; m++) {
      int n = 1 << m;
      for (int j = 0; j < Sobol.MAX_DIM; j++) {
        long shift = r.nextLong();
        Set<Integer> bins = new HashSet<>();
        for (int i = 0; i < n; i++) {
          double u = Sobol.coordinate(i, j, shift);
          assertThat(u).isBetween(0.0, 1.0);
          bins.add((int) Math.floor(u * n));
        }
        assertThat(bins).as("m=%d, dimension %d", m, j).hasSize(n);
      }
    }
  }

  /**
   * The first two dimensions form a (0, 2)-sequence: 2^m points put exactly one point in every box
   * [a/2^k, (a+1)/2^k) x [b/2^(m-k), (b+1)/2^(m-k)), shifted or not.
   */
  @Test
  void theFirstTwoDimensionsFormAZeroTNetInEveryElementaryBox() {
    long[] shifts = {0, 0x9E3779B9L, 0x12345678L};
    for (long shift : shifts) {
      for (int m = 1; m <= 8; m++) {
        int n = 1 << m;
        for (int k = 0; k <= m; k++) {
          Set<Long> boxes = new HashSet<>();
          for (int i = 0; i < n; i++) {
            long a = (long) Math.floor(Sobol.coordinate(i, 0, shift) * (1 << k));
            long b = (long) Math.floor(Sobol.coordinate(i, 1, shift) * (1 << (m - k)));
            boxes.add(a << 32 | b);
          }
          assertThat(boxes).as("m=%d, k=%d, shift %x", m, k, shift).hasSize(n);
        }
      }
    }
  }

  /** Unshifted, the points are the textbook ones: 1/2, then 1/4 and 3/4 on both axes. */
  @Test
  void unshiftedPointsMatchTheTextbookSequence() {
    double h = 0.5 / (1L << 32); // coordinates sit at the centre of the finest cell
    assertThat(Sobol.coordinate(0, 1, 0)).isEqualTo(h);
    assertThat(Sobol.coordinate(1, 0, 0)).isEqualTo(0.5 + h);
    assertThat(Sobol.coordinate(1, 1, 0)).isEqualTo(0.5 + h);
    assertThat(Sobol.coordinate(2, 0, 0)).isEqualTo(0.25 + h);
    assertThat(Sobol.coordinate(2, 1, 0)).isEqualTo(0.75 + h);
    assertThat(Sobol.coordinate(3, 0, 0)).isEqualTo(0.75 + h);
    assertThat(Sobol.coordinate(3, 1, 0)).isEqualTo(0.25 + h);
  }
}
