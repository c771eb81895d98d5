package org.gyrus.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Datasets;
import org.junit.jupiter.api.Test;

/**
 * Polyak averaging: the average follows the reference recursion, is swapped in and out, and a
 * recipe's {@code ema} evaluates it without changing the training path.
 */
class WeightAverageTest {

  static Parameter weight(Block b) {
    return b.getParameters().get("weight");
  }

  static void setAll(Parameter p, float v) {
    NDArray w = p.getArray();
    float[] x = new float[(int) w.size()];
    java.util.Arrays.fill(x, v);
    w.set(x);
  }

  @Test
  void averageFollowsTheWarmedUpRecursionAndSwapsBack() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      Block lin = Linear.builder().setUnits(2).build();
      lin.initialize(m, DataType.FLOAT32, new Shape(1, 3));
      Parameter w = weight(lin);
      setAll(w, 1f);
      double decay = 0.9;
      try (WeightAverage avg = new WeightAverage(lin, decay, m)) {
        // the live weights take the values 2, 3, ..., 41 after successive optimiser steps
        double ref = 1;
        for (int t = 1; t <= 40; t++) {
          setAll(w, t + 1f);
          avg.update();
          double d = Math.min(decay, (1.0 + t) / (10.0 + t));
          ref = d * ref + (1 - d) * (t + 1);
        }
        assertThat(avg.updates()).isEqualTo(40);
        double expected = ref;
        NDArray x = m.ones(new Shape(1, 3));
        ParameterStore ps = new ParameterStore(m, false);
        float[] seen = avg.withAverage(() -> w.getArray().toFloatArray());
        for (float v : seen) {
          assertThat((double) v).isCloseTo(expected, offset(1e-4));
        }
        // the average lags the last weights (41) by several steps: it is not a copy of them
        assertThat(expected).isBetween(30.0, 39.0);
        // the live weights are back, and the block computes with them
        for (float v : w.getArray().toFloatArray()) {
          assertThat(v).isEqualTo(41f);
        }
        float[] y = lin.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
        float bias = lin.getParameters().get("bias").getArray().toFloatArray()[0];
        assertThat(y[0]).isCloseTo(3 * 41f + bias, offset(1e-3f));
      }
    }
  }

  @Test
  void earlyUpdatesForgetTheInitialisationQuickly() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      Block lin = Linear.builder().setUnits(1).build();
      lin.initialize(m, DataType.FLOAT32, new Shape(1, 1));
      Parameter w = weight(lin);
      setAll(w, 100f);
      try (WeightAverage avg = new WeightAverage(lin, 0.9999, m)) {
        assertThat(avg.decayAt(1)).isCloseTo(2.0 / 11, offset(1e-12));
        assertThat(avg.decayAt(1_000_000)).isEqualTo(0.9999);
        setAll(w, 0f);
        for (int t = 0; t < 50; t++) {
          avg.update();
        }
        // a plain 0.9999 average would still hold 99.5 of the initial 100
        float got = avg.withAverage(() -> w.getArray().toFloatArray()[0]);
        assertThat(got).isLessThan(1e-3f);
      }
    }
  }

  @Test
  void recipeEmaValidatesTheAverageAndLeavesTrainingAlone() {
    DataSplits d = Datasets.embeddedDemo(1);
    DataSplits small =
        new DataSplits(d.train().head(2000), d.validation().head(500), d.test().head(500));
    Value mlp =
        SpecCodec.fromYaml(
            "{_type: model, body: [{_type: flatten}, {_type: dense, units: 64, activation: relu}]}");
    Recipe base = Recipe.defaults().with("epochs", 3, "seed", 5, "batch_size", 64, "lr", 3e-3);
    ProgressBar quiet = new ProgressBar("t", false);
    TrainResult plain = TrainAndEvaluate.run(mlp, base, small, EpochListener.none(), quiet);
    TrainResult avg =
        TrainAndEvaluate.run(mlp, base.with("ema", 0.95), small, EpochListener.none(), quiet);
    // the live weights follow the same path (the average is swapped back after every evaluation)
    // ...
    for (int e = 0; e < 3; e++) {
      assertThat(avg.history().get(e).trainLoss()).isEqualTo(plain.history().get(e).trainLoss());
    }
    // ... while what is validated and tested is the average, a different set of weights
    assertThat(avg.history().stream().map(EpochReport::valAccuracy).toList())
        .isNotEqualTo(plain.history().stream().map(EpochReport::valAccuracy).toList());
    assertThat(avg.testAccuracy()).isGreaterThan(0.6);
    assertThat(Recipe.defaults().toNode().args()).doesNotContainKey("ema");
    assertThat(Recipe.from(base.with("ema", 0.95).toNode()).ema()).isEqualTo(0.95);
  }

  @Test
  void decayOutsideTheUnitIntervalIsRejected() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      Block lin = Linear.builder().setUnits(1).build();
      lin.initialize(m, DataType.FLOAT32, new Shape(1, 1));
      assertThatThrownBy(() -> new WeightAverage(lin, 1.0, m)).isInstanceOf(SpecError.class);
      assertThatThrownBy(() -> new WeightAverage(lin, -0.1, m)).isInstanceOf(SpecError.class);
    }
  }
}
