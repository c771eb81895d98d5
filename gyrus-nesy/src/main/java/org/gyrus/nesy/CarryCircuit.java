package org.gyrus.nesy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.gyrus.core.SpecError;

/**
 * Exact probability that two N-digit numbers read by a network add up to a given sum, as a compiled
 * circuit evaluated for a whole batch with a handful of tensor ops.
 *
 * <p>The Datalog program {@code addition(X,Y,Z) :- number(X,X2), number(Y,Y2), Z is X2+Y2} has
 * 10^(2N) ground proofs; its exact-semiring value is a sum over them. Because the label Z fixes
 * every output digit, that sum factorises along positions through the carry: position i (least
 * significant first) turns carry-in c into carry-out c' with weight S_i[c][c'] = Σ_t P(a_i + b_i =
 * t) [(t+c) mod 10 = z_i, ⌊(t+c)/10⌋ = c'], and P(Z) = (S_0 S_1 ⋯ S_{N-1})[0][z_N]. This is the
 * same exact semiring over a structured, decomposable circuit (an OBDD over digit positions)
 * instead of the flat DNF: O(N·100) per example instead of O(100^N).
 *
 * <p>All N 2×2 matrices are built at once and multiplied pairwise in a balanced tree (log2 N
 * levels), so N = 500 costs about as many tensor ops as N = 4. Every product is divided by the sum
 * of its entries and the log of that sum accumulated, so P(Z) ≈ 10^-200 at N = 100 does not
 * underflow: the result is a log-probability. The circuit runs in float64 (its tensors are tiny
 * next to the network's), so that a partial product's entries may differ by 10^-300 before one is
 * lost.
 */
public final class CarryCircuit {
  /** Far beyond MNIST's 10,000 test images (N = 5,000 already leaves one test sum). */
  public static final int MAX_DIGITS = 100_000;

  /**
   * Added before log(): a digit sum whose every pair is e^-85 below the most probable pair counts
   * as that improbable (float32's smallest normal is e^-87.3).
   */
  private static final float FLOOR = 1e-37f;

  /** The log weight of a structurally impossible carry transition: exp() of it is exactly 0. */
  private static final float IMPOSSIBLE = -1e4f;

  private final int digits;

  public CarryCircuit(int digits) {
    if (digits < 1 || digits > MAX_DIGITS) {
      throw new SpecError("digits", "1.." + MAX_DIGITS, "" + digits);
    }
    this.digits = digits;
  }

  public int digits() {
    return digits;
  }

  /**
   * @param logp (batch, 2N, 10) log-probabilities: slots 0..N-1 are the first number's digits most
   *     significant first, slots N..2N-1 the second's
   * @param sums the labels (sum of the two numbers), one per example (N ≤ 17)
   * @return (batch) log P(sum = label)
   */
  public NDArray logProbability(NDArray logp, long[] sums) {
    int[][] z = new int[sums.length][];
    for (int i = 0; i < sums.length; i++) {
      try {
        z[i] = AdditionData.digitsOf(sums[i], digits);
      } catch (SpecError e) {
        throw new SpecError("sum[" + i + "]", e.getMessage());
      }
    }
    return logProbability(logp, z);
  }

