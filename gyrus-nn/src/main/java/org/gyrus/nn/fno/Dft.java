package org.gyrus.nn.fno;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Truncated real DFT matrices. Forward sums over the grid and inverses divide by its size, so a
 * spectral layer computes the same function at any resolution (FNO's discretisation invariance).
 */
final class Dft {
  private static final Map<String, double[]> CACHE = new ConcurrentHashMap<>();

  private Dft() {}

  /** (n, modes): cos(2π k j / n) or sin(2π k j / n) for sample j, frequency k. */
  static NDArray forward(NDManager m, DataType t, int n, int modes, boolean sin) {
    double[] v =
        CACHE.computeIfAbsent(
            "f" + n + "," + modes + "," + sin,
            key -> {
              double[] a = new double[n * modes];
              for (int j = 0; j < n; j++) {
                for (int k = 0; k < modes; k++) {
                  double th = 2 * Math.PI * k * j / n;
                  a[j * modes + k] = sin ? Math.sin(th) : Math.cos(th);
                }
              }
              return a;
            });
    return m.create(v, new Shape(n, modes)).toType(t, false);
  }

  /**
   * (modes, n): weights of the real inverse from the first modes frequencies, w_k·cos or w_k·sin of
   * 2π k j / n over n, with w_0 = 1 and w_k = 2 (the conjugate half folded in).
   */
  static NDArray inverseReal(NDManager m, DataType t, int n, int modes, boolean sin) {
    double[] v =
        CACHE.computeIfAbsent(
            "r" + n + "," + modes + "," + sin,
            key -> {
              double[] a = new double[modes * n];
              for (int k = 0; k < modes; k++) {
                double w = (k == 0 ? 1.0 : 2.0) / n;
                for (int j = 0; j < n; j++) {
                  double th = 2 * Math.PI * k * j / n;
                  a[k * n + j] = w * (sin ? Math.sin(th) : Math.cos(th));
                }
              }
              return a;
            });
    return m.create(v, new Shape(modes, n)).toType(t, false);
  }

  /** Signed frequencies 0..modes-1 and -modes..-1 of a full (complex) axis of length n. */
  static int[] signedFrequencies(int modes) {
    int[] f = new int[2 * modes];
    for (int i = 0; i < modes; i++) {
      f[i] = i;
      f[modes + i] = i - modes;
    }
    return f;
  }

  /** (freqs, n) cos or sin of 2π f j / n, scaled by 1/n when inverse (and transposed). */
  static NDArray complexAxis(
      NDManager m, DataType t, int n, int modes, boolean sin, boolean inverse) {
    int[] f = signedFrequencies(modes);
    double[] v =
        CACHE.computeIfAbsent(
            "c" + n + "," + modes + "," + sin + "," + inverse,
            key -> {
              double[] a = new double[f.length * n];
              for (int i = 0; i < f.length; i++) {
                for (int j = 0; j < n; j++) {
                  double th = 2 * Math.PI * f[i] * j / n;
                  double val = sin ? Math.sin(th) : Math.cos(th);
                  if (inverse) {
                    a[j * f.length + i] = val / n;
                  } else {
                    a[i * n + j] = val;
                  }
                }
              }
              return a;
            });
    Shape s = inverse ? new Shape(n, f.length) : new Shape(f.length, n);
    return m.create(v, s).toType(t, false);
  }
}
