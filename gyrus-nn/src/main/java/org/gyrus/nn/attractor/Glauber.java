package org.gyrus.nn.attractor;

import java.util.SplittableRandom;

/** The Glauber (heat-bath) rule for one Ising spin in a local field. */
final class Glauber {
  private Glauber() {}

  /**
   * The spin's next value: +1 with probability 1/(1+exp(-2h/T)); at T = 0 the sign of h, and the
   * current spin when h = 0.
   */
  static int spin(double h, int current, double temperature, SplittableRandom rng) {
    if (temperature <= 0) {
      return h > 0 ? 1 : h < 0 ? -1 : current;
    }
    double up = 1 / (1 + Math.exp(-2 * h / temperature));
    return rng.nextDouble() < up ? 1 : -1;
  }
}
