package org.gyrus.nesy.trains;

import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.nesy.trains.CarPerception.Slot;

/**
 * The perception MLP: a car's raw encoding → hidden ReLU layer → one softmax per {@link Slot} (17
 * outputs: the probabilities of the learner's unary attribute predicates for that car).
 */
public final class PerceptionNet {
  private final Dense hidden;
  private final Dense head;

  public PerceptionNet(int width, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    hidden = new Dense(CarPerception.DIM, width, rnd);
    head = new Dense(width, CarPerception.OUTPUTS, rnd);
  }

  /** Forward pass of one car, kept for its backward pass. */
  public final class Pass {
    final double[] x;
    final double[] h;
    final double[] r;

    /** Probabilities: slot s's values at {@code s.offset ..}. */
    public final double[] p;

    Pass(double[] x) {
      this.x = x;
      h = hidden.forward(x);
      r = Dense.relu(h);
      double[] z = head.forward(r);
      p = new double[z.length];
      for (Slot s : Slot.values()) {
        softmax(z, p, s.offset, s.size());
      }
    }

    /** Accumulates gradients for dL/dp (one entry per output). */
    public void backward(double[] dp) {
      double[] dz = new double[dp.length];
      for (Slot s : Slot.values()) {
        double dot = 0;
        for (int k = 0; k < s.size(); k++) {
          dot += dp[s.offset + k] * p[s.offset + k];
        }
        for (int k = 0; k < s.size(); k++) {
          dz[s.offset + k] = p[s.offset + k] * (dp[s.offset + k] - dot);
        }
      }
      hidden.backward(x, Dense.reluBack(h, head.backward(r, dz)));
    }

    /** The most probable value of each slot. */
    public int[] argmax() {
      int[] a = new int[Slot.values().length];
      for (Slot s : Slot.values()) {
        int best = 0;
        for (int k = 1; k < s.size(); k++) {
          best = p[s.offset + k] > p[s.offset + best] ? k : best;
        }
        a[s.ordinal()] = best;
      }
      return a;
    }
  }

  public Pass forward(double[] x) {
    return new Pass(x);
  }

  public void step(double lr) {
    hidden.step(lr, 1e-4);
    head.step(lr, 1e-4);
  }

  /** Cross-entropy gradient dL/dp for labelled slot values (−1: slot unlabelled). */
  static double[] supervisedGrad(Pass pass, int[] gold, double weight) {
    double[] dp = new double[CarPerception.OUTPUTS];
    for (Slot s : Slot.values()) {
      int g = gold[s.ordinal()];
      if (g >= 0) {
        dp[s.offset + g] = -weight / Math.max(pass.p[s.offset + g], 1e-12);
      }
    }
    return dp;
  }

  /** Supervised pre-training on labelled cars: full-batch Adam on the summed cross-entropy. */
  public void pretrain(List<double[]> xs, List<int[]> golds, int epochs, double lr) {
    for (int e = 0; e < epochs; e++) {
      for (int i = 0; i < xs.size(); i++) {
        Pass pass = forward(xs.get(i));
        pass.backward(supervisedGrad(pass, golds.get(i), 1.0 / xs.size()));
      }
      step(lr);
    }
  }

  private static void softmax(double[] z, double[] p, int off, int n) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < n; k++) {
      max = Math.max(max, z[off + k]);
    }
    double sum = 0;
    for (int k = 0; k < n; k++) {
      p[off + k] = Math.exp(z[off + k] - max);
      sum += p[off + k];
    }
    for (int k = 0; k < n; k++) {
      p[off + k] /= sum;
    }
  }
}
