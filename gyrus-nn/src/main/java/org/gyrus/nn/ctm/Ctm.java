package org.gyrus.nn.ctm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.SplittableRandom;
import org.gyrus.nn.Scalars;

/**
 * Continuous Thought Machine (B1) over a token sequence (N,L,F): D neurons think for {@code ticks}
 * internal steps decoupled from the input. Each tick: the action synchronisation S_act queries the
 * tokens by cross-attention; the synapse MLP maps [z, attention] to pre-activations; every neuron's
 * private MLP (NLM) maps its last M pre-activations to its post-activation z; the output
 * synchronisation S_out gives the tick's logits. S over fixed random neuron pairs (i, j) with a
 * learnable decay r ∈ [0, 15]: S_t = Σ_τ e^{−r(t−τ)} z_i z_j / sqrt(Σ_τ e^{−r(t−τ)}). Output:
 * logits for every tick, (N, ticks, K).
 */
final class Ctm extends AbstractBlock {
  private final int neurons;
  private final int memory;
  private final int ticks;
  private final int heads;
  private final long width;
  private final long out;
  private final int[][] outPairs;
  private final int[][] actPairs;
  private final Linear embed;
  private final Linear key;
  private final Linear value;
  private final Linear query;
  private final Linear attnOut;
  private final Linear synapse1;
  private final Linear synapse2;
  private final Linear readout;
  private final Parameter position;
  private final Parameter startTrace;
  private final Parameter startZ;
  private final Parameter nlm1;
  private final Parameter nlm1Bias;
  private final Parameter nlm2;
  private final Parameter nlm2Bias;
  private final Parameter decayOut;
  private final Parameter decayAct;

  Ctm(CtmType.Config c, long length) {
    this.neurons = c.neurons();
    this.memory = c.memory();
    this.ticks = c.ticks();
    this.heads = c.heads();
    this.width = c.width();
    this.out = c.out();
    SplittableRandom rng = new SplittableRandom(c.seed());
    outPairs = pairs(rng, c.syncOut(), neurons);
    actPairs = pairs(rng, c.syncAction(), neurons);
    embed = addChildBlock("embed", Linear.builder().setUnits(width).build());
    key = addChildBlock("key", Linear.builder().setUnits(width).build());
    value = addChildBlock("value", Linear.builder().setUnits(width).build());
    query = addChildBlock("query", Linear.builder().setUnits(width).build());
    attnOut = addChildBlock("attn_out", Linear.builder().setUnits(width).build());
    synapse1 = addChildBlock("synapse1", Linear.builder().setUnits(2L * neurons).build());
    synapse2 = addChildBlock("synapse2", Linear.builder().setUnits(neurons).build());
    readout = addChildBlock("readout", Linear.builder().setUnits(c.out()).build());
    position = own("position", new Shape(length, width), new NormalInitializer(0.1f));
    startTrace = own("start_trace", new Shape(neurons, memory), new NormalInitializer(0.1f));
    startZ = own("start_z", new Shape(neurons), new NormalInitializer(0.1f));
    float s1 = (float) (1 / Math.sqrt(memory));
    nlm1 = own("nlm1", new Shape(neurons, memory, c.hidden()), new NormalInitializer(s1));
    nlm1Bias = own("nlm1_bias", new Shape(neurons, 1, c.hidden()), Initializer.ZEROS);
    float s2 = (float) (1 / Math.sqrt(c.hidden()));
    nlm2 = own("nlm2", new Shape(neurons, c.hidden(), 1), new NormalInitializer(s2));
    nlm2Bias = own("nlm2_bias", new Shape(neurons), Initializer.ZEROS);
    decayOut = own("decay_out", new Shape(c.syncOut()), Ctm::smallDecay);
    decayAct = own("decay_act", new Shape(c.syncAction()), Ctm::smallDecay);
  }

  /** r in [0.01, 0.3]: long memory at first, and off the clip's kink at 0. */
  private static NDArray smallDecay(NDManager m, Shape shape, DataType type) {
    return m.randomUniform(0.01f, 0.3f, shape, type);
  }

  /** OTHER-typed, so CompiledModel's Xavier leaves these initialisers alone. */
  private Parameter own(String name, Shape shape, Initializer init) {
    return addParameter(
        Parameter.builder()
            .setName(name)
            .setType(Parameter.Type.OTHER)
            .optShape(shape)
            .optInitializer(init)
            .build());
  }

