package org.gyrus.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Float32 convolutions against float64 (which the engine computes without oneDNN, correctly): the
 * output, the input gradient and the weight gradient, for every class of shape where oneDNN 3.7.1
 * gets the input gradient wrong (channel counts off its SIMD block, kernels 3 and 5, strides 1 and
 * 2, 1-D and 2-D) and a few where it does not. Each shape runs three times, since with two threads
 * the wrong answer comes and goes. Without {@link Convs}'s padding, 21 of these 30 cases fail on
 * this project's machines.
 */
class ConvGradientTest {
  private static final Engine ENGINE = Engine.getEngine("PyTorch");

  /** (input channels, output channels, kernel, stride, spatial dims). */
  private static final int[][] CASES = {
    {4, 4, 3, 1, 2}, {3, 4, 3, 1, 2}, {8, 8, 3, 1, 2}, {12, 12, 3, 1, 2}, {24, 24, 3, 1, 2},
    {16, 8, 3, 1, 2}, {20, 16, 3, 1, 2}, {32, 12, 3, 1, 2}, {4, 8, 5, 1, 2}, {1, 12, 3, 2, 2},
    {20, 12, 3, 2, 2}, {6, 16, 5, 1, 2}, {16, 16, 3, 1, 2}, {4, 4, 1, 1, 2}, {32, 32, 3, 2, 2},
    {4, 4, 3, 1, 1}, {8, 8, 5, 1, 1}, {12, 20, 3, 1, 1}, {16, 16, 3, 1, 1}, {3, 24, 3, 1, 1},
    {16, 4, 3, 1, 1}, {4, 12, 3, 2, 1}, {24, 8, 3, 1, 1}, {5, 5, 5, 1, 2}, {1, 1, 3, 1, 2},
    {8, 24, 3, 1, 2}, {12, 4, 5, 1, 1}, {20, 20, 3, 1, 2}, {4, 16, 3, 1, 2}, {16, 20, 3, 1, 2}
  };

