package org.gyrus.nas.grow;

import java.util.Arrays;

/**
 * A parameter tensor held in doubles (row-major, DJL's layout), so that transformations compute in
 * float64 whatever the engine trains in.
 */
public record Tensor(long[] shape, double[] data) {
  public Tensor {
    shape = shape.clone();
    if (size(shape) != data.length) {
      throw new IllegalArgumentException(
          "shape "
              + Arrays.toString(shape)
              + " needs "
              + size(shape)
              + " values, got "
              + data.length);
    }
  }

  public static Tensor zeros(long... shape) {
    return new Tensor(shape, new double[(int) size(shape)]);
  }

  static long size(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  public int dim(int axis) {
    return (int) shape[axis];
  }

  public int rank() {
    return shape.length;
  }

  /** Values per index of axis 0 (a row of a dense weight, one filter of a conv weight). */
  public int rowSize() {
    return data.length / dim(0);
  }

  /** Values per index of axis 1 within one row (one input channel's kernel in a conv weight). */
  public int sliceSize() {
    return rank() < 2 ? 1 : rowSize() / dim(1);
  }

  /** A new tensor whose row j is this tensor's row {@code from[j]}. */
  public Tensor gatherRows(int[] from) {
    long[] s = shape.clone();
    s[0] = from.length;
    int r = rowSize();
    double[] out = new double[from.length * r];
    for (int j = 0; j < from.length; j++) {
      System.arraycopy(data, from[j] * r, out, j * r, r);
    }
    return new Tensor(s, out);
  }

  public Tensor copy() {
    return new Tensor(shape, data.clone());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Tensor" + Arrays.toString(shape);
  }
}
