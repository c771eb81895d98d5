package org.gyrus.nas.discover;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/** {@code y_t = b + Σ_{j<k} w_j ⊙ x_{t−j}} with zeros before the start; parameters weight, bias. */
final class CausalConvBlock extends AbstractBlock {
  private final int kernel;
  private final Parameter weight;
  private final Parameter bias;

  CausalConvBlock(int kernel, long width) {
    this.kernel = kernel;
    this.weight =
        addParameter(
            Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(kernel, width))
                .optInitializer(new NormalInitializer((float) (1.0 / Math.sqrt(kernel))))
                .build());
    this.bias =
        addParameter(
            Parameter.builder()
                .setName("bias")
                .setType(Parameter.Type.BIAS)
                .optShape(new Shape(width))
                .build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray w = ps.getValue(weight, x.getDevice(), training);
    NDArray b = ps.getValue(bias, x.getDevice(), training);
    long n = x.getShape().get(0);
    long t = x.getShape().get(1);
    long d = x.getShape().get(2);
    NDArray out = x.mul(w.get(0)).add(b);
    for (int j = 1; j < kernel && j < t; j++) {
      NDArray zeros = x.getManager().zeros(new Shape(n, j, d), x.getDataType());
      NDArray shifted = zeros.concat(x.get(":, :" + (t - j) + ", :"), 1);
      out = out.add(shifted.mul(w.get(j)));
    }
    return new NDList(out);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {inputs[0]};
  }
}
