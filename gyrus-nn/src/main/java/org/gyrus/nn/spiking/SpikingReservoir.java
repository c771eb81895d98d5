package org.gyrus.nn.spiking;

import java.util.SplittableRandom;

/**
 * A liquid state machine's reservoir (B10): N leaky integrate-and-fire neurons, 80% excitatory and
 * 20% inhibitory (Dale's law: a neuron's outgoing weights share its sign), sparse random recurrent
 * synapses with exponentially decaying current, sparse random input synapses. Fixed after
 * construction; only a readout is trained, so one reservoir serves every task. Features of a
 * sequence: each neuron's spike count in each of {@code windows} equal time windows.
 */
public final class SpikingReservoir implements Reservoir {
  private final int n;
  private final int inputs;
  private final int[][] outTargets;
  private final double[][] outWeights;
  private final int[][] inTargets;
  private final double[][] inWeights;
  private final int substeps;
  private final int windows;

  /**
   * @param connectivity probability of a recurrent synapse
   * @param weight excitatory synapse strength (inhibitory: −4 × weight)
   * @param inputScale input synapse strength scale
   * @param substeps simulation steps per sequence element
   */
  public SpikingReservoir(
      int neurons,
      int inputs,
      double connectivity,
      double weight,
      double inputScale,
      int substeps,
      int windows,
      long seed) {
    this.n = neurons;
    this.inputs = inputs;
    this.substeps = substeps;
    this.windows = windows;
    SplittableRandom rng = new SplittableRandom(seed);
    int excitatory = (int) Math.round(0.8 * neurons);
    outTargets = new int[neurons][];
    outWeights = new double[neurons][];
    for (int j = 0; j < neurons; j++) {
      double sign = j < excitatory ? weight : -4 * weight;
      int[] tg = sample(neurons, connectivity, rng, j);
      outTargets[j] = tg;
      outWeights[j] = new double[tg.length];
      for (int k = 0; k < tg.length; k++) {
        outWeights[j][k] = sign * (0.5 + rng.nextDouble());
      }
    }
    inTargets = new int[inputs][];
    inWeights = new double[inputs][];
    for (int f = 0; f < inputs; f++) {
      inTargets[f] = sample(neurons, 0.2, rng, -1);
      inWeights[f] = new double[inTargets[f].length];
      for (int k = 0; k < inWeights[f].length; k++) {
        inWeights[f][k] = inputScale * rng.nextGaussian();
      }
    }
  }

  private static int[] sample(int n, double p, SplittableRandom rng, int skip) {
    int[] buf = new int[n];
    int c = 0;
    for (int i = 0; i < n; i++) {
      if (i != skip && rng.nextDouble() < p) {
        buf[c++] = i;
      }
    }
    return java.util.Arrays.copyOf(buf, c);
  }

  @Override
  public int features() {
    return n * windows;
  }

  /** Runs one sequence (T × inputs, row-major) from rest; returns spike counts per window. */
  @Override
  public float[] run(float[] seq, int steps) {
    double[] v = new double[n];
    double[] syn = new double[n];
    int[] refractory = new int[n];
    boolean[] spiked = new boolean[n];
    float[] counts = new float[n * windows];
    double leak = Math.exp(-1 / 20.0);
    double synFall = Math.exp(-1 / 5.0);
    double[] drive = new double[n];
    int total = steps * substeps;
    for (int t = 0; t < steps; t++) {
      java.util.Arrays.fill(drive, 0);
      for (int f = 0; f < inputs; f++) {
        double x = seq[t * inputs + f];
        if (x != 0) {
          int[] tg = inTargets[f];
          double[] w = inWeights[f];
          for (int k = 0; k < tg.length; k++) {
            drive[tg[k]] += x * w[k];
          }
        }
      }
      for (int s = 0; s < substeps; s++) {
        for (int j = 0; j < n; j++) {
          syn[j] *= synFall;
        }
        for (int j = 0; j < n; j++) {
          if (spiked[j]) {
            int[] tg = outTargets[j];
            double[] w = outWeights[j];
            for (int k = 0; k < tg.length; k++) {
              syn[tg[k]] += w[k];
            }
          }
        }
        int window = (int) ((long) (t * substeps + s) * windows / total);
        for (int i = 0; i < n; i++) {
          spiked[i] = false;
          if (refractory[i] > 0) {
            refractory[i]--;
            continue;
          }
          v[i] = v[i] * leak + drive[i] + syn[i];
          if (v[i] >= 1) {
            spiked[i] = true;
            v[i] = 0;
            refractory[i] = 2;
            counts[window * n + i] += 1;
          }
        }
      }
    }
    return counts;
  }
}
