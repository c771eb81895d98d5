package org.gyrus.nn.attractor;

import java.util.SplittableRandom;

/**
 * Classical Hopfield network: Ising spins ±1, Hebbian couplings J = (1/N) Σ_μ ξ^μ ξ^μᵀ with zero
 * diagonal held as a dense N×N matrix, asynchronous Glauber dynamics at temperature T (T = 0: the
 * sign of the local field, ties keep the spin).
 */
public final class HebbianNetwork {
  private final int n;
  private final double[] coupling;
  private int stored;

  public HebbianNetwork(int n) {
    if (n < 2) {
      throw new IllegalArgumentException("a network needs at least 2 neurons, got " + n);
    }
    this.n = n;
    this.coupling = new double[n * n];
  }

  public int size() {
    return n;
  }

  public int stored() {
    return stored;
  }

  /** Adds one pattern (entries -1, 0, +1) to the couplings by the Hebb rule. */
  public void store(int[] xi) {
    if (xi.length != n) {
      throw new IllegalArgumentException("pattern of " + xi.length + " entries for " + n);
    }
    double inv = 1.0 / n;
    for (int i = 0; i < n; i++) {
      if (xi[i] == 0) {
        continue;
      }
      double a = xi[i] * inv;
      int row = i * n;
      for (int j = 0; j < n; j++) {
        coupling[row + j] += a * xi[j];
      }
      coupling[row + i] = 0;
    }
    stored++;
  }

  /** Local field h_i = Σ_j J_ij σ_j. */
  public double field(int[] s, int i) {
    double h = 0;
    int row = i * n;
    for (int j = 0; j < n; j++) {
      h += coupling[row + j] * s[j];
    }
    return h;
  }

  /** One sweep: N single-spin Glauber updates in a random order; returns the number of flips. */
  public int sweep(int[] s, double temperature, SplittableRandom rng) {
    int flips = 0;
    for (int k = 0; k < n; k++) {
      int i = rng.nextInt(n);
      int next = Glauber.spin(field(s, i), s[i], temperature, rng);
      if (next != s[i]) {
        s[i] = next;
        flips++;
      }
    }
    return flips;
  }

  /** Sweeps until a sweep flips nothing (at T = 0) or {@code maxSweeps} have run; in place. */
  public int relax(int[] s, double temperature, int maxSweeps, SplittableRandom rng) {
    for (int t = 1; t <= maxSweeps; t++) {
      if (sweep(s, temperature, rng) == 0 && temperature == 0) {
        return t;
      }
    }
    return maxSweeps;
  }

  /** Overlap m = (1/N) Σ_i ξ_i σ_i. */
  public static double overlap(int[] xi, int[] s) {
    long sum = 0;
    for (int i = 0; i < xi.length; i++) {
      sum += xi[i] * s[i];
    }
    return (double) sum / xi.length;
  }

  /**
   * A random pattern: 0 with probability {@code dilution}, else ±1 with equal probability (a
   * dilution of 0 gives the classical ±1 patterns).
   */
  public static int[] randomPattern(int n, double dilution, SplittableRandom rng) {
    int[] xi = new int[n];
    for (int i = 0; i < n; i++) {
      xi[i] = rng.nextDouble() < dilution ? 0 : (rng.nextBoolean() ? 1 : -1);
    }
    return xi;
  }

  /** A copy of {@code xi} with each spin flipped with probability {@code noise}. */
  public static int[] corrupt(int[] xi, double noise, SplittableRandom rng) {
    int[] s = xi.clone();
    for (int i = 0; i < s.length; i++) {
      if (rng.nextDouble() < noise) {
        s[i] = -s[i];
      }
    }
    return s;
  }
}
