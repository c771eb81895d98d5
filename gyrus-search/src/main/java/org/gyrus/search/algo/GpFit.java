package org.gyrus.search.algo;

import java.util.SplittableRandom;

/**
 * Hyper-parameters of a {@link GaussianProcess} by maximum a posteriori: the log marginal
 * likelihood plus weak priors (log-normal around 0.5 on length-scales, Gamma(2, 1) on the signal
 * variance and Gamma(1.1, 30) on the noise variance, as Optuna's GP sampler uses for the latter
 * two), maximised by L-BFGS projected onto a box, from a fixed start and random restarts.
 */
final class GpFit {
  static final double LOG_LEN_LO = Math.log(5e-3);
  static final double LOG_LEN_HI = Math.log(20);
  static final double LOG_SIGNAL_LO = Math.log(1e-2);
  static final double LOG_SIGNAL_HI = Math.log(1e2);

  /** The default floor of the noise variance (of standardised scores). */
  static final double LOG_NOISE_LO = Math.log(1e-6);

  static final double LOG_NOISE_HI = Math.log(1);

  private GpFit() {}

  /** The default start: length-scales 0.5, unit signal, small noise. */
  static double[] start(int d) {
    double[] t = new double[d + 2];
    java.util.Arrays.fill(t, Math.log(0.5));
    t[d] = 0;
    t[d + 1] = Math.log(1e-3);
    return t;
  }

  static double objective(
      double[][] x, double[] y, boolean[] categorical, double[] theta, double[] grad) {
    int d = categorical.length;
    double ll = GaussianProcess.logLikelihood(x, y, categorical, theta, grad);
    if (ll == Double.NEGATIVE_INFINITY) {
      return ll;
    }
    double mu = Math.log(0.5);
    for (int j = 0; j < d; j++) {
      double z = (theta[j] - mu) / 1.5;
      ll -= 0.5 * z * z;
      grad[j] -= z / 1.5;
    }
    double s = Math.exp(theta[d]);
    ll += theta[d] - s; // Gamma(2, 1): log s - s, in d/d log s: 1 - s
    grad[d] += 1 - s;
    double e = Math.exp(theta[d + 1]);
    ll += 0.1 * theta[d + 1] - 30 * e; // Gamma(1.1, 30)
    grad[d + 1] += 0.1 - 30 * e;
    return ll;
  }

  /** The best hyper-parameters found from {@code restarts} starts (the first is {@link #start}). */
  static double[] fit(
      double[][] x, double[] y, boolean[] categorical, int restarts, int iterations, long seed) {
    return fit(x, y, categorical, restarts, iterations, seed, LOG_NOISE_LO);
  }

