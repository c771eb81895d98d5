package org.gyrus.nn.quad;

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

/**
 * y = (W_r x + b_r) ⊙ (W_g x + b_g) + W_b (x ⊙ x) + c (Fan et al.), activation applied outside.
 * Parameters of the quadratic terms (W_g, b_g, W_b and c, the bias of the W_b term: Fan et al.'s
 * code trains it in that term's group) are named with {@link #QUAD_PREFIX} so the trainer can give
 * them their own learning rate. ReLinear starts them at W_g = 0, b_g = 1, W_b = 0, c = 0: the layer
 * begins as the linear layer W_r x + b_r.
 */
public final class QuadraticLayer extends AbstractBlock {
  /** Name prefix of the quadratic-term parameters. */
  public static final String QUAD_PREFIX = "quad_";

  private final Parameter wr;
  private final Parameter br;
  private final Parameter wg;
  private final Parameter bg;
  private final Parameter wb;
  private final Parameter c;

  public QuadraticLayer(int in, int out, boolean relinear) {
    Shape w = new Shape(in, out);
    Shape b = new Shape(out);
    float glorot = (float) Math.sqrt(6.0 / (in + out));
    Initializer random = (m, s, d) -> m.randomUniform(-glorot, glorot, s, d);
    wr = addParameter(param("w_r", w, random));
    br = addParameter(param("b_r", b, Initializer.ZEROS));
    wg = addParameter(param(QUAD_PREFIX + "w_g", w, relinear ? Initializer.ZEROS : random));
    bg =
        addParameter(
            param(QUAD_PREFIX + "b_g", b, relinear ? Initializer.ONES : Initializer.ZEROS));
    wb = addParameter(param(QUAD_PREFIX + "w_b", w, relinear ? Initializer.ZEROS : random));
    c = addParameter(param(QUAD_PREFIX + "c", b, Initializer.ZEROS));
  }

  private static Parameter param(String name, Shape shape, Initializer init) {
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
    var dev = x.getDevice();
    NDArray r = x.matMul(ps.getValue(wr, dev, training)).add(ps.getValue(br, dev, training));
    NDArray g = x.matMul(ps.getValue(wg, dev, training)).add(ps.getValue(bg, dev, training));
    NDArray sq = x.square().matMul(ps.getValue(wb, dev, training));
    return new NDList(r.mul(g).add(sq).add(ps.getValue(c, dev, training)));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {new Shape(inputs[0].get(0), wr.getShape().get(1))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {}
}
