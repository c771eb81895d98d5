package org.gyrus.nn.memory;

import ai.djl.ndarray.NDArray;

/** Reshaping helpers shared by the token mixers of this package. */
final class Heads {
  private Heads() {}

  /** (N,T,D) → (N,T,2D): each position sees itself and its predecessor (zeros before t=0). */
  static NDArray shift(NDArray x) {
    long n = x.getShape().get(0);
    long t = x.getShape().get(1);
    long d = x.getShape().get(2);
    NDArray zero = x.getManager().zeros(new ai.djl.ndarray.types.Shape(n, 1, d), x.getDataType());
    NDArray prev = t == 1 ? zero : zero.concat(x.get(":, 0:" + (t - 1) + ", :"), 1);
    return x.concat(prev, 2);
  }

  /** (N,T,H·dh) → (N·H,T,dh). */
  static NDArray split(NDArray x, long heads) {
    long n = x.getShape().get(0);
    long t = x.getShape().get(1);
    long dh = x.getShape().get(2) / heads;
    return x.reshape(n, t, heads, dh).transpose(0, 2, 1, 3).reshape(n * heads, t, dh);
  }

  /** (N·H,T,dh) → (N,T,H·dh). */
  static NDArray merge(NDArray x, long heads) {
    long nh = x.getShape().get(0);
    long t = x.getShape().get(1);
    long dh = x.getShape().get(2);
    return x.reshape(nh / heads, heads, t, dh)
        .transpose(0, 2, 1, 3)
        .reshape(nh / heads, t, heads * dh);
  }

  /** Unit ℓ2 norm along the last axis. */
  static NDArray normalise(NDArray x) {
    return x.div(x.square().sum(new int[] {-1}, true).add(1e-6).sqrt());
  }
}
