package org.gyrus.nn.data;

import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Labelled examples held as one flat float array ({@code size * exampleSize} values, row-major) and
 * integer class labels. Immutable by convention: operations return new data sets.
 */
public record Dataset(String name, float[] x, int[] y, Shape exampleShape, int classes) {
  public Dataset {
    long per = exampleShape.size();
    if (x.length != per * y.length) {
      throw new IllegalArgumentException(
          name + ": " + x.length + " values for " + y.length + " examples of " + exampleShape);
    }
  }

  public int size() {
    return y.length;
  }

  public int exampleSize() {
    return (int) exampleShape.size();
  }

  /** The examples at the given indices, in that order. */
  public Dataset subset(int[] idx, String newName) {
    int per = exampleSize();
    float[] nx = new float[idx.length * per];
    int[] ny = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      System.arraycopy(x, idx[i] * per, nx, i * per, per);
      ny[i] = y[idx[i]];
    }
    return new Dataset(newName, nx, ny, exampleShape, classes);
  }

  /** A seeded Fisher-Yates permutation of 0..n-1. */
  public static int[] permutation(int n, RandomGenerator rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** Shuffles (seeded) and cuts off the first {@code fraction} as the second part. */
  public Dataset[] split(double fraction, RandomGenerator rng) {
    int[] p = permutation(size(), rng);
    int cut = (int) Math.round(size() * fraction);
    return new Dataset[] {
      subset(Arrays.copyOfRange(p, cut, p.length), name + "/train"),
      subset(Arrays.copyOfRange(p, 0, cut), name + "/validation")
    };
  }

  /** The first n examples (for quick runs). */
  public Dataset head(int n) {
    int[] idx = new int[Math.min(n, size())];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    return subset(idx, name);
  }

  public Dataset withX(float[] nx) {
    return new Dataset(name, nx, y, exampleShape, classes);
  }
}