  @Test
  void floatConvolutionsMatchDoublePrecisionInValueAndBothGradients() {
    List<String> wrong = new ArrayList<>();
    for (int[] c : CASES) {
      double[][] ref = run(c, DataType.FLOAT64);
      for (int rep = 0; rep < 3; rep++) {
        double[][] got = run(c, DataType.FLOAT32);
        String[] names = {"output", "input gradient", "weight gradient", "bias gradient"};
        for (int i = 0; i < ref.length; i++) {
          double err = relativeError(got[i], ref[i]);
          if (!(err < 1e-4)) {
            wrong.add(java.util.Arrays.toString(c) + " " + names[i] + " rel. error " + err);
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void forwardPassesMatchDoublePrecisionOutsideACollector() {
    int[][] cases = {{20, 16, 3, 1, 2}, {24, 32, 3, 2, 2}, {40, 32, 3, 1, 2}, {20, 20, 3, 1, 1}};
    List<String> wrong = new ArrayList<>();
    for (int[] c : cases) {
      double err = relativeError(forward(c, DataType.FLOAT32), forward(c, DataType.FLOAT64));
      if (!(err < 1e-4)) {
        wrong.add(java.util.Arrays.toString(c) + " output rel. error " + err);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void onlyConvolutionsWhoseInputGradientIsTakenArePadded() {
    try (NDManager m = ENGINE.newBaseManager()) {
      NDArray w = m.ones(new Shape(4, 4, 3, 3));
      NDArray x = m.ones(new Shape(2, 4, 8, 8));
      NDArray image = m.ones(new Shape(2, 3, 8, 8));
      NDArray w3 = m.ones(new Shape(4, 3, 3, 3));
      assertThat(Convs.backwardAtRisk(x, w, 1)).as("outside a gradient collector").isFalse();
      try (GradientCollector gc = ENGINE.newGradientCollector()) {
        assertThat(Convs.backwardAtRisk(x, w, 1)).isTrue();
        assertThat(Convs.backwardAtRisk(x, m.ones(new Shape(4, 4, 1, 1)), 1)).as("1x1").isFalse();
        assertThat(Convs.backwardAtRisk(x, w, 4)).as("grouped").isFalse();
        assertThat(
                Convs.backwardAtRisk(
                    m.ones(new Shape(2, 16, 8, 8)), m.ones(new Shape(16, 16, 3, 3)), 1))
            .as("on the block")
            .isFalse();
        assertThat(Convs.backwardAtRisk(image, w3, 1)).as("input images").isFalse();
        image.setRequiresGradient(true);
        assertThat(Convs.backwardAtRisk(image, w3, 1)).as("input images with a gradient").isTrue();
      }
    }
  }

  /** The output of conv(x, w) + b with seeded x, w, b, computed with no gradient collector. */
  private static double[] forward(int[] c, DataType type) {
    Case k = new Case(c);
    try (NDManager m = ENGINE.newBaseManager()) {
      NDArray[] xwb = k.inputs(m, type);
      return values(Convs.conv(xwb[0], xwb[1], xwb[2], k.stride, k.pad, k.dilation, 1));
    }
  }

  /** The shapes of a case row. */
  private static final class Case {
    final Shape spatial;
    final Shape kernel;
    final Shape stride;
    final Shape pad;
    final Shape dilation;
    final int[] row;

    Case(int[] c) {
      row = c;
      int k = c[2];
      boolean two = c[4] == 2;
      spatial = two ? new Shape(12, 12) : new Shape(40);
      kernel = two ? new Shape(k, k) : new Shape(k);
      stride = two ? new Shape(c[3], c[3]) : new Shape(c[3]);
      pad = two ? new Shape(k / 2, k / 2) : new Shape(k / 2);
      dilation = two ? new Shape(1, 1) : new Shape(1);
    }

    /** Seeded x (3 examples), w and b of this case. */
    NDArray[] inputs(NDManager m, DataType type) {
      return new NDArray[] {
        gaussian(m, new Shape(3, row[0]).addAll(spatial), 1, type),
        gaussian(m, new Shape(row[1], row[0]).addAll(kernel), 2, type),
        gaussian(m, new Shape(row[1]), 3, type)
      };
    }
  }

  /** Output, dL/dx, dL/dw, dL/db of L = sum(conv(x, w) + b) * r) with seeded x, w, b, r. */
  private static double[][] run(int[] c, DataType type) {
    Case k = new Case(c);
    try (NDManager m = ENGINE.newBaseManager()) {
      NDArray[] xwb = k.inputs(m, type);
      NDArray x = xwb[0];
      NDArray w = xwb[1];
      NDArray b = xwb[2];
      x.setRequiresGradient(true);
      w.setRequiresGradient(true);
      b.setRequiresGradient(true);
      NDArray y;
      try (GradientCollector gc = ENGINE.newGradientCollector()) {
        y = Convs.conv(x, w, b, k.stride, k.pad, k.dilation, 1);
        NDArray r = gaussian(m, y.getShape(), 4, type);
        gc.backward(y.mul(r).sum());
      }
      return new double[][] {
        values(y), values(x.getGradient()), values(w.getGradient()), values(b.getGradient())
      };
    }
  }

  private static NDArray gaussian(NDManager m, Shape s, long seed, DataType type) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] v = new float[(int) s.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) rng.nextGaussian();
    }
    return m.create(v, s).toType(type, true);
  }

  private static double[] values(NDArray a) {
    return a.toType(DataType.FLOAT64, false).toDoubleArray();
  }

  /** Largest absolute difference over the reference's largest magnitude (NaN if any is NaN). */
  private static double relativeError(double[] got, double[] ref) {
    double diff = 0;
    double scale = 1e-12;
    for (int i = 0; i < ref.length; i++) {
      double d = Math.abs(got[i] - ref[i]);
      if (Double.isNaN(d)) {
        return Double.NaN;
      }
      diff = Math.max(diff, d);
      scale = Math.max(scale, Math.abs(ref[i]));
    }
    return diff / scale;
  }
}
