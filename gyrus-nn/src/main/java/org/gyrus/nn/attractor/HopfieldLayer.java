package org.gyrus.nn.attractor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.gyrus.nn.Scalars;

/**
 * Continuous dense associative memory as a layer (Ramsauer et al., "Hopfield networks is all you
 * need"): M learnable stored patterns Y (M×F); each step the state moves to x ← softmax(β x Yᵀ) Y,
 * the update that minimises the modern Hopfield energy. Works on (N,F) and (N,T,F).
 */
public final class HopfieldLayer extends AbstractBlock {
  private final Parameter stored;
  private final double beta;
  private final int steps;

  public HopfieldLayer(int features, int patterns, double beta, int steps) {
    this.beta = beta;
    this.steps = steps;
    stored =
        addParameter(
            Parameter.builder()
                .setName("patterns")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(patterns, features))
                .optInitializer((m, s, d) -> m.randomNormal(0f, 1f, s, d))
                .build());
  }

  /** The stored patterns (M×F) after initialisation. */
  public Parameter stored() {
    return stored;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray y = ps.getValue(stored, x.getDevice(), training);
    NDArray yt = y.transpose();
    for (int t = 0; t < steps; t++) {
      x = Scalars.mul(x.matMul(yt), beta).softmax(-1).matMul(y);
    }
    return new NDList(x);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {inputs[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {}
}
