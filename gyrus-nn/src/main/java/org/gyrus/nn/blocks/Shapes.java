package org.gyrus.nn.blocks;

import ai.djl.ndarray.types.Shape;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Value.Node;

/** Shape helpers: printing with the batch axis as N, and argument checks that name the path. */
public final class Shapes {
  private Shapes() {}

  /** {@code (N,C,H,W)}-style text for a per-example shape. */
  public static String show(Shape s) {
    StringBuilder b = new StringBuilder("(N");
    for (long d : s.getShape()) {
      b.append(',').append(d);
    }
    return b.append(')').toString();
  }

  public static Shape withBatch(long batch, Shape s) {
    return new Shape(batch).addAll(s);
  }

  /** Fails unless the input has one of the given ranks (per example). */
  public static void requireRank(Shape in, String path, String expects, int... ranks) {
    for (int r : ranks) {
      if (in.dimension() == r) {
        return;
      }
    }
    throw new SpecError(path, expects + ", got " + show(in));
  }

  /** A positive integer argument, or the fallback when absent; bad values name the argument. */
  public static long positive(Node node, String name, long fallback, String path) {
    Value v = node.arg(name);
    if (v == null) {
      if (fallback <= 0) {
        throw new SpecError(path + "." + name, "a positive integer", "nothing");
      }
      return fallback;
    }
    if (v instanceof Value.IntVal i && i.value() > 0) {
      return i.value();
    }
    throw new SpecError(path + "." + name, "a positive integer", String.valueOf(v));
  }

  public static long nonNegative(Node node, String name, long fallback, String path) {
    Value v = node.arg(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Value.IntVal i && i.value() >= 0) {
      return i.value();
    }
    throw new SpecError(path + "." + name, "a non-negative integer", String.valueOf(v));
  }

  public static double rate(Node node, String name, double fallback, String path) {
    Value v = node.arg(name);
    if (v == null) {
      return fallback;
    }
    double r = node.floatArg(name, Double.NaN);
    if (!(r >= 0 && r < 1)) {
      throw new SpecError(path + "." + name, "a number in [0, 1)", String.valueOf(v));
    }
    return r;
  }

  /** Spatial output size of a convolution or pooling window. */
  public static long windowOut(long in, long kernel, long stride, long pad) {
    return (in + 2 * pad - kernel) / stride + 1;
  }

  public static long size(Shape s) {
    return s.dimension() == 0 ? 1 : s.size();
  }
}
