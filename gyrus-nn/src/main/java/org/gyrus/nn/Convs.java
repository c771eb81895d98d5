package org.gyrus.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.LayoutType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;

/**
 * Convolutions whose input gradient is right. The oneDNN 3.7.1 inside DJL's PyTorch 2.7.1 computes
 * a wrong input gradient (off by tens of percent, or NaN, and different from run to run with two
 * threads) for float32 convolutions with a kernel wider than 1 whose channel counts are not
 * multiples of its SIMD block (16 with AVX-512, 8 with AVX2): measured on this project's machines
 * (AMD EPYC, NOTES.md "conv input gradient"), while Debian's torch 1.13 is right on the same
 * machine, the forward pass and the weight gradient are always right, and 1x1 kernels are. So when
 * an input gradient will be taken through such a convolution, both channel counts are padded with
 * zeros to multiples of 16 and the extra outputs dropped: the same function and gradients, computed
 * by kernels that are right. ConvGradientTest checks every shape class against float64.
 */
public final class Convs {
  private static final int BLOCK = 16;

  private Convs() {}

  /** A 2-D convolution block built from {@code b} that routes around the bug. */
  public static Conv2d conv2d(Conv2d.Builder b) {
    b.build(); // validates the builder; the guarded block takes its settings
    return new Guarded2d(b);
  }

  /** A 1-D convolution block built from {@code b} that routes around the bug. */
  public static Convolution conv1d(Conv1d.Builder b) {
    b.build(); // validates the builder; the guarded block takes its settings
    return new Guarded1d(b);
  }

  /**
   * The convolution of x (N, C, spatial...) with w (F, C/groups, kernel...) and an optional bias
   * (F); padded to channel multiples of 16 when its input gradient would otherwise be wrong.
   */
  public static NDArray conv(
      NDArray x, NDArray w, NDArray bias, Shape stride, Shape pad, Shape dilation, int groups) {
    if (!atRisk(x, w, groups)) {
      return x.getNDArrayInternal()
          .convolution(x, w, bias, stride, pad, dilation, groups)
          .singletonOrThrow();
    }
    long cin = w.getShape().get(1);
    long cout = w.getShape().get(0);
    long cin16 = roundUp(cin);
    long cout16 = roundUp(cout);
    NDArray xp = padAxis(x, 1, cin16);
    NDArray wp = padAxis(padAxis(w, 1, cin16), 0, cout16);
    NDArray y =
        x.getNDArrayInternal()
            .convolution(xp, wp, null, stride, pad, dilation, 1)
            .singletonOrThrow();
    if (cout16 > cout) {
      y = y.get(new NDIndex(":, 0:" + cout));
    }
    if (bias == null) {
      return y;
    }
    long[] dims = new long[y.getShape().dimension()];
    Arrays.fill(dims, 1);
    dims[1] = cout;
    return y.add(bias.reshape(new Shape(dims)));
  }

  /**
   * Whether the engine would compute this convolution's input gradient, and wrongly. DJL reports
   * requires-grad only for leaves (an intermediate result answers false), so inside a gradient
   * collector a convolution over more than 3 channels is taken to need its input gradient, and one
   * over 1–3 channels (a network's input images) only when that input asks for a gradient.
   */
  static boolean atRisk(NDArray x, NDArray w, int groups) {
    if (groups != 1 || x.getDataType() != DataType.FLOAT32 || !JniUtils.isGradMode()) {
      return false;
    }
    Shape s = w.getShape();
    boolean wide = false;
    for (int i = 2; i < s.dimension(); i++) {
      wide |= s.get(i) > 1;
    }
    boolean offBlock = s.get(0) % BLOCK != 0 || s.get(1) % BLOCK != 0;
    return wide && offBlock && (s.get(1) > 3 || x.hasGradient());
  }

  private static long roundUp(long c) {
    return (c + BLOCK - 1) / BLOCK * BLOCK;
  }

  /** {@code a} with zeros appended along {@code axis} up to {@code size}. */
  private static NDArray padAxis(NDArray a, int axis, long size) {
    long have = a.getShape().get(axis);
    if (have == size) {
      return a;
    }
    long[] dims = a.getShape().getShape().clone();
    dims[axis] = size - have;
    return a.concat(a.getManager().zeros(new Shape(dims), a.getDataType()), axis);
  }

  private static NDList guardedForward(
      ParameterStore ps,
      NDList inputs,
      boolean training,
      Parameter weight,
      Parameter bias,
      Convolution c) {
    NDArray x = inputs.singletonOrThrow();
    NDArray w = ps.getValue(weight, x.getDevice(), training);
    NDArray b = ps.getValue(bias, x.getDevice(), training);
    return new NDList(conv(x, w, b, c.getStride(), c.getPadding(), c.getDilation(), c.getGroups()));
  }

  /** DJL's Conv2d (same parameters, names and saved form) with the guarded forward. */
  private static final class Guarded2d extends Conv2d {
    Guarded2d(Conv2d.Builder b) {
      super(b);
    }

    @Override
    protected NDList forwardInternal(
        ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
      return guardedForward(ps, inputs, training, weight, bias, this);
    }
  }

  /**
   * DJL's Conv1d (same parameters, names, layout and saved form; Conv1d's constructor is not
   * visible, so this extends its base) with the guarded forward.
   */
  private static final class Guarded1d extends Convolution {
    private static final LayoutType[] LAYOUT = {
      LayoutType.BATCH, LayoutType.CHANNEL, LayoutType.WIDTH
    };

    Guarded1d(Conv1d.Builder b) {
      super(b);
    }

    @Override
    protected LayoutType[] getExpectedLayout() {
      return LAYOUT;
    }

    @Override
    protected String getStringLayout() {
      return "NCW";
    }

    @Override
    protected int numDimensions() {
      return 3;
    }

    @Override
    protected NDList forwardInternal(
        ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
      return guardedForward(ps, inputs, training, weight, bias, this);
    }
  }
}
