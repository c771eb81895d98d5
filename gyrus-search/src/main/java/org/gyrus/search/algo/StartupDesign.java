package org.gyrus.search.algo;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.gyrus.core.Dna;
import org.gyrus.core.Space;
import org.gyrus.search.History;
import org.gyrus.search.Trial;

/**
 * The start-up points of a model-based searcher as a randomised Sobol sequence on the {@link
 * UnitCube} instead of independent samples, so that a few trials already cover every region of
 * every decision (the initial design of BoTorch and of Optuna's QMC sampler). Trial number i takes
 * point i of the sequence. The first trial is a uniform sample (from the trial's own rng) and its
 * cube coordinates are the digital shift of the whole sequence: point 0 of a shifted Sobol sequence
 * is the shift, so trial 0 is on the design, and the design depends only on the history (same
 * points after a resume or on another worker). A coordinate the first trial left inactive, or one
 * past {@link Sobol#MAX_DIM}, takes its shift from the first trial's seed; discrete decisions take
 * the bin their coordinate falls in.
 */
final class StartupDesign {
  private StartupDesign() {}

  /** The start-up point for the next trial (number {@code history.size()}). */
  static Dna next(Space space, History history, RandomGenerator rng) {
    UnitCube cube = new UnitCube(space.dnaSpec());
    Trial first = null;
    for (Trial t : history.trials()) {
      if (t != null) {
        first = t;
        break;
      }
    }
    if (first == null || cube.size() == 0) {
      return space.sample(rng);
    }
    double[] u = point(cube.encode(first.dna()), first.seed(), history.size());
    Dna dna = cube.decode(u, space, rng);
    return history.contains(dna) ? new RandomSearch().propose(space, history, rng) : dna;
  }

  /** Point {@code index} of the Sobol sequence shifted by {@code origin} (its point 0). */
  static double[] point(double[] origin, long seed, long index) {
    SplittableRandom fallback = new SplittableRandom(seed ^ 0x5DEECE66DL);
    double[] u = new double[origin.length];
    for (int j = 0; j < u.length; j++) {
      long free = fallback.nextLong(); // drawn for every j: coordinates stay independent of others
      double o = origin[j];
      long shift = Double.isNaN(o) ? free : (long) Math.floor(Math.min(o, 1 - 1e-12) * 0x1p32);
      u[j] =
          j < Sobol.MAX_DIM
              ? Sobol.coordinate(index, j, shift)
              : new SplittableRandom(free + index).nextDouble();
    }
    return u;
  }
}
