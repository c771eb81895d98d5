package org.gyrus.nn.ctm;

import java.util.SplittableRandom;

/**
 * The CTM parity task: a sequence of L values ±1; the target at position p is the parity of the
 * number of −1 among positions 0..p (CTM paper, cumulative parity), so L binary labels per example.
 */
public final class Parity {
  private Parity() {}

  /** n examples: inputs (n × L, values ±1) and targets (n × L, values 0/1). */
  public record Batch(int n, int length, float[] bits, int[] targets) {}

  public static Batch sample(int n, int length, SplittableRandom rng) {
    if (length < 1 || n < 1) {
      throw new IllegalArgumentException("parity: n and length must be >= 1");
    }
    float[] bits = new float[n * length];
    int[] targets = new int[n * length];
    for (int i = 0; i < n; i++) {
      int parity = 0;
      for (int p = 0; p < length; p++) {
        boolean minus = rng.nextBoolean();
        bits[i * length + p] = minus ? -1 : 1;
        parity ^= minus ? 1 : 0;
        targets[i * length + p] = parity;
      }
    }
    return new Batch(n, length, bits, targets);
  }
}
