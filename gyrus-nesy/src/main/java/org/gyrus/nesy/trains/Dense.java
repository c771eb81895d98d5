package org.gyrus.nesy.trains;

import java.util.SplittableRandom;

/**
 * A dense layer {@code y = W x + b} with its gradient accumulators and Adam state. The perception
 * and baseline nets here are a few thousand weights over per-car vectors, and their losses come
 * from per-train circuits of varying shape, so they are plain Java with hand-written backward
 * passes (checked against finite differences in the tests) rather than DJL graphs.
 */
final class Dense {
  final int in;
  final int out;
  final double[] w; // out x in, row-major
  final double[] b;
  private final double[] gw;
  private final double[] gb;
  private final double[] mw;
  private final double[] vw;
  private final double[] mb;
  private final double[] vb;
  private int steps;

  Dense(int in, int out, SplittableRandom rnd) {
    this.in = in;
    this.out = out;
    w = new double[in * out];
    b = new double[out];
    gw = new double[w.length];
    gb = new double[out];
    mw = new double[w.length];
    vw = new double[w.length];
    mb = new double[out];
    vb = new double[out];
    double scale = Math.sqrt(2.0 / in); // He initialisation for the ReLU layers
    for (int i = 0; i < w.length; i++) {
      w[i] = scale * CarPerception.gaussian(rnd);
    }
  }

  double[] forward(double[] x) {
    double[] y = b.clone();
    for (int o = 0; o < out; o++) {
      double s = 0;
      for (int i = 0; i < in; i++) {
        s += w[o * in + i] * x[i];
      }
      y[o] += s;
    }
    return y;
  }

  /** Accumulates the gradients for input x and output gradient dy; returns dL/dx. */
  double[] backward(double[] x, double[] dy) {
    double[] dx = new double[in];
    for (int o = 0; o < out; o++) {
      if (dy[o] == 0) {
        continue;
      }
      gb[o] += dy[o];
      for (int i = 0; i < in; i++) {
        gw[o * in + i] += dy[o] * x[i];
        dx[i] += w[o * in + i] * dy[o];
      }
    }
    return dx;
  }

  /** One Adam step (β 0.9 / 0.999) on the accumulated gradients, which it then clears. */
  void step(double lr, double weightDecay) {
    steps++;
    double c1 = 1 - Math.pow(0.9, steps);
    double c2 = 1 - Math.pow(0.999, steps);
    adam(w, gw, mw, vw, lr, weightDecay, c1, c2);
    adam(b, gb, mb, vb, lr, 0, c1, c2);
  }

  private static void adam(
      double[] p, double[] g, double[] m, double[] v, double lr, double wd, double c1, double c2) {
    for (int i = 0; i < p.length; i++) {
      double gi = g[i] + wd * p[i];
      m[i] = 0.9 * m[i] + 0.1 * gi;
      v[i] = 0.999 * v[i] + 0.001 * gi * gi;
      p[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
      g[i] = 0;
    }
  }

  static double[] relu(double[] h) {
    double[] r = new double[h.length];
    for (int i = 0; i < h.length; i++) {
      r[i] = Math.max(0, h[i]);
    }
    return r;
  }

  /** dL/dh from dL/drelu(h). */
  static double[] reluBack(double[] h, double[] dr) {
    double[] d = new double[h.length];
    for (int i = 0; i < h.length; i++) {
      d[i] = h[i] > 0 ? dr[i] : 0;
    }
    return d;
  }
}
