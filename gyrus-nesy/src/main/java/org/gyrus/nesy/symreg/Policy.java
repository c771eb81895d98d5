package org.gyrus.nesy.symreg;

import java.util.List;
import java.util.Random;

/**
 * The controller: a one-hidden-layer network mapping the next position's context (parent and
 * sibling tokens, length and open slots so far) to a distribution over tokens, sampled token by
 * token under the {@link Grammar}'s constraints and trained with the risk-seeking policy gradient
 * (own backprop, Adam). Plain Java: the network is tiny and batches are short sequences.
 */
final class Policy {
  private final int tokens;
  private final int inputs;
  private final int hidden;
  private final double[] w1;
  private final double[] b1;
  private final double[] w2;
  private final double[] b2;
  private final Adam adam;
  private final double entropyWeight;

  Policy(int tokens, int hidden, double lr, double entropyWeight, Random rnd) {
    this.tokens = tokens;
    this.inputs = 2 * (tokens + 1) + 2;
    this.hidden = hidden;
    this.entropyWeight = entropyWeight;
    w1 = new double[hidden * inputs];
    b1 = new double[hidden];
    w2 = new double[tokens * hidden];
    b2 = new double[tokens];
    for (int i = 0; i < w1.length; i++) {
      w1[i] = rnd.nextGaussian() * Math.sqrt(1.0 / 3);
    }
    for (int i = 0; i < w2.length; i++) {
      w2[i] = rnd.nextGaussian() * 0.01;
    }
    adam = new Adam(lr, w1.length + b1.length + w2.length + b2.length);
  }

  /** One step's forward pass: hidden activations and the masked token distribution. */
  private record Step(int parent, int sibling, double lenF, double dangF, double[] h, double[] p) {}

  private Step forward(Grammar g) {
    int parent = g.parent() + 1;
    int sibling = tokens + 1 + g.sibling() + 1;
    double lenF = g.lengthFraction();
    double dangF = g.danglingFraction();
    double[] h = new double[hidden];
    for (int j = 0; j < hidden; j++) {
      int row = j * inputs;
      double s = b1[j] + w1[row + parent] + w1[row + sibling];
      s += w1[row + inputs - 2] * lenF + w1[row + inputs - 1] * dangF;
      h[j] = Math.tanh(s);
    }
    double[] z = new double[tokens];
    double max = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < tokens; t++) {
      if (!g.allowed(t)) {
        z[t] = Double.NEGATIVE_INFINITY;
        continue;
      }
      double s = b2[t];
      for (int j = 0; j < hidden; j++) {
        s += w2[t * hidden + j] * h[j];
      }
      z[t] = s;
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int t = 0; t < tokens; t++) {
      z[t] = z[t] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(z[t] - max);
      sum += z[t];
    }
    for (int t = 0; t < tokens; t++) {
      z[t] /= sum;
    }
    return new Step(parent, sibling, lenF, dangF, h, z);
  }

  /** A program sampled under the grammar {@code template}'s settings. */
  int[] sample(Grammar template, Random rnd) {
    Grammar g = template.fresh();
    while (!g.done()) {
      double[] p = forward(g).p;
      double u = rnd.nextDouble();
      int pick = -1;
      for (int t = 0; t < tokens; t++) {
        if (p[t] > 0) {
          pick = t;
          u -= p[t];
          if (u <= 0) {
            break;
          }
        }
      }
      g.push(pick);
    }
    return g.program();
  }

  /**
   * One gradient step raising log-probability of {@code programs} in proportion to {@code weights}
   * (the risk-seeking advantages), plus an entropy bonus. Programs the grammar forbids (from GP)
   * are skipped.
   */
  void train(List<int[]> programs, double[] weights, Grammar template) {
    double[] grad = new double[w1.length + b1.length + w2.length + b2.length];
    int steps = 0;
    for (int k = 0; k < programs.size(); k++) {
      int[] prog = programs.get(k);
      if (prog.length > template.maxLen) {
        continue;
      }
      Grammar g = template.fresh();
      double[] local = new double[grad.length];
      boolean ok = true;
      for (int t : prog) {
        if (!g.allowed(t)) {
          ok = false;
          break;
        }
        Step s = forward(g);
        accumulate(s, t, weights[k], local);
        g.push(t);
        steps++;
      }
      if (ok) {
        for (int i = 0; i < grad.length; i++) {
          grad[i] += local[i];
        }
      }
    }
    if (steps > 0) {
      adam.step(grad, programs.size(), w1, b1, w2, b2);
    }
  }

  /** Adds d(-loss)/dθ for one step (ascent direction) into {@code g}. */
  private void accumulate(Step s, int action, double weight, double[] g) {
    double[] dz = new double[tokens];
    double entropy = 0;
    for (int t = 0; t < tokens; t++) {
      if (s.p[t] > 0) {
        entropy -= s.p[t] * Math.log(s.p[t]);
      }
    }
    for (int t = 0; t < tokens; t++) {
      if (s.p[t] <= 0) {
        continue;
      }
      double logp = Math.log(s.p[t]);
      dz[t] = weight * ((t == action ? 1 : 0) - s.p[t]) - entropyWeight * s.p[t] * (logp + entropy);
    }
    int ow2 = w1.length + b1.length;
    int ob2 = ow2 + w2.length;
    double[] dh = new double[hidden];
    for (int t = 0; t < tokens; t++) {
      if (dz[t] == 0) {
        continue;
      }
      g[ob2 + t] += dz[t];
      for (int j = 0; j < hidden; j++) {
        g[ow2 + t * hidden + j] += dz[t] * s.h[j];
        dh[j] += dz[t] * w2[t * hidden + j];
      }
    }
    for (int j = 0; j < hidden; j++) {
      double da = dh[j] * (1 - s.h[j] * s.h[j]);
      int row = j * inputs;
      g[row + s.parent] += da;
      g[row + s.sibling] += da;
      g[row + inputs - 2] += da * s.lenF;
      g[row + inputs - 1] += da * s.dangF;
      g[w1.length + j] += da;
    }
  }

  /** Adam ascent over the concatenated parameter arrays. */
  private static final class Adam {
    private final double lr;
    private final double[] m;
    private final double[] v;
    private int t;

    Adam(double lr, int size) {
      this.lr = lr;
      m = new double[size];
      v = new double[size];
    }

    void step(double[] grad, int batch, double[]... params) {
      t++;
      double c1 = 1 - Math.pow(0.9, t);
      double c2 = 1 - Math.pow(0.999, t);
      int i = 0;
      for (double[] p : params) {
        for (int j = 0; j < p.length; j++, i++) {
          double gi = grad[i] / batch;
          m[i] = 0.9 * m[i] + 0.1 * gi;
          v[i] = 0.999 * v[i] + 0.001 * gi * gi;
          p[j] += lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
        }
      }
    }
  }
}
