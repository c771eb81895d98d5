package org.gyrus.nesy.pinesy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * The two probability-to-possibility transformations of Π-NeSy: antipignistic ({@code π_i = Σ_k
 * min(p_k, p_i)}) and the one obeying the minimum specificity principle ({@code π_(i) = Σ_{j ≥ i}
 * p_(j)} over the probabilities sorted in decreasing order). Both give 1 to the most probable
 * value.
 */
public enum ProbabilityToPossibility {
  ANTIPIGNISTIC,
  MINIMUM_SPECIFICITY;

  /** Possibility degrees of values {@code from..to−1} of p, renormalised to sum 1 first. */
  public double[] apply(float[] p, int from, int to) {
    int n = to - from;
    double[] q = new double[n];
    double sum = 0;
    for (int v = 0; v < n; v++) {
      q[v] = p[from + v];
      sum += q[v];
    }
    for (int v = 0; v < n; v++) {
      q[v] = sum > 0 ? q[v] / sum : 1.0 / n;
    }
    double[] pi = new double[n];
    if (this == ANTIPIGNISTIC) {
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < n; k++) {
          pi[i] += Math.min(q[k], q[i]);
        }
      }
    } else {
      Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
      Arrays.sort(order, Comparator.comparingDouble(v -> -q[v]));
      double tail = 0;
      for (int r = n - 1; r >= 0; r--) {
        tail += q[order[r]];
        pi[order[r]] = tail;
      }
    }
    for (int i = 0; i < n; i++) {
      pi[i] = Math.min(pi[i], 1.0);
    }
    return pi;
  }

  /** (λ, ρ) of the premise "value = v": π(v) and the largest degree of any other value. */
  public static double[] singleton(double[] pi, int v) {
    return premise(pi, u -> u == v);
  }

  /** (λ, ρ) of a premise "value ∈ P": the largest degree inside P and outside it. */
  public static double[] premise(double[] pi, IntPredicate inside) {
    double in = 0;
    double out = 0;
    for (int v = 0; v < pi.length; v++) {
      if (inside.test(v)) {
        in = Math.max(in, pi[v]);
      } else {
        out = Math.max(out, pi[v]);
      }
    }
    return new double[] {in, out};
  }
}