  /**
   * @param logp (batch, 2N, 10) log-probabilities, as above
   * @param sumDigits per example the N + 1 digits of the labelled sum, least significant first
   * @return (batch) log P(sum = label)
   */
  public NDArray logProbability(NDArray logp, int[][] sumDigits) {
    NDManager m = logp.getManager();
    DataType dt = logp.getDataType();
    int b = (int) logp.getShape().get(0);
    long[] z = slotDigits(sumDigits, b);
    NDArray la = logp.get(":, 0:" + digits + ", :").reshape(b, digits, 10, 1);
    NDArray lb = logp.get(":, " + digits + ":, :").reshape(b, digits, 1, 10);
    NDArray pairs = la.add(lb).reshape(b, digits, 100);
    NDArray top = pairs.max(new int[] {2}, true).stopGradient();
    // log P(a_i + b_i = t), shifted by the most probable pair so that exp() cannot underflow
    NDArray logPt =
        pairs.sub(top).exp().matMul(pairToSum(m, dt)).add(FLOOR).log().add(top); // (b, N, 19)
    NDArray tz = transitions(m, dt).get(m.create(z)).reshape(b, digits, 4, 19);
    // a (z, c', c) with no digit sum t is impossible: log weight IMPOSSIBLE instead of -inf
    NDArray none = tz.sum(new int[] {3}).neg().add(1).mul(IMPOSSIBLE);
    // slot j holds T_j = S_{N-1-j} transposed, so the slot-order product is (S_0 ⋯ S_{N-1})^T
    NDArray mats =
        tz.mul(logPt.reshape(b, digits, 1, 19))
            .sum(new int[] {3})
            .add(none)
            .reshape(b, digits, 2, 2);
    int padded = Integer.highestOneBit(digits);
    padded = padded == digits ? digits : 2 * padded;
    if (padded > digits) {
      mats = mats.concat(logIdentities(m, dt, b, padded - digits), 1);
    }
    for (int k = padded; k > 1; k /= 2) {
      NDArray halves = mats.reshape(b, k / 2, 2, 2, 2);
      NDArray left = halves.get(":, :, 0").reshape(b, k / 2, 2, 2, 1); // [i][j]
      NDArray right = halves.get(":, :, 1").reshape(b, k / 2, 1, 2, 2); // [j][l]
      mats = logSumExp(left.add(right), 3); // [i][l] = log Σ_j exp(left[i][j] + right[j][l])
    }
    long[] pick = new long[b];
    for (int i = 0; i < b; i++) {
      pick[i] = 2L * sumDigits[i][digits]; // entry [c' = z_N][c = 0] of the transposed product
    }
    NDArray oneHot = m.create(pick).oneHot(4).toType(dt, false);
    return mats.reshape(b, 4).mul(oneHot).sum(new int[] {1});
  }

  /** log Σ exp over one axis, shifted by the (gradient-free) maximum. */
  private static NDArray logSumExp(NDArray x, int axis) {
    NDArray top = x.max(new int[] {axis}, true).stopGradient();
    return x.sub(top).exp().sum(new int[] {axis}).log().add(top.squeeze(axis));
  }

  public NDArray loss(NDArray logp, long[] sums) {
    return logProbability(logp, sums).mean().neg();
  }

  public NDArray loss(NDArray logp, int[][] sumDigits) {
    return logProbability(logp, sumDigits).mean().neg();
  }

  /** The label digit under each slot (most significant first), checked before any tensor work. */
  private long[] slotDigits(int[][] sumDigits, int b) {
    if (sumDigits.length != b) {
      throw new SpecError("sums", b + " labels (one per example)", "" + sumDigits.length);
    }
    long[] z = new long[b * digits];
    for (int i = 0; i < b; i++) {
      int[] s = sumDigits[i];
      boolean ok = s.length == digits + 1 && (s[digits] == 0 || s[digits] == 1);
      for (int j = 0; ok && j < digits; j++) {
        ok = s[j] >= 0 && s[j] <= 9;
      }
      if (!ok) {
        throw new SpecError(
            "sum[" + i + "]",
            (digits + 1)
                + " digits 0..9 (the top one 0 or 1) of a sum of two "
                + digits
                + "-digit numbers",
            java.util.Arrays.toString(s));
      }
      for (int j = 0; j < digits; j++) {
        z[i * digits + j] = s[digits - 1 - j];
      }
    }
    return z;
  }

  /** transitions[z][c'·2 + c][t] = 1 when digit sum t with carry-in c writes z and carries c'. */
  static NDArray transitions(NDManager m, DataType dt) {
    float[] tr = new float[10 * 4 * 19];
    for (int c = 0; c < 2; c++) {
      for (int t = 0; t < 19; t++) {
        int z = (t + c) % 10;
        int c2 = (t + c) / 10;
        tr[(z * 4 + c2 * 2 + c) * 19 + t] = 1f;
      }
    }
    return m.create(tr, new Shape(10, 4, 19)).toType(dt, false);
  }

  private static NDArray logIdentities(NDManager m, DataType dt, int b, int k) {
    float[] eye = new float[b * k * 4];
    for (int i = 0; i < b * k; i++) {
      eye[i * 4 + 1] = IMPOSSIBLE;
      eye[i * 4 + 2] = IMPOSSIBLE;
    }
    return m.create(eye, new Shape(b, k, 2, 2)).toType(dt, false);
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
}
