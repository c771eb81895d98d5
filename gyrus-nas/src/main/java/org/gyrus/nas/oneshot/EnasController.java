package org.gyrus.nas.oneshot;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.gyrus.search.algo.LstmPolicy;

/**
 * ENAS's controller over the NB201 cell: an LSTM ({@link LstmPolicy}) choosing the six edges' ops
 * one after another, trained by REINFORCE — one Adam step per reward on −(r − b)·Σ log π(a_t) −
 * entropy·Σ H(π_t), with b a moving average of the rewards (the first reward sets it).
 */
final class EnasController {
  final LstmPolicy policy;
  private final double lr;
  private final double entropy;
  private final double baselineDecay;
  private final double[] m;
  private final double[] v;
  private long step;
  private double baseline = Double.NaN;

  EnasController(int hidden, double lr, double entropy, double baselineDecay, long seed) {
    this(uniformSizes(), hidden, lr, entropy, baselineDecay, seed);
  }

  /** A controller over any decision sizes (the tests use tiny ones). */
  EnasController(
      int[] sizes, int hidden, double lr, double entropy, double baselineDecay, long seed) {
    this.policy = new LstmPolicy(sizes, hidden, seed);
    this.lr = lr;
    this.entropy = entropy;
    this.baselineDecay = baselineDecay;
    m = new double[policy.w.length];
    v = new double[policy.w.length];
  }

  private static int[] uniformSizes() {
    int[] sizes = new int[Genotype.EDGES];
    Arrays.fill(sizes, Genotype.OPS);
    return sizes;
  }

  Genotype sample(RandomGenerator rng) {
    return new Genotype(policy.sample(rng));
  }

  Genotype greedy() {
    return new Genotype(policy.greedy());
  }

  /** log π(actions). */
  double logProb(int[] actions) {
    return -policy.lossAndGradient(actions, 1, 0, new double[policy.w.length]);
  }

  /** The gradient of −advantage·log π(actions) − entropy·H (what {@link #update} descends). */
  double[] gradient(int[] actions, double advantage) {
    double[] g = new double[policy.w.length];
    policy.lossAndGradient(actions, advantage, entropy, g);
    return g;
  }

  double baseline() {
    return baseline;
  }

  /** One REINFORCE step for a sampled cell and its reward; returns the advantage used. */
  double update(int[] actions, double reward) {
    if (Double.isNaN(baseline)) {
      baseline = reward;
    }
    double advantage = reward - baseline;
    double[] g = gradient(actions, advantage);
    baseline = baselineDecay * baseline + (1 - baselineDecay) * reward;
    ArchAdam.step(policy.w, g, m, v, ++step, -lr);
    return advantage;
  }

  /** Per-edge op frequencies over {@code draws} samples (the LSTM has no closed-form marginal). */
  double[][] marginals(int draws, RandomGenerator rng) {
    double[][] p = new double[Genotype.EDGES][Genotype.OPS];
    for (int i = 0; i < draws; i++) {
      int[] a = policy.sample(rng);
      for (int e = 0; e < a.length; e++) {
        p[e][a[e]] += 1.0 / draws;
      }
    }
    return p;
  }
}
