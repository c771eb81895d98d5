package org.gyrus.nn.explain;

import java.util.List;

/**
 * A search for counterexamples to "NAP_c ⇒ c": from inputs that match the pattern (test inputs of
 * class c), projected sign-gradient ascent on {@code y_j - y_c} for each rival j, with a hinge
 * penalty that pushes every pattern neuron back to its side (active above +{@value #MARGIN},
 * inactive below −{@value #MARGIN}) whenever it comes near the boundary. Incomplete (finding
 * nothing proves nothing) and cheap; a hit is an input the forward pass confirms ({@link
 * SpecVerifier#violates}), so it refutes the specification exactly.
 */
public final class NapAttack {
  /** Distance from 0 at which the penalty starts holding a pattern neuron on its side. */
  static final double MARGIN = 0.05;

  /** Step per coordinate (inputs are in [0, 1]). */
  static final double STEP = 0.01;

  private NapAttack() {}

  /**
   * The first counterexample found from {@code seeds} (each tried against every rival for {@code
   * steps} steps), or null.
   */
  public static double[] search(
      ReluMlp net,
      double[] boxLo,
      double[] boxHi,
      Nap nap,
      int c,
      List<double[]> seeds,
      int steps) {
    for (double[] seed : seeds) {
      for (int j = 0; j < net.outputs(); j++) {
        if (j == c) {
          continue;
        }
        double[] x = ascend(net, boxLo, boxHi, nap, c, j, seed, steps);
        if (x != null) {
          return x;
        }
      }
    }
    return null;
  }

  private static double[] ascend(
      ReluMlp net,
      double[] boxLo,
      double[] boxHi,
      Nap nap,
      int c,
      int j,
      double[] seed,
      int steps) {
    double[] x = new double[seed.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.min(boxHi[i], Math.max(boxLo[i], seed[i]));
    }
    for (int t = 0; t <= steps; t++) {
      if (SpecVerifier.violates(net, x, boxLo, boxHi, nap, c)) {
        return x;
      }
      if (t == steps) {
        break;
      }
      double[] g = gradient(net, nap, x, c, j);
      for (int i = 0; i < x.length; i++) {
        x[i] = Math.min(boxHi[i], Math.max(boxLo[i], x[i] + STEP * Math.signum(g[i])));
      }
    }
    return null;
  }

  /** d/dx of {@code y_j - y_c + Σ pattern hinges} by back-propagation through the ReLUs. */
  static double[] gradient(ReluMlp net, Nap nap, double[] x, int c, int j) {
    double[][] z = net.preActivations(x);
    int out = net.hiddenLayers();
    double[] g = new double[z[out].length];
    g[j] = 1;
    g[c] = -1;
    for (int l = out; l >= 0; l--) {
      double[][] w = net.w()[l];
      double[] ga = new double[w[0].length];
      for (int k = 0; k < w.length; k++) {
        if (g[k] != 0) {
          double[] row = w[k];
          for (int i = 0; i < row.length; i++) {
            ga[i] += g[k] * row[i];
          }
        }
      }
      if (l == 0) {
        return ga;
      }
      for (int k = 0; k < ga.length; k++) {
        double v = z[l - 1][k];
        ga[k] = v > 0 ? ga[k] : 0;
        int s = nap.state()[l - 1][k];
        // the penalty's gradient: raise an active neuron near 0, lower an inactive one
        ga[k] += s == Nap.ACTIVE && v < MARGIN ? 1 : s == Nap.INACTIVE && v > -MARGIN ? -1 : 0;
      }
      g = ga;
    }
    throw new IllegalStateException("unreachable");
  }
}
