package org.gyrus.nn.karat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import org.gyrus.nn.blocks.AttentionHeads;

/**
 * Multi-head self-attention where each row of scores a = q·kᵀ/√dh (T values) becomes weights w = P
 * φ(a) instead of softmax(a): φ: R^T → R^r is a Fourier KAN layer, φ_s(a) = Σ_k Σ_{g=1..G} C[k,cos
 * g,s] cos(g a_k) + C[k,sin g,s] sin(g a_k), and P (r × T) lifts it back — the low-rank form of
 * Fourier KArAt. One map per layer, shared by the heads. With {@code l1} the weights are divided by
 * their row's L1 norm. Causal: future scores enter as 0 (constants, so nothing leaks) and future
 * weights are zeroed.
 */
final class KaratBlock extends AbstractBlock {
  private final long d;
  private final long heads;
  private final boolean causal;
  private final int grid;
  private final boolean l1;
  private final Linear qkv;
  private final Linear out;
  private final Parameter coef;
  private final Parameter proj;

  KaratBlock(long t, long d, long heads, boolean causal, int grid, int rank, boolean l1) {
    this.d = d;
    this.heads = heads;
    this.causal = causal;
    this.grid = grid;
    this.l1 = l1;
    qkv = addChildBlock("qkv", Linear.builder().setUnits(3 * d).build());
    out = addChildBlock("out", Linear.builder().setUnits(d).build());
    float a = (float) Math.sqrt(3.0 / (t * 2 * grid));
    float b = (float) Math.sqrt(3.0 / rank);
    coef = addParameter(param("kan_coef", new Shape(t * 2 * grid, rank), a));
    proj = addParameter(param("kan_proj", new Shape(rank, t), b));
  }

  // OTHER, not WEIGHT: CompiledModel.initialize would overwrite WEIGHT with Xavier
  private static Parameter param(String name, Shape shape, float bound) {
    Initializer init = (m, s, dt) -> m.randomUniform(-bound, bound, s, dt);
    return Parameter.builder()
        .setName(name)
        .setType(Parameter.Type.OTHER)
        .optShape(shape)
        .optInitializer(init)
        .build();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    long n = x.getShape().get(0);
    long t = x.getShape().get(1);
    AttentionHeads h =
        AttentionHeads.of(qkv.forward(ps, new NDList(x), training).singletonOrThrow(), heads);
    NDArray scores = h.scores();
    NDArray future = causal ? AttentionHeads.futureMask(x.getManager(), t, x.getDataType()) : null;
    if (future != null) {
      scores = scores.mul(future.neg().add(1));
    }
    NDArray weights = map(scores, ps, x, training);
    if (future != null) {
      weights = weights.mul(future.neg().add(1));
    }
    if (l1) {
      weights = weights.div(weights.abs().sum(new int[] {-1}, true).add(1e-6));
    }
    NDArray o = h.merge(weights);
    return out.forward(ps, new NDList(o), training);
  }

  /** The Fourier KAN map on the last axis of (N,H,T,T) scores. */
  NDArray map(NDArray scores, ParameterStore ps, NDArray x, boolean training) {
    Shape s = scores.getShape();
    long t = s.get(3);
    NDArray freq = x.getManager().arange(1, grid + 1, 1, x.getDataType()).reshape(1, 1, 1, 1, grid);
    NDArray angle = scores.expandDims(4).mul(freq);
    NDArray features = NDArrays.concat(new NDList(angle.cos(), angle.sin()), 4);
    NDArray flat = features.reshape(-1, t * 2 * grid);
    NDArray phi = flat.matMul(ps.getValue(coef, x.getDevice(), training));
    return phi.matMul(ps.getValue(proj, x.getDevice(), training)).reshape(s);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {inputs[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
    qkv.initialize(manager, dataType, inputs[0]);
    out.initialize(manager, dataType, inputs[0]);
  }
}
