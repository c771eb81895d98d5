package org.gyrus.nn.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;

/**
 * Input attributions of one class logit for a DJL classifier, per input feature, relative to a
 * baseline input {@code b} (all zeros here: the background): gradient × (x − b), integrated
 * gradients (right Riemann sum over {@code steps} points on the straight path from b to x, times x
 * − b; exact for a linear model) and occlusion (the logit's drop when a {@code patch}×{@code patch}
 * square is set to the baseline, shared equally by the square's features).
 */
public final class Attributions {
  private final Block block;
  private final NDManager manager;
  private final ParameterStore ps;
  private final Shape shape;

  /**
   * @param shape one input's shape, without the batch axis
   */
  public Attributions(Block block, NDManager manager, Shape shape) {
    this.block = block;
    this.manager = manager;
    this.ps = new ParameterStore(manager, false);
    this.shape = shape;
  }

  private int size() {
    return (int) shape.size();
  }

  /** The logit of {@code cls} for each of a batch of inputs. */
  public float[] logits(float[] xs, int[] cls) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray x = batch(xs);
      NDArray out = block.forward(ps, new NDList(x), false).singletonOrThrow();
      return out.gather(manager.create(toLong(cls)).reshape(-1, 1), 1).toFloatArray();
    }
  }

  /** d logit_cls / d x for a batch (each input its own class). */
  public float[] gradient(float[] xs, int[] cls) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray x = batch(xs);
      x.setRequiresGradient(true);
      try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
        NDArray out = block.forward(ps, new NDList(x), false).singletonOrThrow();
        NDArray sel = out.gather(manager.create(toLong(cls)).reshape(-1, 1), 1).sum();
        gc.backward(sel);
      }
      float[] g = x.getGradient().toFloatArray();
      zeroParameterGradients(block);
      return g;
    }
  }

  /** Attribution must not leave gradients behind in the model's parameters. */
  static void zeroParameterGradients(Block block) {
    for (var p : block.getParameters()) {
      if (p.getValue().requiresGradient()) {
        JniUtils.zeroGrad((PtNDArray) p.getValue().getArray());
      }
    }
  }

  public float[] gradientTimesInput(float[] xs, int[] cls) {
    float[] g = gradient(xs, cls);
    for (int i = 0; i < g.length; i++) {
      g[i] *= xs[i];
    }
    return g;
  }

  public float[] integratedGradients(float[] xs, int[] cls, int steps) {
    float[] sum = new float[xs.length];
    float[] point = new float[xs.length];
    for (int k = 1; k <= steps; k++) {
      float a = (float) k / steps;
      for (int i = 0; i < xs.length; i++) {
        point[i] = a * xs[i];
      }
      float[] g = gradient(point, cls);
      for (int i = 0; i < xs.length; i++) {
        sum[i] += g[i];
      }
    }
    for (int i = 0; i < xs.length; i++) {
      sum[i] = sum[i] / steps * xs[i];
    }
    return sum;
  }

  /** Occlusion of square patches over the last two axes (height, width), every channel at once. */
  public float[] occlusion(float[] xs, int[] cls, int patch) {
    int h = (int) shape.get(shape.dimension() - 2);
    int w = (int) shape.get(shape.dimension() - 1);
    int channels = size() / (h * w);
    int n = cls.length;
    float[] base = logits(xs, cls);
    float[] out = new float[xs.length];
    float[] occluded = new float[xs.length];
    for (int py = 0; py < h; py += patch) {
      for (int px = 0; px < w; px += patch) {
        System.arraycopy(xs, 0, occluded, 0, xs.length);
        int cells = 0;
        for (int i = 0; i < n; i++) {
          for (int c = 0; c < channels; c++) {
            for (int y = py; y < Math.min(h, py + patch); y++) {
              for (int x = px; x < Math.min(w, px + patch); x++) {
                occluded[i * size() + (c * h + y) * w + x] = 0;
                cells += i == 0 ? 1 : 0;
              }
            }
          }
        }
        float[] l = logits(occluded, cls);
        for (int i = 0; i < n; i++) {
          float share = (base[i] - l[i]) / cells;
          for (int c = 0; c < channels; c++) {
            for (int y = py; y < Math.min(h, py + patch); y++) {
              for (int x = px; x < Math.min(w, px + patch); x++) {
                out[i * size() + (c * h + y) * w + x] = share;
              }
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * Alignment of one input's attribution with a mask of relevant features: the share of the
   * attribution's absolute mass inside the mask, Σ_{mask} |A| / Σ |A| (0 when A is all zero).
   */
  public static double alignment(float[] attribution, int offset, int size, boolean[] mask) {
    double in = 0;
    double all = 0;
    for (int i = 0; i < size; i++) {
      double a = Math.abs(attribution[offset + i]);
      all += a;
      in += mask[i % mask.length] ? a : 0;
    }
    return all == 0 ? 0 : in / all;
  }

  private NDArray batch(float[] xs) {
    int n = xs.length / size();
    return manager.create(FloatBuffer.wrap(xs), new Shape(n).addAll(shape));
  }

  private static long[] toLong(int[] v) {
    long[] l = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      l[i] = v[i];
    }
    return l;
  }
}