  private static int[][] pairs(SplittableRandom rng, int count, int neurons) {
    int[][] p = new int[2][count];
    for (int i = 0; i < count; i++) {
      p[0][i] = rng.nextInt(neurons);
      p[1][i] = rng.nextInt(neurons);
    }
    return p;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDManager m = x.getManager();
    long n = x.getShape().get(0);
    NDArray tokens = lin(embed, ps, x, training).add(value(ps, position, x, training));
    NDArray k = split(lin(key, ps, tokens, training));
    NDArray v = split(lin(value, ps, tokens, training));
    NDArray trace = value(ps, startTrace, x, training).broadcast(n, neurons, memory);
    NDArray z = value(ps, startZ, x, training).broadcast(n, neurons);
    Sync out = new Sync(m, outPairs, value(ps, decayOut, x, training));
    Sync act = new Sync(m, actPairs, value(ps, decayAct, x, training));
    NDArray w1 = value(ps, nlm1, x, training);
    NDArray b1 = value(ps, nlm1Bias, x, training);
    NDArray w2 = value(ps, nlm2, x, training);
    NDArray b2 = value(ps, nlm2Bias, x, training);
    NDArray[] logits = new NDArray[ticks];
    for (int t = 0; t < ticks; t++) {
      NDArray q = split(lin(query, ps, act.fold(z), training).reshape(n, 1, width));
      double scale = 1 / Math.sqrt(width / (double) heads);
      NDArray att = Scalars.mul(q.matMul(k.transpose(0, 2, 1)), scale).softmax(-1).matMul(v);
      NDArray o = lin(attnOut, ps, att.reshape(n, width), training);
      NDArray hidden = silu(lin(synapse1, ps, z.concat(o, 1), training));
      NDArray pre = lin(synapse2, ps, hidden, training);
      trace = trace.get(":, :, 1:").concat(pre.reshape(n, neurons, 1), 2);
      // private MLP per neuron: (D,N,M)·(D,M,H) → (D,N,H) → (D,N,1)
      NDArray h = silu(trace.transpose(1, 0, 2).matMul(w1).add(b1));
      z = h.matMul(w2).reshape(neurons, n).transpose(1, 0).add(b2);
      logits[t] = lin(readout, ps, out.fold(z), training).expandDims(1);
    }
    return new NDList(NDArrays.concat(new NDList(logits), 1));
  }

  private static NDArray silu(NDArray x) {
    return x.mul(Activation.sigmoid(x));
  }

  private NDArray split(NDArray x) {
    long n = x.getShape().get(0);
    long l = x.getShape().get(1);
    long dh = width / heads;
    return x.reshape(n, l, heads, dh).transpose(0, 2, 1, 3).reshape(n * heads, l, dh);
  }

  private static NDArray lin(Linear l, ParameterStore ps, NDArray x, boolean training) {
    return l.forward(ps, new NDList(x), training).singletonOrThrow();
  }

  private static NDArray value(ParameterStore ps, Parameter p, NDArray x, boolean training) {
    return ps.getValue(p, x.getDevice(), training);
  }

  /** Running synchronisation sums (α, β) over one set of pairs. */
  static final class Sync {
    private final NDArray left;
    private final NDArray right;
    private final NDArray decay;
    private NDArray alpha;
    private NDArray beta;

    Sync(NDManager m, int[][] pairs, NDArray r) {
      left = m.create(pairs[0]).toType(DataType.INT64, false);
      right = m.create(pairs[1]).toType(DataType.INT64, false);
      decay = r.clip(0, 15).neg().exp();
    }

    NDArray fold(NDArray z) {
      NDArray product = z.get(new NDIndex(":, {}", left)).mul(z.get(new NDIndex(":, {}", right)));
      if (alpha == null) {
        alpha = product;
        beta = decay.onesLike();
      } else {
        alpha = alpha.mul(decay).add(product);
        beta = beta.mul(decay).add(1);
      }
      return alpha.div(beta.sqrt());
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {new Shape(inputs[0].get(0), ticks, out)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
    Shape in = inputs[0];
    long n = in.get(0);
    Shape tokens = new Shape(n, in.get(1), width);
    embed.initialize(manager, dataType, in);
    key.initialize(manager, dataType, tokens);
    value.initialize(manager, dataType, tokens);
    query.initialize(manager, dataType, new Shape(n, actPairs[0].length));
    attnOut.initialize(manager, dataType, new Shape(n, width));
    synapse1.initialize(manager, dataType, new Shape(n, neurons + width));
    synapse2.initialize(manager, dataType, new Shape(n, 2L * neurons));
    readout.initialize(manager, dataType, new Shape(n, outPairs[0].length));
  }
}
