package org.gyrus.nn.memory;

/**
 * The memory's recurrence as plain loops, one token at a time (the oracle for {@link MemoryScan}):
 * inner gradients at the chunk's starting memory, momentum and forgetting applied per token.
 */
final class ScanReference {
  private ScanReference() {}

  static double[] run(
      AttentionalBias bias,
      boolean memora,
      int chunk,
      double maxStep,
      int batch,
      int t,
      int d,
      double[] q,
      double[] k,
      double[] v,
      double[] pa,
      double[] pe,
      double[] pt) {
    double[] y = new double[batch * t * d];
    for (int b = 0; b < batch; b++) {
      double[] mem = new double[d * d]; // M, or memora's logits L
      double[] mom = new double[d * d];
      double[] start = memora ? softmaxRows(mem, d) : mem.clone();
      for (int s = 0; s < t; s++) {
        if (s % chunk == 0) {
          start = memora ? softmaxRows(mem, d) : mem.clone();
        }
        int at = (b * t + s) * d;
        double[] ks = slice(k, at, d);
        double[] g = bias.gradient(start, ks, slice(v, at, d));
        double keep = 1 - sigmoid(pa[b * t + s]);
        double eta = sigmoid(pe[b * t + s]);
        double theta = maxStep * sigmoid(pt[b * t + s]);
        for (int i = 0; i < d * d; i++) {
          if (memora) {
            mem[i] = keep * mem[i] - theta * g[i];
          } else {
            mom[i] = eta * mom[i] - theta * g[i];
            mem[i] = keep * mem[i] + mom[i];
          }
        }
        double[] read = memora ? softmaxRows(mem, d) : mem;
        for (int i = 0; i < d; i++) {
          double sum = 0;
          for (int j = 0; j < d; j++) {
            sum += read[i * d + j] * q[at + j];
          }
          y[at + i] = sum;
        }
      }
    }
    return y;
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double[] slice(double[] a, int from, int n) {
    double[] s = new double[n];
    System.arraycopy(a, from, s, 0, n);
    return s;
  }

  private static double[] softmaxRows(double[] l, int d) {
    double[] m = new double[l.length];
    for (int i = 0; i < d; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < d; j++) {
        max = Math.max(max, l[i * d + j]);
      }
      double sum = 0;
      for (int j = 0; j < d; j++) {
        m[i * d + j] = Math.exp(l[i * d + j] - max);
        sum += m[i * d + j];
      }
      for (int j = 0; j < d; j++) {
        m[i * d + j] /= sum;
      }
    }
    return m;
  }
}
