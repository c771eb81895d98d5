package org.gyrus.nas.oneshot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.nn.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared supernet's single-path gradients must not read memory the garbage collector may have
 * freed (see gyrus-nn's ScalarLifetimeTest): the same step with a GC and a NaN allocation storm
 * between forward and backward gives the same gradients. A step whose gradients are not finite is
 * skipped and counted, never applied.
 */
class SupernetLifetimeTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|",
        "|none~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|",
        "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|"
      })
  void pathGradientsDoNotReadFreedMemory(String arch) {
    Genotype g = Genotype.parse(arch);
    float[] quiet = gradients(g, false);
    float[] stormy = gradients(g, true);
    assertThat(stormy).containsExactly(quiet);
  }

  @Test
  void aStepWithANonFiniteGradientIsSkippedAndCounted() {
    Genotype g =
        Genotype.parse(
            "|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|");
    Dataset d = data(8, 6);
    try (SharedSupernet s = new SharedSupernet(4, 1, 10, 8, 7)) {
      NDArray[] b = s.batch(d, new int[] {0, 1, 2, 3, 4, 5}, 0, 6, null);
      float[] before = weights(s);
      NDArray poisoned = b[0].duplicate();
      poisoned.set(new ai.djl.ndarray.index.NDIndex("0, 0, 0, 0"), Float.NaN);
      double loss = s.trainPath(new NDArray[] {poisoned, b[1]}, g, 0.1);
      assertThat(loss).isNaN();
      assertThat(s.nonFiniteSteps).isEqualTo(1);
      assertThat(weights(s)).containsExactly(before);
      assertThat(s.trainPath(b, g, 0.1)).isFinite();
      assertThat(s.nonFiniteSteps).isEqualTo(1);
      assertThat(weights(s)).isNotEqualTo(before);
    }
  }

  /**
   * The trained weights (BN running statistics are not trained, and every path uses batch ones).
   */
  private static float[] weights(SharedSupernet s) {
    float[] out = new float[0];
    for (var p : s.net.getParameters().values()) {
      if (!p.requiresGradient()) {
        continue;
      }
      float[] w = p.getArray().toFloatArray();
      out = Arrays.copyOf(out, out.length + w.length);
      System.arraycopy(w, 0, out, out.length - w.length, w.length);
    }
    return out;
  }

  private static Dataset data(int side, int n) {
    SplittableRandom rng = new SplittableRandom(1);
    float[] x = new float[n * 3 * side * side];
    int[] y = new int[n];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) rng.nextGaussian();
    }
    for (int i = 0; i < n; i++) {
      y[i] = i % 10;
    }
    return new Dataset("t", x, y, new Shape(3, side, side), 10);
  }

  private static float[] gradients(Genotype g, boolean storm) {
    int side = 8;
    int n = 6;
    Dataset d = data(side, n);
    try (SharedSupernet s = new SharedSupernet(4, 1, 10, side, 7)) {
      NDArray[] b = s.batch(d, new int[] {0, 1, 2, 3, 4, 5}, 0, n, new SplittableRandom(2));
      List<ByteBuffer> keep;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray loss = SharedSupernet.crossEntropy(s.pathLogits(b[0], g, true), b[1]);
        keep = storm ? storm() : List.of();
        gc.backward(loss);
      }
      float[] out = new float[0];
      for (var p : s.net.getParameters().values()) {
        NDArray a = p.getArray();
        if (a.hasGradient()) {
          float[] gr = a.getGradient().toFloatArray();
          out = Arrays.copyOf(out, out.length + gr.length);
          System.arraycopy(gr, 0, out, out.length - gr.length, gr.length);
        }
      }
      Reference.reachabilityFence(keep);
      return out;
    }
  }

  private static List<ByteBuffer> storm() {
    List<ByteBuffer> keep = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      System.gc();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      for (int i = 0; i < 4000; i++) {
        ByteBuffer bb = ByteBuffer.allocateDirect(4 << (i % 6)).order(ByteOrder.nativeOrder());
        while (bb.remaining() >= 4) {
          bb.putFloat(Float.NaN);
        }
        keep.add(bb);
      }
    }
    return keep;
  }
}
