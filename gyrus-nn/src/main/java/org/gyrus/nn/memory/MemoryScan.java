package org.gyrus.nn.memory;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.gyrus.nn.Scalars;

/**
 * The neural memory's recurrence evaluated chunk by chunk, as Titans trains it: inside a chunk of
 * {@code C} tokens every inner gradient is taken at the memory of the chunk's start (M_0), so the
 * chunk's C updates with their momentum and forgetting reduce to a few matrix products with decay
 * weights; memories still flow from chunk to chunk exactly. {@code C = 1} is the token-by-token
 * recurrence. With u_i = θ_i b'(M_0 k_i − v_i) k_iᵀ, a_t = 1 − α_t:
 *
 * <pre>
 *   M_t = A(0,t) M_0 + c_t S_0 − Σ_{i≤t} w_{t,i} u_i,   w_{t,i} = Σ_{s=i..t} A(s,t) E(i,s)
 *   A(s,t) = Π_{s<j≤t} a_j,  E(i,s) = Π_{i<j≤s} η_j,  c_t = Σ_{1≤s≤t} A(s,t) E(0,s)
 * </pre>
 *
 * The weights are exponentials of differences of cumulative log-gates, masked where the index order
 * is violated, so each exponent is ≤ 0 and nothing overflows.
 */
final class MemoryScan {
  private static final float MASKED = -1e9f;

  private final AttentionalBias bias;
  private final boolean memora;
  private final int chunk;
  private final double maxStep;

  MemoryScan(AttentionalBias bias, boolean memora, int chunk, double maxStep) {
    this.bias = bias;
    this.memora = memora;
    this.chunk = chunk;
    this.maxStep = maxStep;
  }

  /**
   * Read-outs (B,T,dh) for queries, keys, values (B,T,dh) and gate pre-activations (B,T): log a =
   * −softplus(pa) (so α = sigmoid(pa)), log η = −softplus(−pe), θ = maxStep · sigmoid(pt).
   */
  NDArray run(NDArray q, NDArray k, NDArray v, NDArray pa, NDArray pe, NDArray pt) {
    long b = q.getShape().get(0);
    int t = (int) q.getShape().get(1);
    long d = q.getShape().get(2);
    int c = Math.min(chunk, t);
    int chunks = (t + c - 1) / c;
    int padded = chunks * c;
    NDArray la = pad(Activation.softPlus(pa).neg(), padded).reshape(b, chunks, c).cumSum(2);
    NDArray le = pad(Activation.softPlus(pe.neg()).neg(), padded).reshape(b, chunks, c).cumSum(2);
    NDArray theta = pad(Scalars.mul(Activation.sigmoid(pt), maxStep), padded).reshape(b, chunks, c);
    NDList qs = pad(q, padded).reshape(b, chunks, c, d).split(chunks, 1);
    NDList ks = pad(k, padded).reshape(b, chunks, c, d).split(chunks, 1);
    NDList vs = pad(v, padded).reshape(b, chunks, c, d).split(chunks, 1);
    Weights w = new Weights(la, le, c);
    NDManager m = q.getManager();
    NDArray memory = m.zeros(new Shape(b, d, d), q.getDataType());
    NDArray momentum = memory; // memora keeps logits L here instead: M = softmax_rows(L)
    NDArray[] ys = new NDArray[chunks];
    for (int i = 0; i < chunks; i++) {
      NDArray qc = qs.get(i).reshape(b, c, d);
      NDArray kc = ks.get(i).reshape(b, c, d);
      NDArray vc = vs.get(i).reshape(b, c, d);
      NDArray th = theta.get(":, " + i + ", :").reshape(b, c, 1);
      if (memora) {
        NDArray[] r = memoraChunk(memory, qc, kc, vc, th, w, i);
        ys[i] = r[0];
        memory = r[1];
      } else {
        NDArray[] r = momentumChunk(memory, momentum, qc, kc, vc, th, w, i);
        ys[i] = r[0];
        memory = r[1];
        momentum = r[2];
      }
    }
    NDArray y = NDArrays.concat(new NDList(ys), 1);
    return padded == t ? y : y.get(":, 0:" + t + ", :");
  }

  /** Titans / Moneta / Yaad: returns {read-outs (B,C,d), M_C, S_C}. */
  private NDArray[] momentumChunk(
      NDArray m0, NDArray s0, NDArray qc, NDArray kc, NDArray vc, NDArray th, Weights w, int i) {
    long b = qc.getShape().get(0);
    NDArray m0t = m0.transpose(0, 2, 1);
    NDArray u = bias.derivative(kc.matMul(m0t).sub(vc)).mul(th);
    NDArray inner = w.mix(i).mul(qc.matMul(kc.transpose(0, 2, 1)));
    NDArray y =
        qc.matMul(m0t)
            .mul(w.decay(i))
            .add(qc.matMul(s0.transpose(0, 2, 1)).mul(w.carry(i)))
            .sub(inner.matMul(u));
    NDArray mLast =
        m0.mul(w.lastDecay(i).reshape(b, 1, 1))
            .add(s0.mul(w.lastCarry(i).reshape(b, 1, 1)))
            .sub(u.mul(w.lastMix(i)).transpose(0, 2, 1).matMul(kc));
    NDArray sLast =
        s0.mul(w.lastMomentum(i).reshape(b, 1, 1))
            .sub(u.mul(w.momentumTo(i)).transpose(0, 2, 1).matMul(kc));
    return new NDArray[] {y, mLast, sLast};
  }

