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
 * Convolutions that are right. The oneDNN 3.7.1 inside DJL's PyTorch 2.7.1, on this project's
 * machines (AMD EPYC; Debian's torch 1.13 is right on the same machine), gets two classes of
 * float32 convolution with a kernel wider than 1 wrong, by tens of percent or NaN, and with two
 * threads differently from run to run: the input gradient when a channel count is not a multiple of
 * its SIMD block (16 with AVX-512, 8 with AVX2), and the forward pass itself when there are more
 * than 16 input channels, not a multiple of 16. 1x1 kernels, weight gradients and float64 are
 * right. So such a convolution is computed with its input channels (and, when its input gradient
 * will be taken, its output channels) padded with zeros to multiples of 16 and the extra outputs
 * dropped: the same function and gradients, from kernels that are right. ConvGradientTest checks
 * every shape class against float64 (NOTES.md, tenth session).
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
   * (F); padded to channel multiples of 16 when its output or its input gradient would otherwise be
   * wrong.
   */
  public static NDArray conv(
      NDArray x, NDArray w, NDArray bias, Shape stride, Shape pad, Shape dilation, int groups) {
    boolean backward = backwardAtRisk(x, w, groups);
    if (!backward && !forwardAtRisk(x, w, groups)) {
      return x.getNDArrayInternal()
          .convolution(x, w, bias, stride, pad, dilation, groups)
          .singletonOrThrow();
    }
    long cin = w.getShape().get(1);
    long cout = w.getShape().get(0);
    long cin16 = roundUp(cin);
    long cout16 = backward ? roundUp(cout) : cout;
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
  static boolean backwardAtRisk(NDArray x, NDArray w, int groups) {
    Shape s = w.getShape();
    boolean offBlock = s.get(0) % BLOCK != 0 || s.get(1) % BLOCK != 0;
    return wideFloat(x, w, groups)
        && JniUtils.isGradMode()
        && offBlock
        && (s.get(1) > 3 || x.hasGradient());
  }

  /**
   * Whether the engine's forward pass itself is wrong: more than 16 input channels, not a multiple
   * of 16 (20, 24, 40: off by about 20%, or NaN, in inference too); fewer than 16 are right.
   */
  static boolean forwardAtRisk(NDArray x, NDArray w, int groups) {
    long cin = w.getShape().get(1);
    return wideFloat(x, w, groups) && cin > BLOCK && cin % BLOCK != 0;
  }

  /** An ungrouped float32 convolution with a kernel wider than 1: where oneDNN goes wrong. */
  private static boolean wideFloat(NDArray x, NDArray w, int groups) {
    if (groups != 1 || x.getDataType() != DataType.FLOAT32) {
      return false;
    }
    Shape s = w.getShape();
    boolean wide = false;
    for (int i = 2; i < s.dimension(); i++) {
      wide |= s.get(i) > 1;
    }
    return wide;
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
