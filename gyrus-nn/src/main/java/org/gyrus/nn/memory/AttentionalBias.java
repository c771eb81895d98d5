package org.gyrus.nn.memory;

import ai.djl.ndarray.NDArray;
import org.gyrus.nn.Scalars;

/**
 * The inner objective ℓ(M; k, v) = Σ_i b(e_i) with e = M k − v that the neural memory descends at
 * test time (Miras' "attentional bias"). The memory's update uses the hand-derived gradient ∇_M ℓ =
 * b'(e) kᵀ; {@link #loss} and {@link #gradient} are the plain-Java reference that the tests hold
 * against finite differences, {@link #derivative(NDArray)} the same b' on engine arrays.
 */
public record AttentionalBias(Kind kind, double p, double delta) {
  /** ℓ2 (Titans, Memora), ℓp (Moneta), Huber (Yaad). */
  public enum Kind {
    L2,
    LP,
    HUBER
  }

  public static AttentionalBias l2() {
    return new AttentionalBias(Kind.L2, 2, 0);
  }

  public static AttentionalBias lp(double p) {
    if (!(p > 1)) {
      throw new IllegalArgumentException("lp attentional bias needs p > 1, got " + p);
    }
    return new AttentionalBias(Kind.LP, p, 0);
  }

  public static AttentionalBias huber(double delta) {
    if (!(delta > 0)) {
      throw new IllegalArgumentException("huber attentional bias needs delta > 0, got " + delta);
    }
    return new AttentionalBias(Kind.HUBER, 2, delta);
  }

  /** b(e): ½e², |e|^p / p, or Huber (½e² inside δ, δ(|e| − ½δ) outside). */
  public double value(double e) {
    double a = Math.abs(e);
    switch (kind) {
      case LP:
        return Math.pow(a, p) / p;
      case HUBER:
        return a <= delta ? 0.5 * e * e : delta * (a - 0.5 * delta);
      default:
        return 0.5 * e * e;
    }
  }

  /** b'(e): e, sign(e)|e|^(p−1), or e clipped to [−δ, δ]. */
  public double derivative(double e) {
    switch (kind) {
      case LP:
        return Math.signum(e) * Math.pow(Math.abs(e), p - 1);
      case HUBER:
        return Math.max(-delta, Math.min(delta, e));
      default:
        return e;
    }
  }

  /** b'(e) elementwise on an engine array (differentiable where b' is). */
  public NDArray derivative(NDArray e) {
    switch (kind) {
      case LP:
        return e.sign().mul(Scalars.pow(e.abs().add(1e-12), p - 1));
      case HUBER:
        return e.clip(-delta, delta);
      default:
        return e;
    }
  }

  /** ℓ(M; k, v) for a row-major d_out × d_in matrix M. */
  public double loss(double[] m, double[] k, double[] v) {
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      sum += value(error(m, k, v, i));
    }
    return sum;
  }

  /** ∇_M ℓ = b'(M k − v) kᵀ, row-major like M. */
  public double[] gradient(double[] m, double[] k, double[] v) {
    double[] g = new double[m.length];
    for (int i = 0; i < v.length; i++) {
      double b = derivative(error(m, k, v, i));
      for (int j = 0; j < k.length; j++) {
        g[i * k.length + j] = b * k[j];
      }
    }
    return g;
  }

  private static double error(double[] m, double[] k, double[] v, int i) {
    double s = -v[i];
    for (int j = 0; j < k.length; j++) {
      s += m[i * k.length + j] * k[j];
    }
    return s;
  }
}