  /** Memora: L_t = A(0,t) L_0 − Σ_{i≤t} A(i,t) u_i, y_t = softmax_rows(L_t) q_t. */
  private NDArray[] memoraChunk(
      NDArray l0, NDArray qc, NDArray kc, NDArray vc, NDArray th, Weights w, int i) {
    long b = qc.getShape().get(0);
    long c = qc.getShape().get(1);
    long d = qc.getShape().get(2);
    NDArray m0 = l0.softmax(-1);
    NDArray u = bias.derivative(kc.matMul(m0.transpose(0, 2, 1)).sub(vc)).mul(th);
    NDArray outer = u.reshape(b, c, d, 1).mul(kc.reshape(b, c, 1, d)).reshape(b, c, d * d);
    NDArray logits =
        l0.reshape(b, 1, d * d).mul(w.decay(i)).sub(w.forget(i).matMul(outer)).reshape(b, c, d, d);
    NDArray y = logits.softmax(-1).matMul(qc.reshape(b, c, d, 1)).reshape(b, c, d);
    NDArray last = logits.get(":, " + (c - 1) + ", :, :").reshape(b, d, d);
    return new NDArray[] {y, last};
  }

  /** Zero-pads axis 1 of (B,T,...) to {@code length}; later tokens never reach earlier ones. */
  private static NDArray pad(NDArray x, int length) {
    long t = x.getShape().get(1);
    if (t == length) {
      return x;
    }
    long[] dims = x.getShape().getShape().clone();
    dims[1] = length - t;
    return x.concat(x.getManager().zeros(new Shape(dims), x.getDataType()), 1);
  }

  /** Decay weights of every chunk at once from cumulative log-gates la, le (B,chunks,C). */
  private static final class Weights {
    private final NDArray w; // (B,n,C_t,C_i)  w_{t,i}
    private final NDArray forget; // (B,n,C_t,C_i)  A(i,t), i ≤ t
    private final NDArray decay; // (B,n,C)  A(0,t)
    private final NDArray carry; // (B,n,C)  c_t
    private final NDArray momentumTo; // (B,n,C)  E(i,C)
    private final NDArray lastMomentum; // (B,n)  E(0,C)
    private final int c;

    Weights(NDArray la, NDArray le, int c) {
      this.c = c;
      long b = la.getShape().get(0);
      long n = la.getShape().get(1);
      NDManager m = la.getManager();
      // exponent[t,s,i] = LA_t − LA_s + LE_s − LE_i over i ≤ s ≤ t
      NDArray exponent =
          la.reshape(b, n, c, 1, 1)
              .sub(la.reshape(b, n, 1, c, 1))
              .add(le.reshape(b, n, 1, c, 1))
              .sub(le.reshape(b, n, 1, 1, c))
              .add(order3(m, c).toType(la.getDataType(), false));
      w = exponent.exp().sum(new int[] {3});
      NDArray lower = order2(m, c).toType(la.getDataType(), false);
      forget = la.reshape(b, n, c, 1).sub(la.reshape(b, n, 1, c)).add(lower).exp();
      decay = la.exp();
      // c_t = Σ_{s≤t} exp(LA_t − LA_s + LE_s)
      carry =
          la.reshape(b, n, c, 1)
              .sub(la.reshape(b, n, 1, c))
              .add(le.reshape(b, n, 1, c))
              .add(lower)
              .exp()
              .sum(new int[] {3});
      NDArray leLast = le.get(":, :, " + (c - 1)).reshape(b, n, 1);
      momentumTo = leLast.sub(le).exp();
      lastMomentum = leLast.reshape(b, n).exp();
    }

    NDArray mix(int i) {
      return w.get(":, " + i + ", :, :");
    }

    NDArray forget(int i) {
      return forget.get(":, " + i + ", :, :");
    }

    NDArray decay(int i) {
      long b = decay.getShape().get(0);
      return decay.get(":, " + i + ", :").reshape(b, c, 1);
    }

    NDArray carry(int i) {
      long b = carry.getShape().get(0);
      return carry.get(":, " + i + ", :").reshape(b, c, 1);
    }

    NDArray lastDecay(int i) {
      return decay.get(":, " + i + ", " + (c - 1));
    }

    NDArray lastCarry(int i) {
      return carry.get(":, " + i + ", " + (c - 1));
    }

    /** w_{C,i} as (B,C,1), to weight the rows u_i. */
    NDArray lastMix(int i) {
      long b = w.getShape().get(0);
      return w.get(":, " + i + ", " + (c - 1) + ", :").reshape(b, c, 1);
    }

    NDArray momentumTo(int i) {
      long b = momentumTo.getShape().get(0);
      return momentumTo.get(":, " + i + ", :").reshape(b, c, 1);
    }

    NDArray lastMomentum(int i) {
      return lastMomentum.get(":, " + i);
    }

    /** 0 where i ≤ s ≤ t, else a large negative number; indexed [t, s, i]. */
    private static NDArray order3(NDManager m, int c) {
      float[] v = new float[c * c * c];
      for (int t = 0; t < c; t++) {
        for (int s = 0; s < c; s++) {
          for (int i = 0; i < c; i++) {
            v[(t * c + s) * c + i] = i <= s && s <= t ? 0 : MASKED;
          }
        }
      }
      return m.create(v, new Shape(c, c, c));
    }

    /** 0 where i ≤ t, else a large negative number; indexed [t, i]. */
    private static NDArray order2(NDManager m, int c) {
      float[] v = new float[c * c];
      for (int t = 0; t < c; t++) {
        for (int i = 0; i < c; i++) {
          v[t * c + i] = i <= t ? 0 : MASKED;
        }
      }
      return m.create(v, new Shape(c, c));
    }
  }
}
