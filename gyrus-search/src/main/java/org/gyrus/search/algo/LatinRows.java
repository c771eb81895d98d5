package org.gyrus.search.algo;

import java.util.SplittableRandom;

/**
 * The standard normal vectors of one CMA-ES generation as a randomised Latin hypercube (Stein 1987;
 * quasi-random mutations for CMA-ES: Teytaud and Gelly 2007): cut each coordinate's normal
 * distribution into lambda slices of equal probability; the generation's lambda vectors take every
 * slice of every coordinate exactly once, in an independently shuffled order per coordinate, each
 * at a uniform position inside its slice. Each vector alone is still exactly N(0, I), so every
 * CMA-ES update keeps its expectation; only the spread within a generation is evened out (no
 * generation whose points all lie on one side of the mean along some axis), which lowers the noise
 * of the selection and of the mean and covariance updates.
 *
 * <p>The generation's first vector is an ordinary independent draw (its slices are uniform, so the
 * hypercube is still uniformly random); the other lambda - 1 rows fill the remaining slices, in an
 * order drawn from the first trial's seed. A row depends only on that trial and its own index, so
 * it is the same after a resume or on another worker.
 */
final class LatinRows {
  private LatinRows() {}

  /** The slice (0..lambda-1) of N(0, 1) that z falls in. */
  static int slice(double z, int lambda) {
    int s = (int) Math.floor(Normal.cdf(z) * lambda);
    return Math.max(0, Math.min(lambda - 1, s));
  }

  /**
   * Row {@code k} (1..lambda-1) of the generation whose row 0 is {@code z0} (a NaN coordinate: row
   * 0 left it undetermined, so a random slice stands in for it), shuffled by {@code seed}.
   */
  static double[] row(double[] z0, int lambda, int k, long seed) {
    if (k < 1 || k >= lambda) {
      throw new IllegalArgumentException("row " + k + " of " + lambda);
    }
    SplittableRandom r = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
    double[] z = new double[z0.length];
    int[] rest = new int[lambda - 1];
    for (int j = 0; j < z.length; j++) {
      int drawn = r.nextInt(lambda); // drawn for every j: later coordinates do not depend on z0
      int s0 = Double.isNaN(z0[j]) ? drawn : slice(z0[j], lambda);
      for (int s = 0, i = 0; s < lambda; s++) {
        if (s != s0) {
          rest[i++] = s;
        }
      }
      for (int i = rest.length - 1; i > 0; i--) { // Fisher-Yates
        int p = r.nextInt(i + 1);
        int t = rest[i];
        rest[i] = rest[p];
        rest[p] = t;
      }
      double u = 0;
      for (int i = 0; i < k; i++) {
        u = r.nextDouble(); // one jitter per row, the same for row k whoever asks
      }
      for (int i = k; i < rest.length; i++) {
        r.nextDouble();
      }
      double p = (rest[k - 1] + u) / lambda;
      z[j] = Normal.quantile(Math.max(1e-12, Math.min(1 - 1e-12, p)));
    }
    return z;
  }
}
