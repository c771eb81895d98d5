package org.gyrus.nn.attractor;

import java.util.SplittableRandom;

/**
 * Multitasking Hebbian network (Agliari et al.): diluted patterns ξ^μ ∈ {-1, 0, +1}, Hebbian
 * couplings, Glauber dynamics at temperature T. With few patterns (low load) the field h_i = Σ_μ
 * ξ^μ_i (m_μ − ξ^μ_i σ_i / N) is the Hebbian field of {@link HebbianNetwork} written through the
 * overlaps m_μ, so a spin update costs O(P) instead of O(N) — the same dynamics.
 */
public final class MultitaskingNetwork {
  private final int[][] xi;
  private final int n;

  public MultitaskingNetwork(int[][] patterns) {
    this.xi = patterns;
    this.n = patterns[0].length;
  }

  /** Overlaps m_μ = (1/N) Σ_i ξ^μ_i σ_i. */
  public double[] overlaps(int[] s) {
    double[] m = new double[xi.length];
    for (int mu = 0; mu < xi.length; mu++) {
      m[mu] = HebbianNetwork.overlap(xi[mu], s);
    }
    return m;
  }

  /** The Hebbian local field of spin i (zero self-coupling). */
  public double field(int[] s, double[] m, int i) {
    double h = 0;
    for (int mu = 0; mu < xi.length; mu++) {
      int x = xi[mu][i];
      h += x * (m[mu] - (double) x * s[i] / n);
    }
    return h;
  }

  /** {@code sweeps} sweeps of N random single-spin Glauber updates, in place; returns overlaps. */
  public double[] run(int[] s, double temperature, int sweeps, SplittableRandom rng) {
    double[] m = overlaps(s);
    for (int t = 0; t < sweeps; t++) {
      for (int k = 0; k < n; k++) {
        int i = rng.nextInt(n);
        int next = Glauber.spin(field(s, m, i), s[i], temperature, rng);
        if (next != s[i]) {
          for (int mu = 0; mu < xi.length; mu++) {
            m[mu] += 2.0 * xi[mu][i] * next / n;
          }
          s[i] = next;
        }
      }
    }
    return m;
  }

  /**
   * The dilution above which the zero-temperature hierarchical state m_k = (1-d) d^(k-1) stops
   * being self-consistent: m_1 &gt; m_2 + … + m_K, i.e. the largest d with Σ_{k=1}^{K-1} d^k &lt;
   * 1.
   */
  public static double hierarchyLimit(int patterns) {
    double lo = 0;
    double hi = 1;
    for (int it = 0; it < 60; it++) {
      double d = (lo + hi) / 2;
      double sum = 0;
      for (int k = 1; k < patterns; k++) {
        sum += Math.pow(d, k);
      }
      if (sum < 1) {
        lo = d;
      } else {
        hi = d;
      }
    }
    return lo;
  }
}
