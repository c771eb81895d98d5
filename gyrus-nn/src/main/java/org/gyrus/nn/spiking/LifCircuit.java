package org.gyrus.nn.spiking;

import java.util.SplittableRandom;

/**
 * A known random circuit of leaky integrate-and-fire neurons that makes spike trains with ground
 * truth connectivity (B14's data): sparse synapses j → i (80% of neurons excitatory, the rest
 * inhibitory, twice as strong), a one-step synaptic delay, and Gaussian background current so every
 * neuron fires spontaneously. 1 ms bins.
 */
public final class LifCircuit {
  private final int n;
  private final double[][] w; // w[i][j]: synapse from j onto i, 0 when absent

  public LifCircuit(int neurons, double connectivity, double strength, long seed) {
    this.n = neurons;
    this.w = new double[neurons][neurons];
    SplittableRandom rng = new SplittableRandom(seed);
    int excitatory = (int) Math.round(0.8 * neurons);
    for (int i = 0; i < neurons; i++) {
      for (int j = 0; j < neurons; j++) {
        if (i != j && rng.nextDouble() < connectivity) {
          double mag = strength * (0.5 + rng.nextDouble());
          w[i][j] = j < excitatory ? mag : -2 * mag;
        }
      }
    }
  }

  /**
   * A circuit with the given synapses ({@code w[i][j]} from j onto i, 0 when absent), e.g. one
   * strong planted connection for a test.
   */
  public LifCircuit(double[][] weights) {
    this.n = weights.length;
    this.w = new double[n][];
    for (int i = 0; i < n; i++) {
      w[i] = weights[i].clone();
    }
  }

  public int size() {
    return n;
  }

  /** True when j → i exists. */
  public boolean connected(int i, int j) {
    return w[i][j] != 0;
  }

  /** True when j → i exists and excites i. */
  public boolean excitatory(int i, int j) {
    return w[i][j] > 0;
  }

  /** Spikes of {@code steps} bins, row-major (step × neuron), 1 = spike. */
  public float[] simulate(int steps, double noise, double bias, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] spikes = new float[steps * n];
    double[] v = new double[n];
    double leak = Math.exp(-1 / 10.0);
    for (int t = 1; t < steps; t++) {
      for (int i = 0; i < n; i++) {
        double input = bias + noise * rng.nextGaussian();
        for (int j = 0; j < n; j++) {
          if (spikes[(t - 1) * n + j] != 0) {
            input += w[i][j];
          }
        }
        v[i] = v[i] * leak + input;
        if (v[i] >= 1) {
          spikes[t * n + i] = 1;
          v[i] = 0;
        }
      }
    }
    return spikes;
  }
}
