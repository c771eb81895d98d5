package org.gyrus.nn.fno;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Spectral convolution (Li et al. 2021): DFT of the input, the lowest modes multiplied by learned
 * complex (in × out) matrices, the rest dropped, inverse DFT. On (N,C,L) it keeps modes 0..M-1; on
 * (N,C,H,W) it keeps frequencies ±(0..M-1) along H and 0..M-1 along W. The DFTs are real matrix
 * products built for the input's size, so the same weights apply at any resolution.
 */
public final class SpectralConv extends AbstractBlock {
  private final int modes;
  private final boolean twoD;
  private final Parameter wr;
  private final Parameter wi;

  public SpectralConv(int in, int out, int modes, boolean twoD) {
    this.modes = modes;
    this.twoD = twoD;
    Shape s = twoD ? new Shape(in, out, 2L * modes * modes) : new Shape(in, out, modes);
    float scale = 1f / (in * out);
    wr = addParameter(weight("w_re", s, scale));
    wi = addParameter(weight("w_im", s, scale));
  }

  private static Parameter weight(String name, Shape s, float scale) {
    return Parameter.builder()
        .setName(name)
        .setType(Parameter.Type.OTHER)
        .optShape(s)
        .optInitializer((m, shape, t) -> m.randomUniform(0, scale, shape, t))
        .build();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray a = ps.getValue(wr, x.getDevice(), training);
    NDArray b = ps.getValue(wi, x.getDevice(), training);
    return new NDList(twoD ? forward2d(x, a, b) : forward1d(x, a, b));
  }

  private NDArray forward1d(NDArray x, NDArray a, NDArray b) {
    NDManager m = x.getManager();
    DataType t = x.getDataType();
    int n = (int) x.getShape().get(2);
    NDArray xr = x.matMul(Dft.forward(m, t, n, modes, false));
    NDArray xi = x.matMul(Dft.forward(m, t, n, modes, true)).neg();
    NDArray[] y = mix(xr, xi, a, b);
    return y[0].matMul(Dft.inverseReal(m, t, n, modes, false))
        .sub(y[1].matMul(Dft.inverseReal(m, t, n, modes, true)));
  }

  private NDArray forward2d(NDArray x, NDArray a, NDArray b) {
    NDManager m = x.getManager();
    DataType t = x.getDataType();
    long batch = x.getShape().get(0);
    long c = x.getShape().get(1);
    int h = (int) x.getShape().get(2);
    int w = (int) x.getShape().get(3);
    // along W: real input, frequencies 0..M-1
    NDArray ar = x.matMul(Dft.forward(m, t, w, modes, false));
    NDArray ai = x.matMul(Dft.forward(m, t, w, modes, true)).neg();
    // along H: complex, frequencies ±(0..M-1); e^{-iθ}(ar + i·ai)
    NDArray ch = Dft.complexAxis(m, t, h, modes, false, false);
    NDArray sh = Dft.complexAxis(m, t, h, modes, true, false);
    NDArray fr = ch.matMul(ar).add(sh.matMul(ai));
    NDArray fi = ch.matMul(ai).sub(sh.matMul(ar));
    long p = 2L * modes * modes;
    NDArray[] y = mix(fr.reshape(batch, c, p), fi.reshape(batch, c, p), a, b);
    long o = a.getShape().get(1);
    NDArray yr = y[0].reshape(batch, o, 2L * modes, modes);
    NDArray yi = y[1].reshape(batch, o, 2L * modes, modes);
    NDArray chi = Dft.complexAxis(m, t, h, modes, false, true);
    NDArray shi = Dft.complexAxis(m, t, h, modes, true, true);
    NDArray gr = chi.matMul(yr).sub(shi.matMul(yi));
    NDArray gi = chi.matMul(yi).add(shi.matMul(yr));
    return gr.matMul(Dft.inverseReal(m, t, w, modes, false))
        .sub(gi.matMul(Dft.inverseReal(m, t, w, modes, true)));
  }

  /** Per mode p: (x_r + i x_i)(N,C,P) times (a + i b)(C,O,P), summed over C: {real, imag}. */
  private static NDArray[] mix(NDArray xr, NDArray xi, NDArray a, NDArray b) {
    NDArray pr = xr.transpose(2, 0, 1);
    NDArray pi = xi.transpose(2, 0, 1);
    NDArray ta = a.transpose(2, 0, 1);
    NDArray tb = b.transpose(2, 0, 1);
    NDArray re = pr.matMul(ta).sub(pi.matMul(tb)).transpose(1, 2, 0);
    NDArray im = pr.matMul(tb).add(pi.matMul(ta)).transpose(1, 2, 0);
    return new NDArray[] {re, im};
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    Shape in = inputs[0];
    long o = wr.getShape().get(1);
    return new Shape[] {
      twoD ? new Shape(in.get(0), o, in.get(2), in.get(3)) : new Shape(in.get(0), o, in.get(2))
    };
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {}
}
