package org.gyrus.nn.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.SplittableRandom;
import org.gyrus.core.Value.ListVal;
import org.gyrus.core.Value.Node;
import org.gyrus.nn.blocks.CompiledModel;
import org.junit.jupiter.api.Test;

/** Attributions on networks whose relevance is known by construction. */
class AttributionsTest {
  private static final Shape SHAPE = new Shape(1, 4, 4);

  /** A linear model y = W x + b: every method must give w_c ⊙ x exactly (zero baseline). */
  @Test
  void linearModelAttributionIsWeightTimesInput() {
    CompiledModel m =
        CompiledModel.classifier(
            Node.of("model", "body", ListVal.of(Node.of("flatten"))), SHAPE, 3);
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
      Block block = m.initialize(manager, DataType.FLOAT32);
      SplittableRandom rng = new SplittableRandom(4);
      float[] w = null;
      for (var p : block.getParameters()) {
        float[] v = new float[(int) p.getValue().getArray().size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = (float) rng.nextDouble(-1, 1);
        }
        p.getValue().getArray().set(v);
        if (p.getValue().getType() == Parameter.Type.WEIGHT) {
          w = v;
        }
      }
      float[] xs = new float[2 * 16];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = (float) rng.nextDouble();
      }
      int[] cls = {2, 0};
      Attributions a = new Attributions(block, manager, SHAPE);
      float[] gi = a.gradientTimesInput(xs, cls);
      float[] ig = a.integratedGradients(xs, cls, 8);
      float[] oc = a.occlusion(xs, cls, 1);
      for (int n = 0; n < 2; n++) {
        for (int i = 0; i < 16; i++) {
          double expected = w[cls[n] * 16 + i] * xs[n * 16 + i];
          assertThat((double) gi[n * 16 + i]).isCloseTo(expected, within(1e-5));
          assertThat((double) ig[n * 16 + i]).isCloseTo(expected, within(1e-5));
          assertThat((double) oc[n * 16 + i]).isCloseTo(expected, within(1e-5));
        }
      }
    }
  }

  /** Completeness: integrated gradients of a ReLU CNN sum to f(x) − f(0). */
  @Test
  void integratedGradientsAreComplete() {
    CompiledModel m =
        CompiledModel.classifier(
            Node.of(
                "model",
                "body",
                ListVal.of(
                    Node.of(
                        "conv2d",
                        "filters",
                        4,
                        "kernel",
                        3,
                        "padding",
                        "same",
                        "activation",
                        "relu"),
                    Node.of("flatten"),
                    Node.of("dense", "units", 8, "activation", "relu"))),
            SHAPE,
            3);
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
      manager.getEngine().setRandomSeed(3);
      Block block = m.initialize(manager, DataType.FLOAT32);
      SplittableRandom rng = new SplittableRandom(5);
      float[] xs = new float[16];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = (float) rng.nextDouble();
      }
      int[] cls = {1};
      Attributions a = new Attributions(block, manager, SHAPE);
      float[] ig = a.integratedGradients(xs, cls, 256);
      double sum = 0;
      for (float v : ig) {
        sum += v;
      }
      double gap = a.logits(xs, cls)[0] - a.logits(new float[16], cls)[0];
      assertThat(sum).isCloseTo(gap, within(0.02 * Math.abs(gap) + 1e-3));
    }
  }

  @Test
  void alignmentIsTheShareOfMassInsideTheMask() {
    float[] attr = {1, -3, 0, 4};
    boolean[] mask = {true, true, false, false};
    assertThat(Attributions.alignment(attr, 0, 4, mask)).isCloseTo(0.5, within(1e-12));
    assertThat(Attributions.alignment(new float[4], 0, 4, mask)).isEqualTo(0.0);
  }
}
