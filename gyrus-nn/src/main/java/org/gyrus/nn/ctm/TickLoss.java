package org.gyrus.nn.ctm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.gyrus.nn.Scalars;

/**
 * CTM's training signal and read-outs over per-tick logits (N, ticks, P·C) for P positions of C
 * classes: each tick's loss (mean cross-entropy over positions) and certainty (1 − normalised
 * entropy); the loss is ½(L[t₁] + L[t₂]) per example at t₁ = the tick of least loss and t₂ = the
 * tick of greatest certainty, so the model may use as many ticks as an example needs.
 */
public final class TickLoss {
  private final int positions;
  private final int classes;

  public TickLoss(int positions, int classes) {
    this.positions = positions;
    this.classes = classes;
  }

  /** Per-tick loss and certainty, both (N, ticks). */
  public NDArray[] perTick(NDArray logits, int[] targets) {
    long n = logits.getShape().get(0);
    long ticks = logits.getShape().get(1);
    NDArray logp = logits.reshape(n, ticks, positions, classes).logSoftmax(-1);
    NDArray hot = oneHot(logits.getManager(), targets, n);
    NDArray loss = logp.mul(hot).sum(new int[] {-1}).mean(new int[] {-1}).neg();
    NDArray entropy =
        Scalars.div(logp.exp().mul(logp).sum(new int[] {-1}).neg(), Math.log(classes));
    NDArray certainty = entropy.mean(new int[] {-1}).neg().add(1);
    return new NDArray[] {loss, certainty};
  }

  /** ½(L[t₁] + L[t₂]) averaged over the batch. */
  public NDArray loss(NDArray logits, int[] targets) {
    NDArray[] lc = perTick(logits, targets);
    NDArray pick = pickTicks(lc[0], true).add(pickTicks(lc[1], false));
    return Scalars.div(lc[0].mul(pick).sum(new int[] {1}).mean(), 2);
  }

  /** One-hot (N, ticks) of each row's arg-min (least) or arg-max (greatest), as a constant. */
  static NDArray pickTicks(NDArray perTick, boolean least) {
    float[][] v = toRows(perTick);
    long ticks = perTick.getShape().get(1);
    float[] hot = new float[v.length * (int) ticks];
    for (int i = 0; i < v.length; i++) {
      int best = 0;
      for (int t = 1; t < ticks; t++) {
        boolean better = least ? v[i][t] < v[i][best] : v[i][t] > v[i][best];
        best = better ? t : best;
      }
      hot[i * (int) ticks + best] = 1;
    }
    return perTick
        .getManager()
        .create(hot, perTick.getShape())
        .toType(perTick.getDataType(), false);
  }

  static float[][] toRows(NDArray a) {
    int n = (int) a.getShape().get(0);
    int t = (int) a.getShape().get(1);
    float[] flat = a.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
    float[][] rows = new float[n][t];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * t, rows[i], 0, t);
    }
    return rows;
  }

  private NDArray oneHot(NDManager m, int[] targets, long n) {
    float[] hot = new float[targets.length * classes];
    for (int i = 0; i < targets.length; i++) {
      hot[i * classes + targets[i]] = 1;
    }
    return m.create(hot, new Shape(n, 1, positions, classes));
  }

  public int positions() {
    return positions;
  }

  public int classes() {
    return classes;
  }
}
