package org.gyrus.nn.spiking;

import java.util.SplittableRandom;

/**
 * Echo-state network (the rate-based baseline for the LSM): x_t = (1−a) x_{t−1} + a tanh(W x_{t−1}
 * + W_in u_t), sparse random W rescaled to a spectral radius ρ by power iteration; features are the
 * mean state in each of {@code windows} equal time windows.
 */
public final class EchoStateNetwork implements Reservoir {
  private final int n;
  private final int inputs;
  private final int[][] rowCols;
  private final double[][] rowWeights;
  private final double[][] inWeights;
  private final double leak;
  private final int windows;

  public EchoStateNetwork(
      int neurons,
      int inputs,
      double connectivity,
      double radius,
      double inputScale,
      double leak,
      int windows,
      long seed) {
    this.n = neurons;
    this.inputs = inputs;
    this.leak = leak;
    this.windows = windows;
    SplittableRandom rng = new SplittableRandom(seed);
    rowCols = new int[n][];
    rowWeights = new double[n][];
    for (int i = 0; i < n; i++) {
      int[] buf = new int[n];
      int c = 0;
      for (int j = 0; j < n; j++) {
        if (rng.nextDouble() < connectivity) {
          buf[c++] = j;
        }
      }
      rowCols[i] = java.util.Arrays.copyOf(buf, c);
      rowWeights[i] = new double[c];
      for (int k = 0; k < c; k++) {
        rowWeights[i][k] = rng.nextGaussian();
      }
    }
    double scale = radius / spectralRadius(rng);
    for (double[] row : rowWeights) {
      for (int k = 0; k < row.length; k++) {
        row[k] *= scale;
      }
    }
    inWeights = new double[n][inputs];
    for (double[] row : inWeights) {
      for (int f = 0; f < inputs; f++) {
        row[f] = inputScale * (rng.nextDouble() * 2 - 1);
      }
    }
  }

  /** |λ_max| of W by power iteration (the growth rate of ‖W^k v‖). */
  private double spectralRadius(SplittableRandom rng) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.nextGaussian();
    }
    double est = 0;
    for (int it = 0; it < 300; it++) {
      double[] w = multiply(v);
      double a = norm(w);
      double b = norm(v);
      est = a / b;
      for (int i = 0; i < n; i++) {
        v[i] = w[i] / a;
      }
    }
    return est;
  }

  private double[] multiply(double[] x) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = 0; k < rowCols[i].length; k++) {
        s += rowWeights[i][k] * x[rowCols[i][k]];
      }
      y[i] = s;
    }
    return y;
  }

  private static double norm(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return Math.sqrt(s);
  }

  @Override
  public int features() {
    return n * windows;
  }

  @Override
  public float[] run(float[] seq, int steps) {
    double[] x = new double[n];
    float[] feats = new float[n * windows];
    for (int t = 0; t < steps; t++) {
      double[] rec = multiply(x);
      int window = t * windows / steps;
      for (int i = 0; i < n; i++) {
        double pre = rec[i];
        double[] w = inWeights[i];
        for (int f = 0; f < inputs; f++) {
          pre += w[f] * seq[t * inputs + f];
        }
        x[i] = (1 - leak) * x[i] + leak * Math.tanh(pre);
        feats[window * n + i] += (float) (x[i] * windows / steps);
      }
    }
    return feats;
  }
}
