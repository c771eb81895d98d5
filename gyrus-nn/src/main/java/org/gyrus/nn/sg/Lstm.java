package org.gyrus.nn.sg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * An LSTM cell with a read-out, stepped by hand so a trainer can cut the sequence into windows:
 * {@link #step} maps (x_t, state) to the next state, state = [h, c] as one (N, 2H) array.
 */
final class Lstm extends AbstractBlock {
  private final int hidden;
  private final Linear gates;
  private final Linear readout;

  Lstm(int hidden, int classes) {
    this.hidden = hidden;
    gates = addChildBlock("gates", Linear.builder().setUnits(4L * hidden).build());
    readout = addChildBlock("readout", Linear.builder().setUnits(classes).build());
  }

  int hidden() {
    return hidden;
  }

  /** Next state (N, 2H) from input (N, F) and state (N, 2H). */
  NDArray step(ParameterStore ps, NDArray x, NDArray state, boolean training) {
    NDArray h = state.get(":, 0:" + hidden);
    NDArray c = state.get(":, " + hidden + ":");
    NDArray z = gates.forward(ps, new NDList(x.concat(h, 1)), training).singletonOrThrow();
    NDList parts = z.split(4, 1);
    NDArray i = Activation.sigmoid(parts.get(0));
    NDArray f = Activation.sigmoid(parts.get(1).add(1)); // forget bias 1
    NDArray o = Activation.sigmoid(parts.get(2));
    NDArray g = parts.get(3).tanh();
    NDArray c2 = f.mul(c).add(i.mul(g));
    return o.mul(c2.tanh()).concat(c2, 1);
  }

  /** Logits (N, classes) from a state. */
  NDArray read(ParameterStore ps, NDArray state, boolean training) {
    NDArray h = state.get(":, 0:" + hidden);
    return readout.forward(ps, new NDList(h), training).singletonOrThrow();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    return new NDList(step(ps, x, inputs.get(1), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {inputs[1]};
  }

  void init(NDManager m, DataType type, long features) {
    gates.initialize(m, type, new Shape(1, features + hidden));
    readout.initialize(m, type, new Shape(1, hidden));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
    init(manager, dataType, inputs[0].get(1));
  }
}
