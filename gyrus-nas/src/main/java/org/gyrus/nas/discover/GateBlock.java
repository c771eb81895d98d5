package org.gyrus.nas.discover;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** {@code value(x) ⊙ act(gate(x))}; children: value, gate. */
final class GateBlock extends AbstractBlock {
  private final Block value;
  private final Block gate;
  private final String activation;

  GateBlock(Block value, Block gate, String activation) {
    this.value = addChildBlock("value", value);
    this.gate = addChildBlock("gate", gate);
    this.activation = activation;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray v = value.forward(ps, inputs, training).singletonOrThrow();
    NDArray g = gate.forward(ps, inputs, training).singletonOrThrow();
    switch (activation) {
      case "sigmoid":
        g = Activation.sigmoid(g);
        break;
      case "silu":
        g = g.mul(Activation.sigmoid(g));
        break;
      default:
        break;
    }
    return new NDList(v.mul(g));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return value.getOutputShapes(inputs);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
    value.initialize(manager, dataType, inputs);
    gate.initialize(manager, dataType, inputs);
  }
}
