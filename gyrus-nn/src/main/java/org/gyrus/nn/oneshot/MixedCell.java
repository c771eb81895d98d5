package org.gyrus.nn.oneshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.gyrus.nn.Convs;

/**
 * The NAS-Bench-201 cell with every edge a mixed op: edge (i→j) computes Σ_k w[e,k]·op_k(x_i) over
 * the five NB201 ops {@link #OPS}, node j sums its incoming edges, node 3 is the output. The op
 * weights w (6×5, one row per edge in NB201 string order) come in as the second input, so the
 * caller decides how architecture parameters become weights (softmax, Max-W, one-hot for a sampled
 * sub-architecture, an auxiliary skip). Convolutions are ReLU-Conv-BN with an affine-free batch
 * norm, as in DARTS' supernets; a zero weight row entry skips the op's computation entirely.
 */
public final class MixedCell extends AbstractBlock {
  public static final List<String> OPS =
      List.of("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3");

  /** Edges in NB201 string order: (to, from). */
  public static final int[][] EDGES = {{1, 0}, {2, 0}, {2, 1}, {3, 0}, {3, 1}, {3, 2}};

  public static final int SKIP = 1;
  private static final int CONV1 = 2;
  private static final int CONV3 = 3;
  private static final int POOL = 4;

  /** Per edge: conv1x1, conv3x3, pool blocks. */
  private final Block[][] ops = new Block[EDGES.length][5];

  public MixedCell(int channels) {
    for (int e = 0; e < EDGES.length; e++) {
      ops[e][CONV1] = addChildBlock("e" + e + "_conv1x1", reluConvBn(channels, 1));
      ops[e][CONV3] = addChildBlock("e" + e + "_conv3x3", reluConvBn(channels, 3));
      ops[e][POOL] =
          addChildBlock(
              "e" + e + "_pool",
              Pool.avgPool2dBlock(new Shape(3, 3), new Shape(1, 1), new Shape(1, 1), false, false));
    }
  }

  /**
   * Op weights from architecture parameters {@code alpha} (6,5): a softmax per edge; with {@code
   * maxW} sharpDARTS' Max-W weighting (w + 1 − max w, so each edge's strongest op has weight 1);
   * plus {@code auxSkip} on every skip connection (DARTS-'s auxiliary skip, a constant, so it adds
   * no gradient to alpha).
   */
  public static NDArray weights(NDArray alpha, boolean maxW, double auxSkip) {
    NDArray w = alpha.softmax(1);
    if (maxW) {
      w = w.add(w.max(new int[] {1}, true).neg().add(1));
    }
    if (auxSkip != 0) {
      float[] mask = new float[EDGES.length * OPS.size()];
      for (int e = 0; e < EDGES.length; e++) {
        mask[e * OPS.size() + SKIP] = (float) auxSkip;
      }
      NDArray m =
          alpha.getManager().create(mask, alpha.getShape()).toType(alpha.getDataType(), false);
      w = w.add(m);
    }
    return w;
  }

  static SequentialBlock reluConvBn(int channels, int kernel) {
    return new SequentialBlock()
        .add(Activation::relu)
        .add(
            Convs.conv2d(
                Conv2d.builder()
                    .setKernelShape(new Shape(kernel, kernel))
                    .setFilters(channels)
                    .optPadding(new Shape(kernel / 2, kernel / 2))
                    .optBias(false)))
        .add(BatchNorm.builder().optCenter(false).optScale(false).build());
  }

  /**
   * inputs: x (N,C,H,W) and the op weights (6,5); {@code active[e][k]} false skips op k on edge e
   * (its weight is known to be zero), null computes every op. Null weights with {@code active}: a
   * single path, each active op taken with weight 1 (no multiply).
   */
  public NDList forward(
      ParameterStore ps, NDArray x, NDArray weights, boolean[][] active, boolean train) {
    NDArray[] node = new NDArray[4];
    node[0] = x;
    for (int e = 0; e < EDGES.length; e++) {
      int to = EDGES[e][0];
      NDArray in = node[EDGES[e][1]];
      if (in == null) {
        continue; // a node whose every input edge is none is zero, and so is what leaves it
      }
      NDArray out = null;
      for (int k = 1; k < 5; k++) {
        if (active != null && !active[e][k]) {
          continue;
        }
        NDArray y = k == SKIP ? in : ops[e][k].forward(ps, new NDList(in), train).head();
        NDArray term = weights == null ? y : y.mul(weights.get(new NDIndex(e + "," + k)));
        out = out == null ? term : out.add(term);
      }
      if (out != null) {
        node[to] = node[to] == null ? out : node[to].add(out);
      }
    }
    return new NDList(node[3] == null ? x.zerosLike() : node[3]);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return forward(ps, inputs.get(0), inputs.get(1), null, training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {inputs[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
    for (Block[] edge : ops) {
      for (int k = CONV1; k <= POOL; k++) {
        edge[k].initialize(manager, dataType, inputs[0]);
      }
    }
  }
}
