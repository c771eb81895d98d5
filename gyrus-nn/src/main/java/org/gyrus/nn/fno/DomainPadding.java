package org.gyrus.nn.fno;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Runs a body on its (N,C,L) or (N,C,H,W) input with zeros appended at the end of each spatial
 * axis, then crops the body's output back to the input's extent (Li et al. 2021, non-periodic
 * problems such as Darcy flow). The DFT inside a spectral convolution treats the grid as periodic;
 * on a non-periodic field that joins the two boundaries, and the padding gives the layers room to
 * break that wrap. The padding is a fraction of each axis, rounded to cells at the size seen at run
 * time, so a grid at twice the resolution gets twice the cells: the same physical width, which
 * keeps zero-shot evaluation at another resolution consistent with training.
 */
final class DomainPadding extends AbstractBlock {
  private final Block body;
  private final double fraction;

  DomainPadding(Block body, double fraction) {
    this.body = addChildBlock("body", body);
    this.fraction = fraction;
  }

  /** Cells appended to an axis of n cells. */
  static long cells(long n, double fraction) {
    return Math.round(fraction * n);
  }

  /** The shape with every axis after (N,C) padded. */
  static Shape padded(Shape in, double fraction) {
    long[] d = in.getShape();
    for (int i = 2; i < d.length; i++) {
      d[i] += cells(d[i], fraction);
    }
    return new Shape(d);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    Shape s = x.getShape();
    int axes = s.dimension() - 2;
    // torch's constant_pad_nd order: (before, after) per axis, last axis first
    long[] pad = new long[2 * axes];
    StringBuilder crop = new StringBuilder(":, :");
    for (int i = 0; i < axes; i++) {
      long n = s.get(2 + i);
      pad[2 * (axes - 1 - i) + 1] = cells(n, fraction);
      crop.append(", 0:").append(n);
    }
    NDArray y = body.forward(ps, new NDList(x.pad(new Shape(pad), 0)), training, params).head();
    return new NDList(y.get(new NDIndex(crop.toString())));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    Shape out = body.getOutputShapes(new Shape[] {padded(inputs[0], fraction)})[0];
    long[] d = out.getShape();
    for (int i = 2; i < d.length; i++) {
      d[i] = inputs[0].get(i);
    }
    return new Shape[] {new Shape(d)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
    body.initialize(manager, dataType, padded(inputs[0], fraction));
  }
}
