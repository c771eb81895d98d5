package org.gyrus.nn.attractor;

import java.util.List;

/**
 * Dense associative memory (Krotov and Hopfield 2016): energy E = -Σ_μ F(ξ^μ · σ) with F(x) =
 * x^degree; a spin takes the sign that lowers E, comparing F at both values of the spin. Degree 2
 * is the classical Hopfield network; higher degrees store ~N^(degree-1) patterns.
 */
public final class DenseAssociativeMemory {
  private final int[][] patterns;
  private final int degree;
  private final int n;

  public DenseAssociativeMemory(List<int[]> patterns, int degree) {
    if (patterns.isEmpty() || degree < 2) {
      throw new IllegalArgumentException("needs at least one pattern and degree >= 2");
    }
    this.patterns = patterns.toArray(new int[0][]);
    this.degree = degree;
    this.n = this.patterns[0].length;
  }

  /**
   * Asynchronous zero-temperature dynamics in index order until a sweep flips nothing or {@code
   * maxSweeps}; keeps the overlaps u_μ = ξ^μ·σ up to date so a spin update costs O(P).
   */
  public int[] relax(int[] start, int maxSweeps) {
    int[] s = start.clone();
    long[] u = new long[patterns.length];
    for (int m = 0; m < patterns.length; m++) {
      for (int i = 0; i < n; i++) {
        u[m] += (long) patterns[m][i] * s[i];
      }
    }
    for (int sweep = 0; sweep < maxSweeps; sweep++) {
      int flips = 0;
      for (int i = 0; i < n; i++) {
        double gain = 0;
        for (int m = 0; m < patterns.length; m++) {
          int xi = patterns[m][i];
          long rest = u[m] - (long) xi * s[i];
          gain += power(rest + xi) - power(rest - xi);
        }
        int next = gain > 0 ? 1 : gain < 0 ? -1 : s[i];
        if (next != s[i]) {
          for (int m = 0; m < patterns.length; m++) {
            u[m] += 2L * patterns[m][i] * next;
          }
          s[i] = next;
          flips++;
        }
      }
      if (flips == 0) {
        break;
      }
    }
    return s;
  }

  private double power(long x) {
    double r = 1;
    for (int k = 0; k < degree; k++) {
      r *= x;
    }
    return r;
  }
}
