package org.gyrus.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * Arithmetic with a constant that is safe inside a differentiated forward pass. DJL's {@code
 * x.mul(2.0)} wraps the constant around a Java direct buffer (torch {@code from_blob}), multiplies
 * and closes it; autograd keeps that tensor for the backward pass, but the garbage collector frees
 * the buffer and the allocator reuses its memory, so the gradient reads whatever lies there — a LIF
 * network's gradients turned NaN at a random step, attention's were scaled by garbage. Here the
 * constant is copied into engine-owned memory first, which autograd keeps alive for as long as it
 * needs. {@code add} and {@code sub} by a number are safe in DJL (their backward never reads the
 * constant) and need no helper. ScalarLifetimeTest checks every block under a collection storm.
 */
public final class Scalars {
  private Scalars() {}

  /**
   * A 0-d tensor holding c in memory the engine owns: float32 beside a float32 array (so a 0-d
   * result keeps its type), double precision otherwise.
   */
  public static NDArray of(NDArray like, double c) {
    NDManager m = like.getManager();
    try (NDArray blob =
        like.getDataType() == DataType.FLOAT32 ? m.create((float) c) : m.create(c)) {
      return blob.duplicate();
    }
  }

  /** x * c. */
  public static NDArray mul(NDArray x, double c) {
    try (NDArray s = of(x, c)) {
      return x.mul(s);
    }
  }

  /** x / c. */
  public static NDArray div(NDArray x, double c) {
    try (NDArray s = of(x, c)) {
      return x.div(s);
    }
  }

  /** c / x. */
  public static NDArray rdiv(NDArray x, double c) {
    try (NDArray s = of(x, c)) {
      return s.div(x);
    }
  }

  /** x ^ c. */
  public static NDArray pow(NDArray x, double c) {
    try (NDArray s = of(x, c)) {
      return x.pow(s);
    }
  }

  /** max(x, c) elementwise. */
  public static NDArray maximum(NDArray x, double c) {
    try (NDArray s = of(x, c)) {
      return x.maximum(s);
    }
  }

  /** min(x, c) elementwise. */
  public static NDArray minimum(NDArray x, double c) {
    try (NDArray s = of(x, c)) {
      return x.minimum(s);
    }
  }
}
