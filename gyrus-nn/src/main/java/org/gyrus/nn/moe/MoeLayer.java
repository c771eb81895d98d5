package org.gyrus.nn.moe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import org.gyrus.nn.Scalars;

/**
 * A feed-forward layer split into {@code experts} equal slices of its hidden units: expert e owns
 * hidden units [e·h, (e+1)·h) of y = act(x W1 + b1) W2 + b2. A router scores each example (or
 * token) by x · gate_e and keeps the {@code topK} best experts; the kept experts' outputs are
 * summed unweighted (as in Emergent MoE), so with topK = experts the layer is exactly the dense
 * FFN. The gates get gradients only through the load-balance loss ({@link #lastBalanceLoss}).
 * Computation is masked, not gathered: FLOPs are counted for the kept experts, wall time stays
 * dense.
 */
public final class MoeLayer extends AbstractBlock {
  private final int experts;
  private final int topK;
  private final String activation;
  private final Parameter w1;
  private final Parameter b1;
  private final Parameter w2;
  private final Parameter b2;
  private final Parameter gates;
  private NDArray lastBalance;

  public MoeLayer(int in, int hidden, int out, int experts, int topK, String activation) {
    this.experts = experts;
    this.topK = topK;
    this.activation = activation;
    w1 = addParameter(param("w1", new Shape(in, hidden), glorot(in, hidden)));
    b1 = addParameter(param("b1", new Shape(hidden), Initializer.ZEROS));
    w2 = addParameter(param("w2", new Shape(hidden, out), glorot(hidden, out)));
    b2 = addParameter(param("b2", new Shape(out), Initializer.ZEROS));
    gates = addParameter(param("gates", new Shape(experts, in), glorot(in, experts)));
  }

  private static Initializer glorot(long fanIn, long fanOut) {
    float a = (float) Math.sqrt(6.0 / (fanIn + fanOut));
    return (m, s, d) -> m.randomUniform(-a, a, s, d);
  }

  // OTHER, not WEIGHT: CompiledModel.initialize would overwrite WEIGHT with Xavier
  private static Parameter param(String name, Shape shape, Initializer init) {
    return Parameter.builder()
        .setName(name)
        .setType(Parameter.Type.OTHER)
        .optShape(shape)
        .optInitializer(init)
        .build();
  }

  /** The parameters by name: w1 (F,H), b1 (H), w2 (H,O), b2 (O), gates (E,F). */
  public NDArray array(String name) {
    return getParameters().get(name).getArray();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    var dev = x.getDevice();
    Shape shape = x.getShape();
    long f = shape.get(shape.dimension() - 1);
    NDArray rows = x.reshape(-1, f);
    NDArray hidden =
        act(rows.matMul(ps.getValue(w1, dev, training)).add(ps.getValue(b1, dev, training)));
    NDArray logits = rows.matMul(ps.getValue(gates, dev, training).transpose());
    NDArray mask = routing(logits);
    if (topK < experts) {
      long m = hidden.getShape().get(0);
      long h = hidden.getShape().get(1);
      hidden = hidden.reshape(m, experts, h / experts).mul(mask.expandDims(2)).reshape(m, h);
    }
    lastBalance = training ? balance(logits, mask) : null;
    NDArray y = hidden.matMul(ps.getValue(w2, dev, training)).add(ps.getValue(b2, dev, training));
    long o = y.getShape().get(1);
    return new NDList(y.reshape(shape.slice(0, shape.dimension() - 1).add(o)));
  }

  /** 1 for the topK highest router logits of each row, 0 elsewhere (no gradient). */
  private NDArray routing(NDArray logits) {
    NDArray l = logits.stopGradient();
    if (topK >= experts) {
      return l.onesLike();
    }
    NDArray kth = l.sort(1).get(":, " + (experts - topK) + ":" + (experts - topK + 1));
    return l.gte(kth).toType(l.getDataType(), false);
  }

  /** Switch-style E · Σ_e (fraction routed to e / topK) · (mean router probability of e). */
  private NDArray balance(NDArray logits, NDArray mask) {
    NDArray fraction = mask.mean(new int[] {0}).div(topK);
    NDArray prob = logits.softmax(1).mean(new int[] {0});
    return Scalars.mul(fraction.mul(prob).sum(), experts);
  }

  /** The load-balance loss of the last training forward pass, or null. */
  public NDArray lastBalanceLoss() {
    return lastBalance;
  }

  private NDArray act(NDArray h) {
    return switch (activation) {
      case "relu" -> Activation.relu(h);
      case "gelu" -> Activation.gelu(h);
      case "tanh" -> Activation.tanh(h);
      case "silu" -> h.mul(Activation.sigmoid(h));
      default -> h;
    };
  }

  public int experts() {
    return experts;
  }

  public int topK() {
    return topK;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    Shape in = inputs[0];
    return new Shape[] {in.slice(0, in.dimension() - 1).add(w2.getShape().get(1))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {}
}
