package org.gyrus.nn.ctm;

/**
 * Accuracy of per-tick predictions, read at every tick, at the most certain tick, and with adaptive
 * halting (stop at the first tick whose certainty reaches a threshold, else the last): counts
 * accumulate over batches.
 */
public final class TickReadout {
  private final int ticks;
  private final double threshold;
  private final long[] rightAt;
  private long rightCertain;
  private long rightHalted;
  private long ticksUsed;
  private long examples;
  private long positions;

  public TickReadout(int ticks, double threshold) {
    this.ticks = ticks;
    this.threshold = threshold;
    this.rightAt = new long[ticks];
  }

  /**
   * Adds one batch: right[i][t] = positions of example i predicted right at tick t (of {@code
   * perExample}), certainty[i][t].
   */
  public void add(int[][] right, float[][] certainty, int perExample) {
    for (int i = 0; i < right.length; i++) {
      int certain = 0;
      int halt = ticks - 1;
      for (int t = 0; t < ticks; t++) {
        rightAt[t] += right[i][t];
        certain = certainty[i][t] > certainty[i][certain] ? t : certain;
      }
      for (int t = 0; t < ticks; t++) {
        if (certainty[i][t] >= threshold) {
          halt = t;
          break;
        }
      }
      rightCertain += right[i][certain];
      rightHalted += right[i][halt];
      ticksUsed += halt + 1;
      examples++;
      positions += perExample;
    }
  }

  /** Accuracy (over positions) read at each tick. */
  public double[] accuracyByTick() {
    double[] a = new double[ticks];
    for (int t = 0; t < ticks; t++) {
      a[t] = (double) rightAt[t] / positions;
    }
    return a;
  }

  public double accuracyCertain() {
    return (double) rightCertain / positions;
  }

  public double accuracyHalted() {
    return (double) rightHalted / positions;
  }

  public double meanTicksHalted() {
    return (double) ticksUsed / examples;
  }
}
