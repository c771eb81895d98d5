package org.gyrus.nas.bricks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * Bricks chosen per input: a linear router over the flattened input gives softmax gates; the {@code
 * topK} largest are kept (others zero, not renormalised, so the router learns through the chosen
 * gates as in Switch/MoE layers) and the output is Σ gate_i · brick_i(x). Every brick is evaluated
 * on every input (simple, and cheap at these sizes); children: router, then the bricks.
 */
final class RoutedBlock extends AbstractBlock {
  private final Block router;
  private final List<Block> bricks;
  private final int topK;

  RoutedBlock(Block router, List<Block> bricks, int topK) {
    this.router = addChildBlock("router", router);
    for (int i = 0; i < bricks.size(); i++) {
      addChildBlock("brick" + i, bricks.get(i));
    }
    this.bricks = List.copyOf(bricks);
    this.topK = topK;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    long n = x.getShape().get(0);
    NDArray logits = router.forward(ps, new NDList(x.reshape(n, -1)), training).singletonOrThrow();
    NDArray gates = logits.softmax(1);
    NDArray weights = gates.mul(mask(gates));
    NDArray out = null;
    for (int i = 0; i < bricks.size(); i++) {
      NDArray y = bricks.get(i).forward(ps, inputs, training).singletonOrThrow();
      long[] dims = new long[y.getShape().dimension()];
      java.util.Arrays.fill(dims, 1);
      dims[0] = n;
      NDArray w = weights.get(":, " + i).reshape(dims);
      out = out == null ? y.mul(w) : out.add(y.mul(w));
    }
    return new NDList(out);
  }

  /** 1 where a gate is among the top k of its row (ties may keep more), else 0. */
  private NDArray mask(NDArray gates) {
    if (topK >= bricks.size()) {
      return gates.onesLike();
    }
    NDArray sorted = gates.sort(1);
    NDArray kth = sorted.get(":, " + (bricks.size() - topK)).expandDims(1);
    return gates.gte(kth).toType(gates.getDataType(), false).stopGradient();
  }

  /** Which brick has the largest gate, per example (inference). */
  static int[] choices(NDArray gates) {
    long[] a = gates.argMax(1).toLongArray();
    int[] out = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (int) a[i];
    }
    return out;
  }

  Block router() {
    return router;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return bricks.get(0).getOutputShapes(inputs);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
    Shape in = inputs[0];
    router.initialize(manager, dataType, new Shape(in.get(0), in.size() / in.get(0)));
    for (Block b : bricks) {
      b.initialize(manager, dataType, inputs);
    }
  }
}
