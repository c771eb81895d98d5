package org.gyrus.nesy.trains;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The purely neural baseline: DeepSets over a train's cars (φ: the car's raw encoding plus its
 * position, wheel and load counts → two ReLU layers; max-pool over the cars; ρ: ReLU layer → one
 * logit), trained on the train labels with binary cross-entropy.
 */
public final class DeepSetsBaseline {
  private final Dense phi1;
  private final Dense phi2;
  private final Dense rho1;
  private final Dense rho2;

  public DeepSetsBaseline(int width, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    phi1 = new Dense(CarPerception.DIM + 3, width, rnd);
    phi2 = new Dense(width, width, rnd);
    rho1 = new Dense(width, width / 2, rnd);
    rho2 = new Dense(width / 2, 1, rnd);
  }

  /** One train: per car, its raw encoding followed by position/4, wheels/3, loads/3. */
  public record Input(double[][] cars) {}

  private record Pass(
      double[][] h1,
      double[][] r1,
      double[][] h2,
      int[] argmax,
      double[] pooled,
      double[] g1,
      double[] s1,
      double logit) {}

  private Pass forward(Input in) {
    int n = in.cars().length;
    double[][] h1 = new double[n][];
    double[][] r1 = new double[n][];
    double[][] h2 = new double[n][];
    for (int c = 0; c < n; c++) {
      h1[c] = phi1.forward(in.cars()[c]);
      r1[c] = Dense.relu(h1[c]);
      h2[c] = phi2.forward(r1[c]);
    }
    int w = phi2.out;
    int[] argmax = new int[w];
    double[] pooled = new double[w];
    for (int k = 0; k < w; k++) {
      for (int c = 1; c < n; c++) {
        argmax[k] = h2[c][k] > h2[argmax[k]][k] ? c : argmax[k];
      }
      pooled[k] = Math.max(0, h2[argmax[k]][k]); // ReLU after the max: same as max of ReLUs
    }
    double[] g1 = rho1.forward(pooled);
    double[] s1 = Dense.relu(g1);
    return new Pass(h1, r1, h2, argmax, pooled, g1, s1, rho2.forward(s1)[0]);
  }

  public double probability(Input in) {
    return 1 / (1 + Math.exp(-forward(in).logit()));
  }

  /** Full-batch Adam on the mean binary cross-entropy. */
  public void train(List<Input> xs, boolean[] east, int epochs, double lr) {
    for (int e = 0; e < epochs; e++) {
      for (int i = 0; i < xs.size(); i++) {
        Pass p = forward(xs.get(i));
        double q = 1 / (1 + Math.exp(-p.logit()));
        double dlogit = (q - (east[i] ? 1 : 0)) / xs.size();
        double[] ds1 = rho2.backward(p.s1(), new double[] {dlogit});
        double[] dpooled = rho1.backward(p.pooled(), Dense.reluBack(p.g1(), ds1));
        double[][] dh2 = new double[p.h2().length][phi2.out];
        for (int k = 0; k < dpooled.length; k++) {
          if (p.pooled()[k] > 0) {
            dh2[p.argmax()[k]][k] = dpooled[k];
          }
        }
        for (int c = 0; c < p.h2().length; c++) {
          double[] dr1 = phi2.backward(p.r1()[c], dh2[c]);
          phi1.backward(xs.get(i).cars()[c], Dense.reluBack(p.h1()[c], dr1));
        }
      }
      for (Dense d : new Dense[] {phi1, phi2, rho1, rho2}) {
        d.step(lr, 1e-4);
      }
    }
  }
}
