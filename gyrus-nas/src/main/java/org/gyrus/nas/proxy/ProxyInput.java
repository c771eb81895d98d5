package org.gyrus.nas.proxy;

import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.Shapes;

/**
 * What a proxy scores: a network spec (compiled by gyrus-nn for {@code input}, one example's shape,
 * with a dense head to {@code classes} added as a classifier needs), a batch of examples {@code x}
 * (row-major, {@code y.length} of them) with labels {@code y}, and the seed that fixes the initial
 * weights and any random input the proxy draws.
 */
public record ProxyInput(Value spec, Shape input, int classes, float[] x, int[] y, long seed) {
  public ProxyInput {
    long size = Shapes.size(input);
    if (y.length == 0 || x.length != y.length * size) {
      throw new SpecError(
          "batch",
          y.length + " examples of shape " + input + " (" + y.length * size + " floats)",
          x.length + " floats");
    }
    for (int i = 0; i < y.length; i++) {
      if (y[i] < 0 || y[i] >= classes) {
        throw new SpecError("batch.y[" + i + "]", "a class in [0, " + classes + ")", "" + y[i]);
      }
    }
    x = x.clone();
    y = y.clone();
  }

  public int batch() {
    return y.length;
  }

  /** The same network and batch with another seed. */
  public ProxyInput withSeed(long s) {
    return new ProxyInput(spec, input, classes, x, y, s);
  }

  @Override
  public float[] x() {
    return x.clone();
  }

  @Override
  public int[] y() {
    return y.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProxyInput p
        && spec.equals(p.spec)
        && input.equals(p.input)
        && classes == p.classes
        && Arrays.equals(x, p.x)
        && Arrays.equals(y, p.y)
        && seed == p.seed;
  }

  @Override
  public int hashCode() {
    return spec.hashCode() * 31 + Arrays.hashCode(y) + Long.hashCode(seed);
  }

  @Override
  public String toString() {
    return "ProxyInput[" + spec + ", " + input + " x" + y.length + ", seed " + seed + "]";
  }
}
