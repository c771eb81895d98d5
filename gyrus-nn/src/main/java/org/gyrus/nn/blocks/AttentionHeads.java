package org.gyrus.nn.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.gyrus.nn.Scalars;

/**
 * Per-head scaled dot-product scores (N, H, T, T) and values (N, H, T, d/H) from a fused (N, T, 3d)
 * query-key-value projection; shared by the attention blocks that differ only in the map from
 * scores to weights (softmax in {@code attention}, a Fourier KAN in {@code karat}).
 */
public record AttentionHeads(NDArray scores, NDArray values) {
  public static AttentionHeads of(NDArray proj, long heads) {
    Shape s = proj.getShape();
    long dh = s.get(2) / 3 / heads;
    // (N,T,3,H,dh) -> (3,N,H,T,dh)
    NDArray parts = proj.reshape(s.get(0), s.get(1), 3, heads, dh).transpose(2, 0, 3, 1, 4);
    NDArray q = parts.get(0);
    NDArray k = parts.get(1);
    return new AttentionHeads(
        Scalars.mul(q.matMul(k.transpose(0, 1, 3, 2)), 1.0 / Math.sqrt(dh)), parts.get(2));
  }

  /** The heads' {@code weights} (N, H, T, T) applied to the values, merged to (N, T, d). */
  public NDArray merge(NDArray weights) {
    Shape v = values.getShape();
    return weights
        .matMul(values)
        .transpose(0, 2, 1, 3)
        .reshape(v.get(0), v.get(2), v.get(1) * v.get(3));
  }

  /** (T, T) with 1 where j > i: the future positions a causal head must not see. */
  public static NDArray futureMask(NDManager m, long t, DataType type) {
    float[] mask = new float[(int) (t * t)];
    for (int i = 0; i < t; i++) {
      for (int j = i + 1; j < t; j++) {
        mask[(int) (i * t + j)] = 1f;
      }
    }
    return m.create(mask, new Shape(t, t)).toType(type, false);
  }
}
