package org.gyrus.nn.attractor;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Hippocampal spiking content-addressable memory (B11): a CA3-like recurrent layer of leaky
 * integrate-and-fire neurons (1 ms steps) with global feedback inhibition. Patterns (sets of active
 * neurons) are learned in one presentation by pair-based STDP on the recurrent synapses while their
 * neurons are driven to fire at random; a fragment of a pattern driven alone recalls the rest
 * through the learned synapses. Forgetting: multiplicative synaptic decay after each learned
 * pattern ({@code decay}), and interference from later patterns sharing neurons.
 */
public final class SpikingCam {
  /**
   * Parameters. Membrane: tau (ms), threshold, refractory (ms); synapses: current decaying with
   * tauSyn (ms), wMax, inhibition (per spike in the previous ms, subtracted from every neuron);
   * STDP: aPlus, aMinus, tauStdp (ms); learning: drive (probability per ms that a driven neuron is
   * forced to fire), decay.
   */
  public record Config(
      int neurons,
      double tau,
      double tauSyn,
      double threshold,
      int refractory,
      double wMax,
      double inhibition,
      double aPlus,
      double aMinus,
      double tauStdp,
      double drive,
      double decay) {
    public static Config standard(int neurons, double decay) {
      return new Config(neurons, 20, 5, 1.0, 2, 0.1, 0.04, 0.02, 0.01, 20, 0.1, decay);
    }
  }

  private final Config c;
  private final int n;
  private final double[] w; // w[i * n + j]: synapse from j onto i
  private final double[] v;
  private final double[] current;
  private final int[] refractoryLeft;
  private final double[] preTrace;
  private final double[] postTrace;
  private boolean[] spiked;

  public SpikingCam(Config config) {
    this.c = config;
    this.n = config.neurons();
    this.w = new double[n * n];
    this.v = new double[n];
    this.current = new double[n];
    this.refractoryLeft = new int[n];
    this.preTrace = new double[n];
    this.postTrace = new double[n];
    this.spiked = new boolean[n];
  }

  public double weight(int post, int pre) {
    return w[post * n + pre];
  }

  /** Learns one pattern: its neurons fire at random for {@code ms} with STDP on, then decay. */
  public void learn(int[] pattern, int ms, SplittableRandom rng) {
    reset();
    boolean[] driven = mask(pattern);
    for (int t = 0; t < ms; t++) {
      step(driven, c.drive(), rng, true);
    }
    if (c.decay() > 0) {
      for (int k = 0; k < w.length; k++) {
        w[k] *= 1 - c.decay();
      }
    }
  }

  /**
   * Drives the cue neurons (each fires whenever it is not refractory) for {@code cueMs}, lets the
   * network run {@code recallMs} more without input and without plasticity; returns the neurons
   * that fired in the second half of the free-running part (the settled state).
   */
  public boolean[] recall(int[] cue, int cueMs, int recallMs, SplittableRandom rng) {
    reset();
    boolean[] driven = mask(cue);
    boolean[] none = new boolean[n];
    for (int t = 0; t < cueMs; t++) {
      step(driven, 1.0, rng, false);
    }
    boolean[] fired = new boolean[n];
    for (int t = 0; t < recallMs; t++) {
      step(none, 0, rng, false);
      for (int i = 0; t >= recallMs / 2 && i < n; i++) {
        fired[i] |= spiked[i];
      }
    }
    return fired;
  }

  /** One millisecond: synaptic current from last step's spikes, leak, threshold, STDP. */
  private void step(boolean[] driven, double drive, SplittableRandom rng, boolean plastic) {
    int count = 0;
    for (boolean s : spiked) {
      count += s ? 1 : 0;
    }
    boolean[] next = new boolean[n];
    double leak = 1 - 1 / c.tau();
    double synFall = Math.exp(-1 / c.tauSyn());
    for (int i = 0; i < n; i++) {
      double input = -c.inhibition() * count;
      int row = i * n;
      for (int j = 0; j < n; j++) {
        if (spiked[j]) {
          input += w[row + j];
        }
      }
      current[i] = current[i] * synFall + input;
      if (refractoryLeft[i] > 0) {
        refractoryLeft[i]--;
        continue;
      }
      v[i] = Math.max(v[i] * leak + current[i], -c.threshold());
      boolean forced = driven[i] && rng.nextDouble() < drive;
      if (v[i] >= c.threshold() || forced) {
        next[i] = true;
        v[i] = 0;
        refractoryLeft[i] = c.refractory();
      }
    }
    spiked = next;
    if (plastic) {
      stdp();
    }
  }

  /** Pair-based STDP with exponential traces; weights clipped to [0, wMax]. */
  private void stdp() {
    double fall = Math.exp(-1 / c.tauStdp());
    for (int k = 0; k < n; k++) {
      preTrace[k] *= fall;
      postTrace[k] *= fall;
    }
    for (int i = 0; i < n; i++) {
      if (!spiked[i]) {
        continue;
      }
      int row = i * n;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          w[row + j] = Math.min(c.wMax(), w[row + j] + c.aPlus() * preTrace[j]);
        }
      }
    }
    for (int j = 0; j < n; j++) {
      if (!spiked[j]) {
        continue;
      }
      for (int i = 0; i < n; i++) {
        if (i != j) {
          w[i * n + j] = Math.max(0, w[i * n + j] - c.aMinus() * postTrace[i]);
        }
      }
    }
    for (int k = 0; k < n; k++) {
      if (spiked[k]) {
        preTrace[k] += 1;
        postTrace[k] += 1;
      }
    }
  }

  private void reset() {
    Arrays.fill(v, 0);
    Arrays.fill(current, 0);
    Arrays.fill(refractoryLeft, 0);
    Arrays.fill(preTrace, 0);
    Arrays.fill(postTrace, 0);
    spiked = new boolean[n];
  }

  private boolean[] mask(int[] idx) {
    boolean[] m = new boolean[n];
    for (int i : idx) {
      if (i < 0 || i >= n) {
        throw new IllegalArgumentException("neuron " + i + " outside 0.." + (n - 1));
      }
      m[i] = true;
    }
    return m;
  }

  /** A pattern: {@code active} distinct neurons drawn at random, sorted. */
  public static int[] randomPattern(int neurons, int active, SplittableRandom rng) {
    int[] perm = org.gyrus.nn.data.Dataset.permutation(neurons, rng);
    int[] p = Arrays.copyOf(perm, active);
    Arrays.sort(p);
    return p;
  }

  /** The first {@code fraction} of a pattern's neurons (at least one), in a random order. */
  public static int[] fragment(int[] pattern, double fraction, SplittableRandom rng) {
    int k = Math.max(1, (int) Math.round(pattern.length * fraction));
    int[] perm = org.gyrus.nn.data.Dataset.permutation(pattern.length, rng);
    int[] f = new int[k];
    for (int i = 0; i < k; i++) {
      f[i] = pattern[perm[i]];
    }
    return f;
  }

  /** F1 score of the recalled set against the pattern (cue neurons count as recalled). */
  public static double f1(int[] pattern, int[] cue, boolean[] fired) {
    boolean[] got = fired.clone();
    for (int i : cue) {
      got[i] = true;
    }
    boolean[] want = new boolean[fired.length];
    for (int i : pattern) {
      want[i] = true;
    }
    int tp = 0;
    int fp = 0;
    for (int i = 0; i < got.length; i++) {
      if (got[i] && want[i]) {
        tp++;
      } else if (got[i]) {
        fp++;
      }
    }
    int fn = pattern.length - tp;
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }
}
