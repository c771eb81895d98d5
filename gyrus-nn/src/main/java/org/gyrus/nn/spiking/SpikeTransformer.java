package org.gyrus.nn.spiking;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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
 * A small Neuroformer-style model (B14) whose attention reads as connectivity. One token per
 * neuron: its last K spike bins (linear embedding) plus a learned neuron embedding. One single-head
 * attention layer across neurons: the query of postsynaptic neuron i is its embedding alone, the
 * key of presynaptic neuron j is its full token, plus one learned null key ("no input") so that i
 * can attend to nobody. The value of j is what j said, not who j is: its spike history embedded
 * (zero when j was silent) times a learned per-neuron gain, whose sign lets an inhibitory neuron's
 * spikes lower its targets' firing through the same attention that an excitatory neuron's raise it.
 * A neuron's own history reaches its logit through the residual, so the diagonal of the attention
 * is masked. Then the attention weight i ← j is used for prediction only as the route by which j's
 * spikes reach i; averaged over data it is the estimate of the synapse j → i. Input (B, N, K),
 * output (B, N) logits for a spike in the next bin; {@link #attention} gives (B, N, N).
 */
public final class SpikeTransformer extends AbstractBlock {
  private final Parameter history;
  private final Parameter identity;
  private final Parameter wq;
  private final Parameter wk;
  private final Parameter nullKey;
  private final Parameter wv;
  private final Parameter gain;
  private final Parameter out;
  private final Parameter bias;
  private final int neurons;
  private final int dim;

  /**
   * Two choices of the initial state matter (measured on a 5-neuron circuit with two planted
   * synapses, where the model otherwise never read the stronger one, P(post | pre) = 0.59): the
   * output bias starts at the log-odds of the mean firing {@code rate}, not at p = 0.5, and the
   * value projection starts at zero. Otherwise the first steps, which only push every logit down,
   * teach the attention to avoid spiking neurons (their random value happened to raise the logit),
   * and an attention weight near zero gets no gradient to come back.
   */
  public SpikeTransformer(int neurons, int window, int dim, double rate) {
    this.neurons = neurons;
    this.dim = dim;
    history = addParameter(param("history", new Shape(window, dim), 1.0 / Math.sqrt(window)));
    identity = addParameter(param("identity", new Shape(neurons, dim), 1.0));
    wq = addParameter(param("wq", new Shape(dim, dim), 1.0 / Math.sqrt(dim)));
    wk = addParameter(param("wk", new Shape(dim, dim), 1.0 / Math.sqrt(dim)));
    nullKey = addParameter(param("null_key", new Shape(dim, 1), 1.0));
    wv = addParameter(constant("wv", new Shape(window, dim), 0.0));
    gain = addParameter(constant("gain", new Shape(neurons, 1), 1.0));
    out = addParameter(param("out", new Shape(dim, 1), 1.0 / Math.sqrt(dim)));
    bias = addParameter(constant("bias", new Shape(1), Math.log(rate / (1 - rate))));
  }

  private static Parameter param(String name, Shape shape, double scale) {
    Initializer init = (m, s, d) -> m.randomNormal(0f, (float) scale, s, d);
    return build(name, shape, init);
  }

  private static Parameter constant(String name, Shape shape, double value) {
    Initializer init = (m, s, d) -> m.full(s, (float) value, d);
    return build(name, shape, init);
  }

  private static Parameter build(String name, Shape shape, Initializer init) {
    return Parameter.builder()
        .setName(name)
        .setType(Parameter.Type.OTHER)
        .optShape(shape)
        .optInitializer(init)
        .build();
  }

  /** {tokens (B, N, d), attention (B, N, N + 1) with the null key last}. */
  private NDArray[] tokensAndAttention(ParameterStore ps, NDArray x, boolean training) {
    var dev = x.getDevice();
    NDArray id = ps.getValue(identity, dev, training);
    NDArray h = x.matMul(ps.getValue(history, dev, training)).add(id);
    // the query is the neuron's identity alone: which neurons it reads is a property of the neuron
    NDArray q = id.matMul(ps.getValue(wq, dev, training));
    NDArray k = h.matMul(ps.getValue(wk, dev, training));
    NDArray scores = q.expandDims(0).matMul(k.transpose(0, 2, 1));
    // own history enters through the residual; a masked diagonal keeps self out of the estimate
    NDArray self = Scalars.mul(x.getManager().eye(neurons, neurons, 0, x.getDataType()), -1e9);
    scores = scores.add(self.toDevice(dev, false));
    long b = x.getShape().get(0);
    NDArray none = q.matMul(ps.getValue(nullKey, dev, training)).expandDims(0);
    scores = scores.broadcast(new Shape(b, neurons, neurons));
    none = none.broadcast(new Shape(b, neurons, 1));
    NDArray att =
        Scalars.div(NDArrays.concat(new NDList(scores, none), -1), Math.sqrt(dim)).softmax(-1);
    return new NDArray[] {h, att};
  }

  /** Attention weights (B, N, N): row i = how much of neuron i's input is read from each j. */
  public NDArray attention(ParameterStore ps, NDArray x) {
    return tokensAndAttention(ps, x, false)[1].get(":, :, :" + neurons);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray[] ha = tokensAndAttention(ps, x, training);
    var dev = x.getDevice();
    NDArray said = x.matMul(ps.getValue(wv, dev, training)).mul(ps.getValue(gain, dev, training));
    NDArray read = ha[1].get(":, :, :" + neurons).matMul(said);
    NDArray logits = read.add(ha[0]).matMul(ps.getValue(out, dev, training)).squeeze(-1);
    return new NDList(logits.add(ps.getValue(bias, dev, training)));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {new Shape(inputs[0].get(0), inputs[0].get(1))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {}
}
