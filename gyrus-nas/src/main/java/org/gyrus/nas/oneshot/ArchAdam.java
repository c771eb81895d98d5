package org.gyrus.nas.oneshot;

/**
 * Adam (β 0.9 / 0.999, ε 1e-8, bias-corrected) on architecture parameters held as plain doubles,
 * shared by the ENAS controller and the multi-task distributions.
 */
final class ArchAdam {
  private ArchAdam() {}

  /** w += rate · m̂ / (√v̂ + ε) for gradient g at step t (from 1); a descent passes −lr. */
  static void step(double[] w, double[] g, double[] m, double[] v, long t, double rate) {
    double c1 = 1 - Math.pow(0.9, t);
    double c2 = 1 - Math.pow(0.999, t);
    for (int i = 0; i < g.length; i++) {
      m[i] = 0.9 * m[i] + 0.1 * g[i];
      v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
      w[i] += rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
    }
  }
}
