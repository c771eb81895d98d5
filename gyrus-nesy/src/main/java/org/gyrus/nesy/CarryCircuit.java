package org.gyrus.nesy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.gyrus.core.SpecError;

/**
 * Exact probability that two N-digit numbers read by a network add up to a given sum, as a compiled
 * circuit evaluated for a whole batch with a handful of tensor ops per digit position.
 *
 * <p>The Datalog program {@code addition(X,Y,Z) :- number(X,X2), number(Y,Y2), Z is X2+Y2} has
 * 10^(2N) ground proofs; its exact-semiring value is a sum over them. Because the label Z fixes
 * every output digit, that sum factorises along positions (least significant first) through the
 * carry: with α_i(c) the probability that positions &lt; i produce the label's low digits and carry
 * c, α_{i+1}(c') = Σ_c α_i(c) Σ_t P(a_i + b_i = t) [ (t+c) mod 10 = z_i, ⌊(t+c)/10⌋ = c' ] and P(Z)
 * = α_N(z_N). This is the same exact semiring evaluated over a structured, decomposable circuit (an
 * OBDD over digit positions) instead of the flat DNF: O(N·100) per example instead of O(100^N).
 * Each step is renormalised and the log of the normaliser accumulated, so N = 15 does not
 * underflow.
 */
public final class CarryCircuit {
  private final int digits;

  public CarryCircuit(int digits) {
    if (digits < 1 || digits > 17) {
      throw new SpecError("digits", "1..17", "" + digits);
    }
    this.digits = digits;
  }

  public int digits() {
    return digits;
  }

  /**
   * @param logp (batch, 2N, 10) log-probabilities: slots 0..N-1 are the first number's digits most
   *     significant first, slots N..2N-1 the second's
   * @param sums the labels (sum of the two numbers), one per example
   * @return (batch) log P(sum = label)
   */
  public NDArray logProbability(NDArray logp, long[] sums) {
    NDManager m = logp.getManager();
    DataType dt = logp.getDataType();
    int b = (int) logp.getShape().get(0);
    NDArray p = logp.exp();
    // transition[z][c][c'][t] = 1 when digit sum t with carry-in c writes z and carries c'
    float[] tr = new float[10 * 2 * 2 * 19];
    for (int c = 0; c < 2; c++) {
      for (int t = 0; t < 19; t++) {
        int z = (t + c) % 10;
        int c2 = (t + c) / 10;
        tr[((z * 2 + c) * 2 + c2) * 19 + t] = 1f;
      }
    }
    NDArray trans = m.create(tr, new Shape(10, 2, 2, 19)).toType(dt, false);
    NDArray pairToSum = pairToSum(m, dt); // (100, 19)
    float[] init = new float[b * 2];
    for (int i = 0; i < b; i++) {
      init[i * 2] = 1f;
    }
    NDArray alpha = m.create(init, new Shape(b, 1, 2)).toType(dt, false);
    NDArray logZ = m.zeros(new Shape(b), dt);
    for (int pos = 0; pos < digits; pos++) {
      int slotA = digits - 1 - pos;
      int slotB = 2 * digits - 1 - pos;
      NDArray pa = p.get(":, " + slotA + ", :").reshape(b, 10, 1);
      NDArray pb = p.get(":, " + slotB + ", :").reshape(b, 1, 10);
      NDArray pt = pa.mul(pb).reshape(b, 100).matMul(pairToSum); // (b, 19)
      long[] z = new long[b];
      for (int i = 0; i < b; i++) {
        z[i] = digitOf(sums[i], pos);
      }
      NDArray tz = trans.get(m.create(z)); // (b, 2, 2, 19)
      NDArray step = tz.mul(pt.reshape(b, 1, 1, 19)).sum(new int[] {3}); // (b, 2, 2)
      alpha = alpha.batchMatMul(step); // (b, 1, 2)
      NDArray norm = alpha.sum(new int[] {1, 2}).add(1e-30);
      logZ = logZ.add(norm.log());
      alpha = alpha.div(norm.reshape(b, 1, 1));
    }
    long[] top = new long[b];
    for (int i = 0; i < b; i++) {
      top[i] = digitOf(sums[i], digits);
      if (top[i] > 1 || sums[i] < 0) {
        throw new SpecError(
            "sum[" + i + "]", "a sum of two " + digits + "-digit numbers", "" + sums[i]);
      }
    }
    NDArray oneHot = m.create(top).oneHot(2).toType(dt, false);
    NDArray last = alpha.reshape(b, 2).mul(oneHot).sum(new int[] {1}).add(1e-30);
    return last.log().add(logZ);
  }

  public NDArray loss(NDArray logp, long[] sums) {
    return logProbability(logp, sums).mean().neg();
  }

  static NDArray pairToSum(NDManager m, DataType dt) {
    float[] w = new float[100 * 19];
    for (int a = 0; a < 10; a++) {
      for (int c = 0; c < 10; c++) {
        w[(a * 10 + c) * 19 + a + c] = 1f;
      }
    }
    return m.create(w, new Shape(100, 19)).toType(dt, false);
  }

  static long digitOf(long x, int pos) {
    for (int i = 0; i < pos; i++) {
      x /= 10;
    }
    return x % 10;
  }
}
