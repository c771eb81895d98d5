package org.gyrus.nn.spiking;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The principal subspace of a layer's input activity, learned by Hebbian lateral neurons with Oja's
 * subspace rule (HLOP, B9): y = G r, ΔG = η (y rᵀ − y yᵀ G), where r is the input minus its
 * projection onto the rows already learned for earlier tasks. Rows learned for a task are frozen
 * and appended, so the subspace grows task by task; {@link #project} removes its component from an
 * update.
 */
public final class OjaSubspace {
  private final int dim;
  private final List<double[]> rows = new ArrayList<>();

  public OjaSubspace(int dim) {
    this.dim = dim;
  }

  public int dim() {
    return dim;
  }

  public int size() {
    return rows.size();
  }

  /** The learned rows, k × dim (near orthonormal after learning). */
  public double[][] rows() {
    return rows.toArray(new double[0][]);
  }

  /**
   * Learns {@code k} new rows from the residual of {@code samples} (each of length dim) over {@code
   * passes} passes with learning rate η_t = lr / (1 + t / samples), then freezes them.
   */
  public void learn(List<double[]> samples, int k, int passes, double lr, SplittableRandom rng) {
    double[][] g = new double[k][dim];
    for (double[] row : g) {
      for (int j = 0; j < dim; j++) {
        row[j] = rng.nextGaussian() / Math.sqrt(dim);
      }
    }
    double[] y = new double[k];
    double[] back = new double[dim];
    long t = 0;
    for (int pass = 0; pass < passes; pass++) {
      int[] order = org.gyrus.nn.data.Dataset.permutation(samples.size(), rng);
      for (int idx : order) {
        double[] r = residual(samples.get(idx));
        double norm = dot(r, r);
        // capped so one large sample cannot make the rule unstable (η‖r‖² < 1/2)
        double eta =
            Math.min(lr / (1 + (double) t++ / samples.size()), 0.5 / Math.max(norm, 1e-12));
        for (int a = 0; a < k; a++) {
          y[a] = dot(g[a], r);
        }
        java.util.Arrays.fill(back, 0);
        for (int b = 0; b < k; b++) {
          for (int j = 0; j < dim; j++) {
            back[j] += y[b] * g[b][j];
          }
        }
        for (int a = 0; a < k; a++) {
          double[] row = g[a];
          double step = eta * y[a];
          for (int j = 0; j < dim; j++) {
            row[j] += step * (r[j] - back[j]);
          }
        }
      }
    }
    for (double[] row : g) {
      rows.add(row);
    }
  }

  /** x minus its projection onto the frozen rows (Hᵀ H x). */
  public double[] residual(double[] x) {
    double[] r = x.clone();
    for (double[] h : rows) {
      double c = dot(h, x);
      for (int j = 0; j < dim; j++) {
        r[j] -= c * h[j];
      }
    }
    return r;
  }

  /**
   * The update with its component in the subspace removed: (I − HᵀH) Δ for Δ of shape (dim, out),
   * so inputs inside the subspace see no change; Δ itself when nothing is learned yet.
   */
  public NDArray project(NDArray delta) {
    if (rows.isEmpty()) {
      return delta;
    }
    float[] flat = new float[rows.size() * dim];
    for (int a = 0; a < rows.size(); a++) {
      for (int j = 0; j < dim; j++) {
        flat[a * dim + j] = (float) rows.get(a)[j];
      }
    }
    NDArray h =
        delta
            .getManager()
            .create(flat, new Shape(rows.size(), dim))
            .toType(delta.getDataType(), false);
    return delta.sub(h.transpose().matMul(h.matMul(delta)));
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
