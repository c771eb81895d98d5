package org.gyrus.nn.spiking;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.gyrus.nn.Scalars;

/**
 * The spike non-linearity with an arctan surrogate gradient (snnTorch's default {@code
 * surrogate.atan}): forward Heaviside(u), backward dS/du = (α/2) / (1 + (π α u / 2)²), the
 * derivative of the smooth spike σ(u) = arctan(π α u / 2) / π + 1/2. Written as σ(u) + stop(H(u) −
 * σ(u)), so autograd returns exactly the surrogate derivative while the forward stays binary.
 */
public final class Surrogate {
  private Surrogate() {}

  /**
   * The smooth spike σ(u) (used as the forward in smooth mode and by the straight-through trick).
   */
  public static NDArray smooth(NDArray u, double alpha) {
    return Scalars.div(Scalars.mul(u, Math.PI * alpha / 2).atan(), Math.PI).add(0.5);
  }

  /** Binary spikes H(u) (1 where u > 0) with the surrogate derivative as gradient. */
  public static NDArray spike(NDArray u, double alpha) {
    NDArray soft = smooth(u, alpha);
    NDArray hard =
        u.gt(0)
            .toType(
                u.getDataType() == DataType.FLOAT64 ? DataType.FLOAT64 : DataType.FLOAT32, false);
    return soft.add(hard.sub(soft).stopGradient());
  }

  /** The surrogate derivative, for checks: (α/2) / (1 + (π α u / 2)²). */
  public static double derivative(double u, double alpha) {
    double z = Math.PI * alpha * u / 2;
    return alpha / 2 / (1 + z * z);
  }
}
