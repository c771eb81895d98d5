package org.gyrus.search.algo;

/**
 * The Sobol sequence (Joe and Kuo's 2008 direction numbers, {@code new-joe-kuo-6.21201}) in up to
 * {@link #MAX_DIM} dimensions, randomised by a digital shift: every point is XORed with one fixed
 * vector, which keeps the net structure (the first 2^m points put exactly one point in each of the
 * 2^m elementary boxes of every stratification the unshifted points satisfy) while making each
 * point uniform on the cube. A start-up design for the model-based searchers: 8 Sobol points cover
 * every half of every axis 4 times, where 8 random points leave a half of some axis empty with
 * probability 1 - (1 - 2^-7)^(2d).
 */
final class Sobol {
  /** Dimensions with direction numbers; callers draw any further coordinate uniformly. */
  static final int MAX_DIM = 44;

  private static final int BITS = 32;

  // Dimensions 2..44: degree s, coefficients a, initial direction numbers m_1..m_s.
  private static final int[][] JOE_KUO = {
    {1, 0, 1},
    {2, 1, 1, 3},
    {3, 1, 1, 3, 1},
    {3, 2, 1, 1, 1},
    {4, 1, 1, 1, 3, 3},
    {4, 4, 1, 3, 5, 13},
    {5, 2, 1, 1, 5, 5, 17},
    {5, 4, 1, 1, 5, 5, 5},
    {5, 7, 1, 1, 7, 11, 19},
    {5, 11, 1, 1, 5, 1, 1},
    {5, 13, 1, 1, 1, 3, 11},
    {5, 14, 1, 3, 5, 5, 31},
    {6, 1, 1, 3, 3, 9, 7, 49},
    {6, 13, 1, 1, 1, 15, 21, 21},
    {6, 16, 1, 3, 1, 13, 27, 49},
    {6, 19, 1, 1, 1, 15, 7, 5},
    {6, 22, 1, 3, 1, 15, 13, 25},
    {6, 25, 1, 1, 5, 5, 19, 61},
    {7, 1, 1, 3, 7, 11, 23, 15, 103},
    {7, 4, 1, 3, 7, 13, 13, 15, 69},
    {7, 7, 1, 1, 3, 13, 7, 35, 63},
    {7, 8, 1, 3, 5, 9, 1, 25, 53},
    {7, 14, 1, 3, 1, 13, 9, 35, 107},
    {7, 19, 1, 3, 1, 5, 27, 61, 31},
    {7, 21, 1, 1, 5, 11, 19, 41, 61},
    {7, 28, 1, 3, 5, 3, 3, 13, 69},
    {7, 31, 1, 1, 7, 13, 1, 19, 1},
    {7, 32, 1, 3, 7, 5, 13, 19, 59},
    {7, 37, 1, 1, 3, 9, 25, 29, 41},
    {7, 41, 1, 3, 5, 13, 23, 1, 55},
    {7, 42, 1, 3, 7, 3, 13, 59, 17},
    {7, 50, 1, 3, 1, 3, 5, 53, 69},
    {7, 55, 1, 1, 5, 5, 23, 33, 13},
    {7, 56, 1, 1, 7, 7, 1, 61, 123},
    {7, 59, 1, 1, 7, 9, 13, 61, 49},
    {7, 62, 1, 3, 3, 5, 3, 55, 33},
    {8, 14, 1, 3, 1, 15, 31, 13, 49, 245},
    {8, 21, 1, 3, 5, 15, 31, 59, 63, 97},
    {8, 22, 1, 3, 1, 11, 11, 11, 77, 249},
    {8, 38, 1, 3, 1, 11, 27, 43, 71, 9},
    {8, 47, 1, 1, 7, 15, 21, 11, 81, 45},
    {8, 49, 1, 3, 7, 3, 25, 31, 65, 79},
    {8, 50, 1, 3, 1, 1, 19, 11, 3, 205}
  };

  private static final long[][] DIRECTIONS = directions();

  private Sobol() {}

  /** v[j][k]: the direction number of bit k in dimension j, scaled to 32 bits. */
  private static long[][] directions() {
    long[][] v = new long[MAX_DIM][BITS];
    for (int k = 0; k < BITS; k++) {
      v[0][k] = 1L << (BITS - 1 - k); // van der Corput
    }
    for (int j = 1; j < MAX_DIM; j++) {
      int[] row = JOE_KUO[j - 1];
      int s = row[0];
      int a = row[1];
      for (int k = 0; k < BITS; k++) {
        if (k < s) {
          v[j][k] = (long) row[2 + k] << (BITS - 1 - k);
        } else {
          long x = v[j][k - s] ^ (v[j][k - s] >> s);
          for (int i = 1; i < s; i++) {
            x ^= ((a >> (s - 1 - i)) & 1) * v[j][k - i];
          }
          v[j][k] = x;
        }
      }
    }
    return v;
  }

  /**
   * Coordinate {@code j} (below {@link #MAX_DIM}) of point {@code index} (from 0) of the sequence
   * shifted by {@code shift} (its low 32 bits), in [0, 1).
   */
  static double coordinate(long index, int j, long shift) {
    long x = 0;
    for (int k = 0; index >> k != 0 && k < BITS; k++) {
      if ((index >> k & 1) != 0) {
        x ^= DIRECTIONS[j][k];
      }
    }
    x ^= shift & 0xFFFFFFFFL;
    return (x + 0.5) / (1L << BITS);
  }
}
