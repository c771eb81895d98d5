package org.gyrus.nn.untrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.train.EpochListener;
import org.gyrus.nn.train.ProgressBar;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.TrainResult;
import org.gyrus.nn.train.Trainer;
import org.junit.jupiter.api.Test;

class FrozenTypeTest {
  private static final String ENCODER =
      "{_type: embedding, vocab: 5, dim: 16}, {_type: residual, body: {_type: attention, heads: 4}}";

  @Test
  void frozenBodyCountsNoTrainableParametersButKeepsItsShapeAndFlops() {
    Shape in = new Shape(6);
    CompiledModel plain = CompiledModel.classifier(spec("[" + ENCODER + "]"), in, 5);
    CompiledModel frozen =
        CompiledModel.classifier(spec("[{_type: frozen, body: [" + ENCODER + "]}]"), in, 5);
    long head = 6 * 16 * 5 + 5; // flatten, then dense to the 5 classes
    assertThat(frozen.params()).isEqualTo(head);
    assertThat(plain.params()).isGreaterThan(head);
    assertThat(frozen.flops()).isEqualTo(plain.flops());
    assertThat(frozen.output()).isEqualTo(plain.output());
  }

  @Test
  void aBadBodyIsReportedAtItsPath() {
    assertThatThrownBy(
            () ->
                CompiledModel.classifier(
                    spec("[{_type: frozen, body: {_type: conv2d, filters: 2}}]"), new Shape(6), 5))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("body");
    assertThatThrownBy(() -> CompiledModel.classifier(spec("[{_type: frozen}]"), new Shape(6), 5))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("body");
  }

  /**
   * Copy task (label = the first token): the untrained encoder keeps its weights bit for bit, the
   * decoder learns, and the network clears 90% where chance is 20%.
   */
  @Test
  void anUntrainedEncoderStaysAsInitialisedWhileItsDecoderLearns() {
    Value model = spec("[{_type: frozen, body: [" + ENCODER + "]}]");
    DataSplits data = new DataSplits(copyTask(2000, 1), copyTask(200, 2), copyTask(500, 3));
    Recipe recipe =
        Recipe.from(
            (Value.Node)
                SpecCodec.fromYaml(
                    "{_type: recipe, optimizer: adam, lr: 0.01, epochs: 4, batch_size: 50, seed: 3}"));
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
      CompiledModel compiled = CompiledModel.classifier(model, new Shape(6), 5);
      Trainer trainer = new Trainer(compiled, recipe, manager);
      Map<String, float[]> before = frozenValues(trainer);
      assertThat(before).isNotEmpty();
      TrainResult r =
          trainer.fit(data, EpochListener.watching(e -> {}), new ProgressBar("t", false));
      Map<String, float[]> after = frozenValues(trainer);
      assertThat(after.keySet()).isEqualTo(before.keySet());
      before.forEach((k, v) -> assertThat(after.get(k)).as("frozen %s", k).containsExactly(v));
      assertThat(r.testAccuracy()).isGreaterThan(0.9);
      double bits = trainer.meanCrossEntropy(data.test()) / Math.log(2);
      assertThat(bits).as("test bits per label (uniform: log2 5 = 2.32)").isLessThan(1.0);
    }
  }

  private static Map<String, float[]> frozenValues(Trainer trainer) {
    Map<String, float[]> out = new LinkedHashMap<>();
    for (var e : trainer.block().getParameters()) {
      Parameter p = e.getValue();
      if (!p.requiresGradient()) {
        out.put(e.getKey(), p.getArray().toFloatArray());
      }
    }
    return out;
  }

  private static Dataset copyTask(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n * 6];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < 6; t++) {
        x[i * 6 + t] = r.nextInt(5);
      }
      y[i] = (int) x[i * 6];
    }
    return new Dataset("copy", x, y, new Shape(6), 5);
  }

  private static Value spec(String body) {
    return SpecCodec.fromYaml("{_type: model, body: " + body + "}");
  }
}
