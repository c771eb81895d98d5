package org.gyrus.nn.moe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Emergent MoE carving: a trained FFN y = act(x W1ᵀ + b1) W2ᵀ + b2 (two dense layers) becomes a
 * {@link MoeLayer} with the same hidden units, grouped into experts by balanced k-means of W1's
 * rows (each hidden unit's key vector); expert e's gate is the mean of its units' rows. The hidden
 * units are only permuted, so with top_k = experts the carved layer computes the FFN's function.
 */
public final class Carve {
  private Carve() {}

  /** A dense FFN's weights in DJL's layout: w1 (H,F), b1 (H), w2 (O,H), b2 (O). */
  public record Ffn(double[][] w1, double[] b1, double[][] w2, double[] b2) {
    public static Ffn of(Linear first, Linear second) {
      return new Ffn(
          rows(first.getParameters().get("weight").getArray()),
          values(first.getParameters().get("bias").getArray()),
          rows(second.getParameters().get("weight").getArray()),
          values(second.getParameters().get("bias").getArray()));
    }
  }

  /**
   * Fills {@code moe} (hidden H, experts E) from {@code ffn} and returns each hidden unit's expert.
   */
  public static int[] into(Ffn ffn, MoeLayer moe, long seed) {
    int h = ffn.w1().length;
    int f = ffn.w1()[0].length;
    int o = ffn.w2().length;
    int e = moe.experts();
    int[] expert = BalancedKMeans.cluster(ffn.w1(), e, 100, seed);
    double[][] gates = BalancedKMeans.means(ffn.w1(), expert, e);
    int[] perm = new int[h];
    int next = 0;
    for (int c = 0; c < e; c++) {
      for (int j = 0; j < h; j++) {
        if (expert[j] == c) {
          perm[next++] = j;
        }
      }
    }
    double[] w1 = new double[f * h];
    double[] b1 = new double[h];
    double[] w2 = new double[h * o];
    for (int col = 0; col < h; col++) {
      int j = perm[col];
      b1[col] = ffn.b1()[j];
      for (int i = 0; i < f; i++) {
        w1[i * h + col] = ffn.w1()[j][i];
      }
      for (int u = 0; u < o; u++) {
        w2[col * o + u] = ffn.w2()[u][j];
      }
    }
    double[] g = new double[e * f];
    for (int c = 0; c < e; c++) {
      System.arraycopy(gates[c], 0, g, c * f, f);
    }
    write(moe.array("w1"), w1);
    write(moe.array("b1"), b1);
    write(moe.array("w2"), w2);
    write(moe.array("b2"), ffn.b2());
    write(moe.array("gates"), g);
    return expert;
  }

  /** The Linear layers of a block in forward order (depth first). */
  public static List<Linear> linears(Block b) {
    List<Linear> out = new ArrayList<>();
    if (b instanceof Linear l) {
      out.add(l);
    }
    for (var c : b.getChildren()) {
      out.addAll(linears(c.getValue()));
    }
    return out;
  }

  /** The MoE layers of a block in forward order (depth first). */
  public static List<MoeLayer> moes(Block b) {
    List<MoeLayer> out = new ArrayList<>();
    if (b instanceof MoeLayer l) {
      out.add(l);
    }
    for (var c : b.getChildren()) {
      out.addAll(moes(c.getValue()));
    }
    return out;
  }

  private static void write(NDArray target, double[] v) {
    if (target.getDataType() == DataType.FLOAT64) {
      target.set(DoubleBuffer.wrap(v));
      return;
    }
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    target.set(FloatBuffer.wrap(f));
  }

  private static double[] values(NDArray a) {
    return a.toType(DataType.FLOAT64, false).toDoubleArray();
  }

  private static double[][] rows(NDArray a) {
    int r = (int) a.getShape().get(0);
    int c = (int) a.getShape().get(1);
    double[] v = values(a);
    double[][] out = new double[r][c];
    for (int i = 0; i < r; i++) {
      System.arraycopy(v, i * c, out[i], 0, c);
    }
    return out;
  }
}
