package org.gyrus.nn.guide;

import ai.djl.ndarray.NDArray;

/**
 * Linear centred kernel alignment between two representations of the same n examples: with X (n×p)
 * and Y (n×q) centred per column, CKA = ‖YᵀX‖²_F / (‖XᵀX‖_F ‖YᵀY‖_F), in [0, 1], invariant to
 * orthogonal transforms and isotropic scaling of either side (Kornblith et al. 2019).
 */
public final class Cka {
  private Cka() {}

  /**
   * CKA of two activations (batch first; every other axis flattened), differentiable. Computed
   * through the n×n Gram matrices (‖YᵀX‖²_F = Σ (XXᵀ ∘ YYᵀ)), so wide layers such as a
   * convolution's feature maps cost n² per feature rather than a p×p product.
   */
  public static NDArray linear(NDArray x, NDArray y) {
    NDArray a = centred(x.reshape(x.getShape().get(0), -1));
    NDArray b = centred(y.reshape(y.getShape().get(0), -1));
    NDArray ka = a.matMul(a.transpose());
    NDArray kb = b.matMul(b.transpose());
    NDArray cross = ka.mul(kb).sum();
    NDArray norms = ka.square().sum().sqrt().mul(kb.square().sum().sqrt());
    return cross.div(norms.add(1e-12));
  }

  private static NDArray centred(NDArray m) {
    return m.sub(m.mean(new int[] {0}, true));
  }

  /** The same in plain double arithmetic (rows are examples): the reference for tests. */
  public static double linear(double[][] x, double[][] y) {
    double[][] a = centred(x);
    double[][] b = centred(y);
    double cross = frob2(gram(b, a));
    return cross / Math.sqrt(frob2(gram(a, a)) * frob2(gram(b, b)));
  }

  private static double[][] centred(double[][] m) {
    int n = m.length;
    int p = m[0].length;
    double[][] out = new double[n][p];
    for (int j = 0; j < p; j++) {
      double mean = 0;
      for (double[] row : m) {
        mean += row[j] / n;
      }
      for (int i = 0; i < n; i++) {
        out[i][j] = m[i][j] - mean;
      }
    }
    return out;
  }

  /** uᵀv for column blocks u (n×p), v (n×q). */
  private static double[][] gram(double[][] u, double[][] v) {
    double[][] g = new double[u[0].length][v[0].length];
    for (int i = 0; i < u.length; i++) {
      for (int r = 0; r < u[0].length; r++) {
        for (int c = 0; c < v[0].length; c++) {
          g[r][c] += u[i][r] * v[i][c];
        }
      }
    }
    return g;
  }

  private static double frob2(double[][] m) {
    double s = 0;
    for (double[] row : m) {
      for (double v : row) {
        s += v * v;
      }
    }
    return s;
  }
}
