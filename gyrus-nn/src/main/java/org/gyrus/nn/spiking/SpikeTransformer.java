package org.gyrus.nn.spiking;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import org.gyrus.nn.Scalars;

/**
 * A small Neuroformer-style model (B14): one token per neuron made of its last K spike bins (linear
 * embedding) plus a learned neuron embedding; one single-head self-attention layer across neurons,
 * queries from the neuron embedding alone, keys and values from the full tokens; a logit per neuron
 * for a spike in the next bin. The attention matrix (which neurons a neuron reads to predict its
 * own next spike), averaged over data, is the connectivity estimate. Input (B, N, K), output (B, N)
 * logits; {@link #attention} gives (B, N, N).
 */
public final class SpikeTransformer extends AbstractBlock {
  private final Parameter history;
  private final Parameter identity;
  private final Parameter wq;
  private final Parameter wk;
  private final Parameter wv;
  private final Parameter out;
  private final Parameter bias;
  private final int dim;

  public SpikeTransformer(int neurons, int window, int dim) {
    this.dim = dim;
    history = addParameter(param("history", new Shape(window, dim), 1.0 / Math.sqrt(window)));
    identity = addParameter(param("identity", new Shape(neurons, dim), 1.0));
    wq = addParameter(param("wq", new Shape(dim, dim), 1.0 / Math.sqrt(dim)));
    wk = addParameter(param("wk", new Shape(dim, dim), 1.0 / Math.sqrt(dim)));
    wv = addParameter(param("wv", new Shape(dim, dim), 1.0 / Math.sqrt(dim)));
    out = addParameter(param("out", new Shape(dim, 1), 1.0 / Math.sqrt(dim)));
    bias = addParameter(param("bias", new Shape(1), 0.0));
  }

  private static Parameter param(String name, Shape shape, double scale) {
    Initializer init = (m, s, d) -> m.randomNormal(0f, (float) scale, s, d);
    return Parameter.builder()
        .setName(name)
        .setType(Parameter.Type.OTHER)
        .optShape(shape)
        .optInitializer(init)
        .build();
  }

  private NDArray[] tokensAndAttention(ParameterStore ps, NDArray x, boolean training) {
    var dev = x.getDevice();
    NDArray id = ps.getValue(identity, dev, training);
    NDArray h = x.matMul(ps.getValue(history, dev, training)).add(id);
    // the query is the neuron's identity alone: which neurons it reads is a property of the neuron
    NDArray q = id.matMul(ps.getValue(wq, dev, training)).expandDims(0);
    NDArray k = h.matMul(ps.getValue(wk, dev, training));
    NDArray att = Scalars.div(q.matMul(k.transpose(0, 2, 1)), Math.sqrt(dim)).softmax(-1);
    return new NDArray[] {h, att};
  }

  /** Attention weights (B, N, N): row i = how neuron i's prediction reads every neuron. */
  public NDArray attention(ParameterStore ps, NDArray x) {
    return tokensAndAttention(ps, x, false)[1];
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray[] ha = tokensAndAttention(ps, x, training);
    var dev = x.getDevice();
    NDArray mixed = ha[1].matMul(ha[0].matMul(ps.getValue(wv, dev, training))).add(ha[0]);
    NDArray logits = mixed.matMul(ps.getValue(out, dev, training)).squeeze(-1);
    return new NDList(logits.add(ps.getValue(bias, dev, training)));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {new Shape(inputs[0].get(0), inputs[0].get(1))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {}
}
