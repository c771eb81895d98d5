package org.gyrus.search.algo;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.random.RandomGenerator;

/**
 * One run of CMA-ES (Hansen's tutorial, 2016, with its active covariance update: the worse half of
 * a generation gets negative weights) on the unit cube: the mean, step size, covariance and paths,
 * updated one generation at a time from told points. Discrete coordinates get the margin of Hamano
 * et al. (2022, the "CMA-ES with margin" of Optuna): a diagonal scaling A keeps at least a
 * probability alpha = 1/(n lambda) of leaving the mean's bin, so they never freeze.
 */
final class CmaState {
  final int n;
  final int lambda;
  private final int mu;
  private final double[] weights;
  private final double[] negWeights; // active CMA: weights of the worse half, negative
  private final double mueff;
  private final double cc;
  private final double cs;
  private final double c1;
  private final double cmu;
  private final double damps;
  private final double chiN;
  private final int[] levels;
  final double[] mean;
  double sigma;
  private final double[][] c;
  private final double[] pc;
  private final double[] ps;
  private final double[][] b;
  private final double[] d; // sqrt of the eigenvalues of c
  private final double[] a; // margin scaling, 1 for real coordinates
  private int generation;
  private final Deque<Double> bestHistory = new ArrayDeque<>();
  private double lastRange = Double.POSITIVE_INFINITY;

  CmaState(double[] mean, double sigma, int lambda, int[] levels) {
    this.n = mean.length;
    this.lambda = lambda;
    this.levels = levels;
    this.mean = mean.clone();
    this.sigma = sigma;
    mu = lambda / 2;
    weights = new double[mu];
    double sum = 0;
    for (int i = 0; i < mu; i++) {
      weights[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
      sum += weights[i];
    }
    double sq = 0;
    for (int i = 0; i < mu; i++) {
      weights[i] /= sum;
      sq += weights[i] * weights[i];
    }
    mueff = 1 / sq;
    cc = (4 + mueff / n) / (n + 4 + 2 * mueff / n);
    cs = (mueff + 2) / (n + mueff + 5);
    c1 = 2 / ((n + 1.3) * (n + 1.3) + mueff);
    cmu = Math.min(1 - c1, 2 * (mueff - 2 + 1 / mueff) / ((n + 2) * (n + 2) + mueff));
    negWeights = negativeWeights(lambda, mu, mueff, c1, cmu, n);
    damps = 1 + 2 * Math.max(0, Math.sqrt((mueff - 1) / (n + 1)) - 1) + cs;
    chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
    c = new double[n][n];
    b = new double[n][n];
    for (int i = 0; i < n; i++) {
      c[i][i] = 1;
      b[i][i] = 1;
    }
    d = new double[n];
    Arrays.fill(d, 1);
    a = new double[n];
    Arrays.fill(a, 1);
    pc = new double[n];
    ps = new double[n];
    margin();
  }

  /**
   * Hansen's (2016) default negative weights for the worse lambda - mu points: the raw weights
   * ln((lambda+1)/2) - ln i, scaled to sum to -min(1 + c1/cmu, 1 + 2 mueff-/(mueff+2), (1 - c1 -
   * cmu)/(n cmu)).
   */
  private static double[] negativeWeights(
      int lambda, int mu, double mueff, double c1, double cmu, int n) {
    double[] w = new double[lambda - mu];
    double sum = 0;
    double sq = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.log((lambda + 1) / 2.0) - Math.log(mu + i + 1);
      sum += w[i];
      sq += w[i] * w[i];
    }
    if (sum == 0) {
      return w;
    }
    double mueffMinus = sum * sum / sq;
    double scale =
        Math.min(
            1 + c1 / cmu, Math.min(1 + 2 * mueffMinus / (mueff + 2), (1 - c1 - cmu) / (n * cmu)));
    for (int i = 0; i < w.length; i++) {
      w[i] = scale * w[i] / Math.abs(sum);
    }
    return w;
  }

  /** The default population size 4 + floor(3 ln n). */
  static int defaultLambda(int n) {
    return 4 + (int) Math.floor(3 * Math.log(Math.max(n, 1)));
  }

