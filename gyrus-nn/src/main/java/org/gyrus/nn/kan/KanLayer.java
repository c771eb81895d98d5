package org.gyrus.nn.kan;

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

/**
 * One KAN layer: every edge (i, j) carries φ_ij(x) = w_b·silu(x) + w_s·Σ_m c_ijm B_m(x) on input
 * i's B-spline grid, and output j sums its edges (plus an optional bias). Knots and the edge mask
 * are parameters without gradient, so grid updates and pruning travel with the block's state.
 */
public final class KanLayer extends AbstractBlock {
  final int in;
  final int out;
  final int grid;
  final int order;
  final Parameter knots;
  final Parameter coef;
  final Parameter scaleBase;
  final Parameter scaleSpline;
  final Parameter mask;
  final Parameter bias;

  public KanLayer(int in, int out, int grid, int order, double lo, double hi, boolean withBias) {
    this.in = in;
    this.out = out;
    this.grid = grid;
    this.order = order;
    double[] t = BSpline.uniformKnots(lo, hi, grid, order);
    knots =
        addParameter(
            fixed(
                "knots",
                new Shape(in, t.length),
                (m, s, d) -> m.create(t).reshape(1, t.length).tile(new long[] {in, 1})));
    int nb = grid + order;
    coef =
        addParameter(
            trainable(
                "coef",
                new Shape(in, nb, out),
                (m, s, d) -> m.randomNormal(0, 0.1f / (float) Math.sqrt(nb), s, d)));
    float r = (float) (1 / Math.sqrt(in));
    scaleBase =
        addParameter(
            trainable("scale_base", new Shape(in, out), (m, s, d) -> m.randomUniform(-r, r, s, d)));
    scaleSpline =
        addParameter(trainable("scale_sp", new Shape(in, out), (m, s, d) -> m.ones(s, d).muli(r)));
    mask = addParameter(fixed("mask", new Shape(in, out), (m, s, d) -> m.ones(s, d)));
    bias =
        withBias
            ? addParameter(
                Parameter.builder()
                    .setName("bias")
                    .setType(Parameter.Type.BIAS)
                    .optShape(new Shape(out))
                    .optInitializer(Initializer.ZEROS)
                    .build())
            : null;
  }

  private static Parameter trainable(String name, Shape shape, Initializer init) {
    return Parameter.builder()
        .setName(name)
        .setType(Parameter.Type.OTHER)
        .optShape(shape)
        .optInitializer(init)
        .build();
  }

  private static Parameter fixed(String name, Shape shape, Initializer init) {
    return Parameter.builder()
        .setName(name)
        .setType(Parameter.Type.OTHER)
        .optShape(shape)
        .optInitializer((m, s, d) -> init.initialize(m, s, d).toType(d, false))
        .optRequiresGrad(false)
        .build();
  }

  public int inputs() {
    return in;
  }

  public int outputs() {
    return out;
  }

  public int grid() {
    return grid;
  }

  public int order() {
    return order;
  }

  /** φ_ij(x_i) for every edge, masked: (N, in, out). */
  public NDArray edges(ParameterStore ps, NDArray x, boolean training) {
    var dev = x.getDevice();
    NDArray t = ps.getValue(knots, dev, training);
    NDArray c = ps.getValue(coef, dev, training);
    NDArray b = BSpline.basis(x, t, order); // (N, in, nb)
    NDArray spline = b.transpose(1, 0, 2).matMul(c).transpose(1, 0, 2); // (N, in, out)
    NDArray base = Activation.sigmoid(x).mul(x).expandDims(2);
    NDArray phi =
        base.mul(ps.getValue(scaleBase, dev, training))
            .add(spline.mul(ps.getValue(scaleSpline, dev, training)));
    return phi.mul(ps.getValue(mask, dev, training));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray y = edges(ps, x, training).sum(new int[] {1});
    if (bias != null) {
      y = y.add(ps.getValue(bias, x.getDevice(), training));
    }
    return new NDList(y);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {new Shape(inputs[0].get(0), out)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {}
}