  /**
   * As {@link #fit(double[][], double[], boolean[], int, int, long)}, noise variance at least
   * e^floor.
   */
  static double[] fit(
      double[][] x,
      double[] y,
      boolean[] categorical,
      int restarts,
      int iterations,
      long seed,
      double logNoiseLo) {
    int d = categorical.length;
    SplittableRandom rng = new SplittableRandom(seed);
    double[] best = start(d);
    double bestValue = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < restarts; r++) {
      double[] t0 = start(d);
      if (r > 0) {
        for (int j = 0; j < d; j++) {
          t0[j] = Math.log(0.05) + rng.nextDouble() * (Math.log(3) - Math.log(0.05));
        }
        t0[d] = Math.log(0.3) + rng.nextDouble() * Math.log(10);
        t0[d + 1] = Math.log(1e-5) + rng.nextDouble() * Math.log(1e3);
      }
      t0[d + 1] = Math.max(t0[d + 1], logNoiseLo);
      double[] t = lbfgs(x, y, categorical, t0, iterations, logNoiseLo);
      double v = objective(x, y, categorical, t, new double[d + 2]);
      if (v > bestValue) {
        bestValue = v;
        best = t;
      }
    }
    return best;
  }

  private static void project(double[] t, int d, double logNoiseLo) {
    for (int j = 0; j < d; j++) {
      t[j] = Math.max(LOG_LEN_LO, Math.min(LOG_LEN_HI, t[j]));
    }
    t[d] = Math.max(LOG_SIGNAL_LO, Math.min(LOG_SIGNAL_HI, t[d]));
    t[d + 1] = Math.max(logNoiseLo, Math.min(LOG_NOISE_HI, t[d + 1]));
  }

  /** Projected L-BFGS (memory 6) ascending the objective, with a backtracking line search. */
  static double[] lbfgs(
      double[][] x,
      double[] y,
      boolean[] categorical,
      double[] start,
      int iterations,
      double logNoiseLo) {
    int d = categorical.length;
    int p = d + 2;
    int mem = 6;
    double[][] s = new double[mem][];
    double[][] g = new double[mem][];
    double[] rho = new double[mem];
    int stored = 0;
    double[] t = start.clone();
    project(t, d, logNoiseLo);
    double[] grad = new double[p];
    double f = objective(x, y, categorical, t, grad);
    if (f == Double.NEGATIVE_INFINITY) {
      return t;
    }
    for (int it = 0; it < iterations; it++) {
      double[] dir = twoLoop(grad, s, g, rho, stored, mem);
      double step = 1;
      double[] next = null;
      double[] nextGrad = new double[p];
      double fNext = Double.NEGATIVE_INFINITY;
      double slope = 0;
      for (int i = 0; i < p; i++) {
        slope += dir[i] * grad[i];
      }
      if (!(slope > 0)) { // not an ascent direction: fall back to the gradient
        dir = grad.clone();
        stored = 0;
        slope = 0;
        for (double v : grad) {
          slope += v * v;
        }
        step = 1 / Math.max(1, Math.sqrt(slope));
      }
      for (int ls = 0; ls < 20; ls++) {
        next = new double[p];
        for (int i = 0; i < p; i++) {
          next[i] = t[i] + step * dir[i];
        }
        project(next, d, logNoiseLo);
        fNext = objective(x, y, categorical, next, nextGrad);
        if (fNext >= f + 1e-4 * step * slope || fNext > f && ls > 5) {
          break;
        }
        step *= 0.5;
      }
      if (!(fNext > f)) {
        break;
      }
      double[] sk = new double[p];
      double[] yk = new double[p];
      double sy = 0;
      for (int i = 0; i < p; i++) {
        sk[i] = next[i] - t[i];
        yk[i] = grad[i] - nextGrad[i]; // of the negated objective
        sy += sk[i] * yk[i];
      }
      boolean small = fNext - f < 1e-7 * Math.max(1, Math.abs(f));
      t = next;
      f = fNext;
      grad = nextGrad;
      if (sy > 1e-12) {
        int slot = stored % mem;
        s[slot] = sk;
        g[slot] = yk;
        rho[slot] = 1 / sy;
        stored++;
      }
      if (small) {
        break;
      }
    }
    return t;
  }

  /** The L-BFGS direction H * grad (an ascent direction for the objective). */
  private static double[] twoLoop(
      double[] grad, double[][] s, double[][] y, double[] rho, int stored, int mem) {
    int p = grad.length;
    double[] q = grad.clone();
    int k = Math.min(stored, mem);
    double[] a = new double[mem];
    for (int c = 0; c < k; c++) {
      int i = (stored - 1 - c) % mem;
      double dot = 0;
      for (int j = 0; j < p; j++) {
        dot += s[i][j] * q[j];
      }
      a[i] = rho[i] * dot;
      for (int j = 0; j < p; j++) {
        q[j] -= a[i] * y[i][j];
      }
    }
    double gamma = 1;
    if (k > 0) {
      int last = (stored - 1) % mem;
      double yy = 0;
      for (int j = 0; j < p; j++) {
        yy += y[last][j] * y[last][j];
      }
      gamma = 1 / (rho[last] * yy);
    }
    for (int j = 0; j < p; j++) {
      q[j] *= gamma;
    }
    for (int c = k - 1; c >= 0; c--) {
      int i = (stored - 1 - c) % mem;
      double dot = 0;
      for (int j = 0; j < p; j++) {
        dot += y[i][j] * q[j];
      }
      double b = rho[i] * dot;
      for (int j = 0; j < p; j++) {
        q[j] += s[i][j] * (a[i] - b);
      }
    }
    return q;
  }
}
