package org.gyrus.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.function.BinaryOperator;

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
  private static NDArray of(NDArray like, double c) {
    NDManager m = like.getManager();
    try (NDArray blob =
        like.getDataType() == DataType.FLOAT32 ? m.create((float) c) : m.create(c)) {
      return blob.duplicate();
    }
  }

  /** x * c. */
  public static NDArray mul(NDArray x, double c) {
    return apply(x, c, NDArray::mul);
  }

  /** x / c. */
  public static NDArray div(NDArray x, double c) {
    return apply(x, c, NDArray::div);
  }

  /** x ^ c. */
  public static NDArray pow(NDArray x, double c) {
    return apply(x, c, NDArray::pow);
  }

  /** max(x, c) elementwise. */
  public static NDArray maximum(NDArray x, double c) {
    return apply(x, c, NDArray::maximum);
  }

  /** min(x, c) elementwise. */
  public static NDArray minimum(NDArray x, double c) {
    return apply(x, c, NDArray::minimum);
  }

  /** op(x, the constant c), the constant's engine handle closed afterwards. */
  private static NDArray apply(NDArray x, double c, BinaryOperator<NDArray> op) {
    try (NDArray s = of(x, c)) {
      return op.apply(x, s);
    }
  }
}
