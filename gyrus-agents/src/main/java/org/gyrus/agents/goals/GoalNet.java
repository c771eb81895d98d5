package org.gyrus.agents.goals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.Value;
import org.gyrus.core.Value.ListVal;
import org.gyrus.core.Value.Node;
import org.gyrus.nn.Scalars;
import org.gyrus.nn.blocks.CompiledModel;

/**
 * A scene reader compiled from a gyrus-nn spec: image (3 x 40 x 40) to, for every palette block,
 * scores over "what is under me" (every other block, then the table). Blocks that are not in the
 * scene, and the block itself, are masked out, so each present block gets a softmax over its
 * possible supports.
 */
public final class GoalNet {
  static final Shape IMAGE = new Shape(3, SceneRenderer.SIZE, SceneRenderer.SIZE);
  private static final float MASKED = -1e4f;

  private final Block block;
  private final ParameterStore ps;
  private final List<NDArray> params = new ArrayList<>();

  public GoalNet(Value spec, long seed, NDManager m) {
    m.getEngine().setRandomSeed((int) seed);
    int k = Palette.size();
    CompiledModel cm = CompiledModel.classifier(spec, IMAGE, k * (k + 1));
    cm.initialize(m, DataType.FLOAT32);
    block = cm.block();
    ps = new ParameterStore(m, false);
    for (Parameter p : block.getParameters().values()) {
      params.add(p.getArray());
    }
  }

  /**
   * The default body: three 3x3 convolutions (16, 32, 64 filters, ReLU) with 2x2 max pooling
   * between them, a 1x1 convolution to one map per (block, support) pair and a global max pool: a
   * pair's logit is its strongest local evidence anywhere in the scene, so a relation is read where
   * it is seen and more blocks elsewhere do not change it. (A dense layer after the pool lets the
   * net use scene-wide shortcuts: 0.55 exact goals on 6-7 blocks instead of 0.70, seed 1.)
   */
  public static Value defaultSpec() {
    int k = Palette.size();
    return ListVal.of(
        conv(16, 3),
        Node.of("max_pool", "kernel", 2),
        conv(32, 3),
        Node.of("max_pool", "kernel", 2),
        conv(64, 3),
        Node.of("conv2d", "filters", k * (k + 1), "kernel", 1),
        Node.of("global_max_pool"));
  }

  private static Value conv(int filters, int kernel) {
    return Node.of(
        "conv2d", "filters", filters, "kernel", kernel, "padding", "same", "activation", "relu");
  }

  public List<NDArray> parameters() {
    return params;
  }

  /** Log-probabilities (N, K, K+1) of each block's support, masked to the scene's blocks. */
  public NDArray logProbs(NDManager m, List<float[]> images, List<BlocksState> scenes, boolean t) {
    int n = images.size();
    int k = Palette.size();
    float[] x = new float[n * SceneRenderer.pixels()];
    float[] mask = new float[n * k * (k + 1)];
    for (int i = 0; i < n; i++) {
      System.arraycopy(images.get(i), 0, x, i * SceneRenderer.pixels(), SceneRenderer.pixels());
      BlocksState s = scenes.get(i);
      for (int b = 0; b < k; b++) {
        for (int o = 0; o <= k; o++) {
          boolean ok = o == k || (o != b && s.present(o));
          mask[(i * k + b) * (k + 1) + o] = ok ? 0f : MASKED;
        }
      }
    }
    NDArray in =
        m.create(FloatBuffer.wrap(x), new Shape(n, 3, SceneRenderer.SIZE, SceneRenderer.SIZE));
    NDArray logits = block.forward(ps, new NDList(in), t).singletonOrThrow().reshape(n, k, k + 1);
    return logits.add(m.create(FloatBuffer.wrap(mask), new Shape(n, k, k + 1))).logSoftmax(2);
  }

  /** Mean negative log-likelihood of the true supports of the scenes' blocks. */
  public static NDArray loss(NDManager m, NDArray logProbs, List<BlocksState> targets) {
    int n = targets.size();
    int k = Palette.size();
    float[] hot = new float[n * k * (k + 1)];
    int count = 0;
    for (int i = 0; i < n; i++) {
      BlocksState s = targets.get(i);
      for (int b : s.blocks()) {
        int o = s.under(b) == BlocksState.TABLE ? k : s.under(b);
        hot[(i * k + b) * (k + 1) + o] = 1f;
        count++;
      }
    }
    NDArray h = m.create(FloatBuffer.wrap(hot), new Shape(n, k, k + 1));
    return Scalars.div(logProbs.mul(h).sum().neg(), count);
  }

  /** The decoded states read from {@code images}, each over the blocks of its scene. */
  public List<BlocksState> read(NDManager m, List<float[]> images, List<BlocksState> scenes) {
    List<BlocksState> out = new ArrayList<>();
    int k = Palette.size();
    for (int off = 0; off < images.size(); off += 64) {
      int end = Math.min(images.size(), off + 64);
      try (NDManager step = m.newSubManager()) {
        float[] lp =
            logProbs(step, images.subList(off, end), scenes.subList(off, end), false)
                .toFloatArray();
        for (int i = off; i < end; i++) {
          double[][] scores = new double[k][k + 1];
          for (int b = 0; b < k; b++) {
            for (int o = 0; o <= k; o++) {
              scores[b][o] = lp[((i - off) * k + b) * (k + 1) + o];
            }
          }
          out.add(GoalDecoder.decode(scores, scenes.get(i).blocks()));
        }
      }
    }
    return out;
  }
}
