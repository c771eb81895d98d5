package org.gyrus.search.algo;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * ENAS's controller for a fixed sequence of categorical decisions: an LSTM whose input at step t is
 * an embedding of the action taken at step t−1 (a learned start vector at step 0; one extra
 * "absent" row for a decision the point does not use), with one softmax head per decision. All
 * parameters live in one flat array, so Adam and a finite-difference check see them alike; the
 * gradient is exact backpropagation through the steps. Public for gyrus-nas's ENAS, whose
 * controller proposes cells for a weight-sharing supernet.
 */
public final class LstmPolicy {
  final int[] sizes;
  final int h;

  /** All parameters, flat (an optimiser updates them in place). */
  public final double[] w;

  private final int wx;
  private final int wh;
  private final int b;
  private final int start;
  private final int[] emb;
  private final int[] head;

  /** sizes[t]: options of decision t; parameters uniform in ±0.1 from {@code seed}. */
  public LstmPolicy(int[] sizes, int hidden, long seed) {
    this.sizes = sizes.clone();
    this.h = hidden;
    int n = 0;
    wx = n;
    n += 4 * h * h;
    wh = n;
    n += 4 * h * h;
    b = n;
    n += 4 * h;
    start = n;
    n += h;
    emb = new int[sizes.length];
    head = new int[sizes.length];
    for (int t = 1; t < sizes.length; t++) {
      emb[t] = n;
      n += (sizes[t - 1] + 1) * h;
    }
    for (int t = 0; t < sizes.length; t++) {
      head[t] = n;
      n += sizes[t] * h + sizes[t]; // k rows of weights, then k biases
    }
    w = new double[n];
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      w[i] = 0.2 * r.nextDouble() - 0.1;
    }
  }

  /** One pass over the decisions: per step the LSTM state and the head's probabilities. */
  final class Pass {
    final double[][] x;
    final double[][] hs;
    final double[][] cs;
    final double[][] gates;
    final double[][] p;
    final int[] actions;

    Pass() {
      int n = sizes.length;
      x = new double[n][];
      hs = new double[n + 1][];
      cs = new double[n + 1][];
      gates = new double[n][];
      p = new double[n][];
      actions = new int[n];
      hs[0] = new double[h];
      cs[0] = new double[h];
    }

    /** Step t with the previous action known; returns the probabilities of decision t. */
    double[] step(int t) {
      double[] in = new double[h];
      int off = t == 0 ? start : emb[t] + actions[t - 1] * h;
      System.arraycopy(w, off, in, 0, h);
      x[t] = in;
      double[] z = new double[4 * h];
      double[] hp = hs[t];
      for (int r = 0; r < 4 * h; r++) {
        double s = w[b + r];
        int rx = wx + r * h;
        int rh = wh + r * h;
        for (int j = 0; j < h; j++) {
          s += w[rx + j] * in[j] + w[rh + j] * hp[j];
        }
        z[r] = r >= 2 * h && r < 3 * h ? Math.tanh(s) : 1 / (1 + Math.exp(-s));
      }
      gates[t] = z;
      double[] c = new double[h];
      double[] hn = new double[h];
      for (int j = 0; j < h; j++) {
        c[j] = z[h + j] * cs[t][j] + z[j] * z[2 * h + j];
        hn[j] = z[3 * h + j] * Math.tanh(c[j]);
      }
      cs[t + 1] = c;
      hs[t + 1] = hn;
      int k = sizes[t];
      double[] logits = new double[k];
      double max = Double.NEGATIVE_INFINITY;
      for (int a = 0; a < k; a++) {
        double s = w[head[t] + k * h + a];
        for (int j = 0; j < h; j++) {
          s += w[head[t] + a * h + j] * hn[j];
        }
        logits[a] = s;
        max = Math.max(max, s);
      }
      double sum = 0;
      for (int a = 0; a < k; a++) {
        logits[a] = Math.exp(logits[a] - max);
        sum += logits[a];
      }
      for (int a = 0; a < k; a++) {
        logits[a] /= sum;
      }
      p[t] = logits;
      return logits;
    }
  }

  /** Samples every decision in turn. */
  public int[] sample(RandomGenerator rng) {
    Pass pass = new Pass();
    for (int t = 0; t < sizes.length; t++) {
      double[] p = pass.step(t);
      double u = rng.nextDouble();
      int a = 0;
      while (a < p.length - 1 && (u -= p[a]) > 0) {
        a++;
      }
      pass.actions[t] = a;
    }
    return pass.actions;
  }

  /** The most likely option at every step, each step fed the previous step's choice. */
  public int[] greedy() {
    Pass pass = new Pass();
    for (int t = 0; t < sizes.length; t++) {
      double[] p = pass.step(t);
      int a = 0;
      for (int k = 1; k < p.length; k++) {
        a = p[k] > p[a] ? k : a;
      }
      pass.actions[t] = a;
    }
    return pass.actions;
  }

  /**
   * The loss −advantage·Σ log π(a_t) − entropyWeight·Σ H(π_t) over the steps where {@code
   * actions[t] >= 0} (a negative action is absent: it feeds the "absent" embedding and adds no
   * term); adds its gradient to {@code grad} and returns the loss.
   */
  public double lossAndGradient(
      int[] actions, double advantage, double entropyWeight, double[] grad) {
    int n = sizes.length;
    Pass pass = new Pass();
    double loss = 0;
    for (int t = 0; t < n; t++) {
      pass.step(t);
      pass.actions[t] = actions[t] >= 0 ? actions[t] : sizes[t];
    }
    double[] dhNext = new double[h];
    double[] dcNext = new double[h];
    for (int t = n - 1; t >= 0; t--) {
      int k = sizes[t];
      double[] p = pass.p[t];
      double[] dlogit = new double[k];
      if (actions[t] >= 0) {
        double ent = 0;
        for (int a = 0; a < k; a++) {
          ent -= p[a] * Math.log(p[a]);
        }
        loss += -advantage * Math.log(p[actions[t]]) - entropyWeight * ent;
        for (int a = 0; a < k; a++) {
          double onehot = a == actions[t] ? 1 : 0;
          dlogit[a] = -advantage * (onehot - p[a]) + entropyWeight * p[a] * (Math.log(p[a]) + ent);
        }
      }
      double[] hn = pass.hs[t + 1];
      double[] dh = dhNext.clone();
      for (int a = 0; a < k; a++) {
        grad[head[t] + k * h + a] += dlogit[a];
        for (int j = 0; j < h; j++) {
          grad[head[t] + a * h + j] += dlogit[a] * hn[j];
          dh[j] += dlogit[a] * w[head[t] + a * h + j];
        }
      }
      backStep(pass, t, dh, dcNext, grad);
      dhNext = dh;
    }
    return loss;
  }

  /**
   * Backpropagates through LSTM step t: dh holds dL/dh_{t+1} and becomes dL/dh_t; dc likewise for
   * the cell state.
   */
  private void backStep(Pass pass, int t, double[] dh, double[] dc, double[] grad) {
    double[] z = pass.gates[t];
    double[] c = pass.cs[t + 1];
    double[] cp = pass.cs[t];
    double[] dz = new double[4 * h];
    for (int j = 0; j < h; j++) {
      double tc = Math.tanh(c[j]);
      double i = z[j];
      double f = z[h + j];
      double g = z[2 * h + j];
      double o = z[3 * h + j];
      double dcj = dh[j] * o * (1 - tc * tc) + dc[j];
      dz[j] = dcj * g * i * (1 - i);
      dz[h + j] = dcj * cp[j] * f * (1 - f);
      dz[2 * h + j] = dcj * i * (1 - g * g);
      dz[3 * h + j] = dh[j] * tc * o * (1 - o);
      dc[j] = dcj * f;
    }
    double[] in = pass.x[t];
    double[] hp = pass.hs[t];
    double[] dx = new double[h];
    double[] dhp = new double[h];
    for (int r = 0; r < 4 * h; r++) {
      double d = dz[r];
      grad[b + r] += d;
      int rx = wx + r * h;
      int rh = wh + r * h;
      for (int j = 0; j < h; j++) {
        grad[rx + j] += d * in[j];
        grad[rh + j] += d * hp[j];
        dx[j] += d * w[rx + j];
        dhp[j] += d * w[rh + j];
      }
    }
    int off = t == 0 ? start : emb[t] + pass.actions[t - 1] * h;
    for (int j = 0; j < h; j++) {
      grad[off + j] += dx[j];
    }
    System.arraycopy(dhp, 0, dh, 0, h);
  }
}