  /**
   * The point m + sigma A B D g for a standard normal vector g (a {@link LatinRows} row), or null
   * if it falls outside the cube (the caller then draws as {@link #sample} does).
   */
  double[] sampleAt(double[] g) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double y = 0;
      for (int k = 0; k < n; k++) {
        y += b[i][k] * d[k] * g[k];
      }
      x[i] = mean[i] + sigma * a[i] * y;
      if (!(x[i] >= 0 && x[i] <= 1)) {
        return null;
      }
    }
    return x;
  }

  /**
   * The standard normal vector g with x = m + sigma A B D g: the inverse of {@link #sampleAt}, so a
   * told point's draw can be read back (a coordinate left inactive counts as the mean).
   */
  double[] whiten(double[] x) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = Double.isNaN(x[i]) ? 0 : (x[i] - mean[i]) / (sigma * a[i]);
    }
    double[] g = new double[n];
    for (int k = 0; k < n; k++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += b[i][k] * y[i];
      }
      g[k] = s / d[k];
    }
    return g;
  }

  /** A sample of N(m, sigma^2 A C A), resampled up to 10 times to fall inside the cube. */
  double[] sample(RandomGenerator rng) {
    double[] x = new double[n];
    for (int t = 0; t < 10; t++) {
      double[] z = new double[n];
      for (int i = 0; i < n; i++) {
        z[i] = d[i] * rng.nextGaussian();
      }
      boolean inside = true;
      for (int i = 0; i < n; i++) {
        double y = 0;
        for (int k = 0; k < n; k++) {
          y += b[i][k] * z[k];
        }
        x[i] = mean[i] + sigma * a[i] * y;
        inside &= x[i] >= 0 && x[i] <= 1;
      }
      if (inside) {
        return x;
      }
    }
    for (int i = 0; i < n; i++) {
      x[i] = Math.max(0, Math.min(1, x[i]));
    }
    return x;
  }

  /** One generation: {@code xs[i]} scored {@code scores[i]} (larger is better). */
  void tell(double[][] xs, double[] scores) {
    Integer[] order = new Integer[xs.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (p, q) -> Double.compare(scores[q], scores[p]));
    double[][] ys = new double[mu][];
    double[] yw = new double[n];
    for (int r = 0; r < mu; r++) {
      ys[r] = step(xs[order[r]]);
      for (int i = 0; i < n; i++) {
        yw[i] += weights[r] * ys[r][i];
      }
    }
    for (int i = 0; i < n; i++) {
      mean[i] += sigma * a[i] * yw[i];
    }
    double[] inv = invSqrtTimes(yw);
    double norm = 0;
    for (int i = 0; i < n; i++) {
      ps[i] = (1 - cs) * ps[i] + Math.sqrt(cs * (2 - cs) * mueff) * inv[i];
      norm += ps[i] * ps[i];
    }
    norm = Math.sqrt(norm);
    boolean hsig =
        norm / Math.sqrt(1 - Math.pow(1 - cs, 2.0 * (generation + 1))) / chiN < 1.4 + 2.0 / (n + 1);
    for (int i = 0; i < n; i++) {
      pc[i] = (1 - cc) * pc[i] + (hsig ? Math.sqrt(cc * (2 - cc) * mueff) * yw[i] : 0);
    }
    double negSum = 0;
    double[][] neg = new double[negWeights.length][];
    double[] negW = new double[negWeights.length];
    for (int r = 0; r < neg.length && mu + r < order.length; r++) {
      neg[r] = step(xs[order[mu + r]]);
      double[] z = invSqrtTimes(neg[r]);
      double len2 = 0;
      for (double v : z) {
        len2 += v * v;
      }
      negW[r] = negWeights[r] * (len2 > 0 ? n / len2 : 0); // rescaled: long steps count less
      negSum += negWeights[r];
    }
    double keep = 1 - c1 - cmu * (1 + negSum) + (hsig ? 0 : c1 * cc * (2 - cc));
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double rankMu = 0;
        for (int r = 0; r < mu; r++) {
          rankMu += weights[r] * ys[r][i] * ys[r][j];
        }
        for (int r = 0; r < neg.length; r++) {
          if (neg[r] != null) {
            rankMu += negW[r] * neg[r][i] * neg[r][j];
          }
        }
        c[i][j] = keep * c[i][j] + c1 * pc[i] * pc[j] + cmu * rankMu;
        c[j][i] = c[i][j];
      }
    }
    sigma *= Math.exp(Math.min(1, (cs / damps) * (norm / chiN - 1)));
    generation++;
    eigen();
    margin();
    record(scores);
  }

  /**
   * (x - m) / (sigma A), with its Mahalanobis length capped at sqrt(n) + 2n/(n+2) (Hansen's rule
   * for injected solutions: points not drawn from this distribution, clipped or imputed ones).
   */
  private double[] step(double[] x) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double xi = Double.isNaN(x[i]) ? mean[i] : x[i];
      y[i] = (xi - mean[i]) / (sigma * a[i]);
    }
    double[] w = invSqrtTimes(y);
    double len = 0;
    for (double v : w) {
      len += v * v;
    }
    len = Math.sqrt(len);
    double cap = Math.sqrt(n) + 2.0 * n / (n + 2);
    if (len > cap) {
      for (int i = 0; i < n; i++) {
        y[i] *= cap / len;
      }
    }
    return y;
  }

  /** C^{-1/2} v = B D^{-1} B^T v. */
  private double[] invSqrtTimes(double[] v) {
    double[] t = new double[n];
    for (int k = 0; k < n; k++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += b[i][k] * v[i];
      }
      t[k] = s / d[k];
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = 0; k < n; k++) {
        s += b[i][k] * t[k];
      }
      out[i] = s;
    }
    return out;
  }

  private void eigen() {
    double[] values = Linalg.symmetricEigen(c, b);
    for (int i = 0; i < n; i++) {
      d[i] = Math.sqrt(Math.max(values[i], 1e-300));
    }
  }

  /** Rescales A so that each discrete coordinate leaves its bin with probability >= alpha. */
  private void margin() {
    double alpha = 1.0 / (n * lambda);
    double z = Normal.quantile(1 - alpha);
    for (int i = 0; i < n; i++) {
      a[i] = 1;
      int k = levels[i];
      if (k <= 1) {
        continue;
      }
      double m = Math.max(0, Math.min(1, mean[i]));
      int bin = (int) Math.min(k - 1, Math.floor(m * k));
      double lo = (double) bin / k;
      double hi = (bin + 1.0) / k;
      double edge = bin == 0 ? hi - m : bin == k - 1 ? m - lo : Math.min(m - lo, hi - m);
      double s = sigma * Math.sqrt(c[i][i]);
      if (s * z < edge) {
        a[i] = edge / (s * z);
      }
    }
  }

  private void record(double[] scores) {
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (double s : scores) {
      max = Math.max(max, s);
      min = Math.min(min, s);
    }
    lastRange = max - min;
    bestHistory.addLast(max);
    int keep = 10 + (int) Math.ceil(30.0 * n / lambda);
    while (bestHistory.size() > keep) {
      bestHistory.removeFirst();
    }
  }

  /** Hansen's stopping rules (tolfun, tolx, condition, no effect), the cue for an IPOP restart. */
  boolean shouldStop() {
    if (generation == 0) {
      return false;
    }
    int keep = 10 + (int) Math.ceil(30.0 * n / lambda);
    if (bestHistory.size() >= keep) {
      double hi = Double.NEGATIVE_INFINITY;
      double lo = Double.POSITIVE_INFINITY;
      for (double v : bestHistory) {
        hi = Math.max(hi, v);
        lo = Math.min(lo, v);
      }
      if (Math.max(hi - lo, lastRange) < 1e-12) {
        return true;
      }
    }
    boolean tiny = true;
    double dMax = 0;
    double dMin = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      tiny &= sigma * Math.max(Math.abs(pc[i]), Math.sqrt(c[i][i])) < 1e-12;
      dMax = Math.max(dMax, d[i]);
      dMin = Math.min(dMin, d[i]);
      if (mean[i] == mean[i] + 0.2 * sigma * Math.sqrt(c[i][i])) {
        return true;
      }
    }
    if (tiny || dMax / dMin > 1e7 || sigma * dMax > 1e4) {
      return true;
    }
    int axis = generation % n;
    for (int i = 0; i < n; i++) {
      if (mean[i] != mean[i] + 0.1 * sigma * d[axis] * b[i][axis]) {
        return false;
      }
    }
    return true;
  }
}
