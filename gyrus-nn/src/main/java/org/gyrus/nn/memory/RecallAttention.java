package org.gyrus.nn.memory;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.gyrus.nn.Scalars;

/**
 * Causal attention with the same projections as {@link NeuralMemory} (q, k, v from [x_t, x_{t−1}]
 * when shifted, an output projection), so that the MQAR baselines differ from the memory only in
 * the mixing rule: softmax attention, or linear attention with feature map φ(x) = elu(x) + 1 (a dh
 * × dh state per head, the same size as the memory's).
 */
final class RecallAttention extends AbstractBlock {
  private final long width;
  private final long heads;
  private final boolean linear;
  private final boolean shift;
  private final Linear q;
  private final Linear k;
  private final Linear v;
  private final Linear out;

  RecallAttention(long width, long heads, boolean linear, boolean shift) {
    this.width = width;
    this.heads = heads;
    this.linear = linear;
    this.shift = shift;
    q = addChildBlock("query", Linear.builder().setUnits(width).build());
    k = addChildBlock("key", Linear.builder().setUnits(width).build());
    v = addChildBlock("value", Linear.builder().setUnits(width).build());
    out = addChildBlock("out", Linear.builder().setUnits(width).build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray xs = shift ? Heads.shift(x) : x;
    NDArray qs = Heads.split(q.forward(ps, new NDList(xs), training).singletonOrThrow(), heads);
    NDArray ks = Heads.split(k.forward(ps, new NDList(xs), training).singletonOrThrow(), heads);
    NDArray vs = Heads.split(v.forward(ps, new NDList(xs), training).singletonOrThrow(), heads);
    long t = x.getShape().get(1);
    NDArray lower = lowerTriangle(x.getManager(), t, x.getDataType());
    NDArray mixed;
    if (linear) {
      NDArray scores = feature(qs).matMul(feature(ks).transpose(0, 2, 1)).mul(lower);
      mixed = scores.matMul(vs).div(scores.sum(new int[] {-1}, true).add(1e-6));
    } else {
      double scale = 1.0 / Math.sqrt(qs.getShape().get(2));
      NDArray scores = Scalars.mul(qs.matMul(ks.transpose(0, 2, 1)), scale);
      scores = scores.add(lower.neg().add(1).mul(-1e9));
      mixed = scores.softmax(-1).matMul(vs);
    }
    return out.forward(ps, new NDList(Heads.merge(mixed, heads)), training);
  }

  /** elu(x) + 1 = relu(x) + exp(min(x, 0)): positive, so the normaliser never vanishes. */
  private static NDArray feature(NDArray x) {
    return Scalars.maximum(x, 0).add(Scalars.minimum(x, 0).exp());
  }

  private static NDArray lowerTriangle(NDManager m, long t, DataType type) {
    float[] mask = new float[(int) (t * t)];
    for (int i = 0; i < t; i++) {
      for (int j = 0; j <= i; j++) {
        mask[(int) (i * t + j)] = 1;
      }
    }
    return m.create(mask, new Shape(t, t)).toType(type, false);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {inputs[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
    Shape in = inputs[0];
    Shape xs = shift ? new Shape(in.get(0), in.get(1), 2 * in.get(2)) : in;
    for (Linear l : new Linear[] {q, k, v}) {
      l.initialize(manager, dataType, xs);
    }
    out.initialize(manager, dataType, new Shape(in.get(0), in.get(1), width));
  }
}
