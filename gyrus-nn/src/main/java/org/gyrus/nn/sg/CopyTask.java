package org.gyrus.nn.sg;

import java.util.SplittableRandom;

/**
 * The copy task of the DNI paper, on symbols: {@code length} random symbols from 1..K, a delimiter
 * (K+1), then {@code length} blanks (0) during which the model must emit the symbols in order.
 * Inputs are one-hot over K+2 tokens; targets are the symbols (1..K, as classes 0..K−1) at recall
 * positions and {@link #IGNORE} elsewhere. Sequence length 2·length + 1.
 */
public record CopyTask(int length, int symbols) {
  public static final int IGNORE = -1;

  public CopyTask {
    if (length < 1 || symbols < 2) {
      throw new IllegalArgumentException(
          "copy task: length >= 1 and symbols >= 2, got " + length + ", " + symbols);
    }
  }

  public int steps() {
    return 2 * length + 1;
  }

  public int tokens() {
    return symbols + 2;
  }

  /** n sequences: one-hot inputs (n × steps × tokens) and targets (n × steps). */
  public record Batch(int n, float[] inputs, int[] targets) {}

  public Batch sample(int n, SplittableRandom rng) {
    int s = steps();
    float[] x = new float[n * s * tokens()];
    int[] y = new int[n * s];
    java.util.Arrays.fill(y, IGNORE);
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < length; p++) {
        int sym = 1 + rng.nextInt(symbols);
        x[(i * s + p) * tokens() + sym] = 1;
        y[i * s + length + 1 + p] = sym - 1;
      }
      x[(i * s + length) * tokens() + symbols + 1] = 1;
      for (int p = length + 1; p < s; p++) {
        x[(i * s + p) * tokens()] = 1;
      }
    }
    return new Batch(n, x, y);
  }
}
