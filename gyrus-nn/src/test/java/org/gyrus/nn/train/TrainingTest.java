package org.gyrus.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.Space;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.data.Datasets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrainingTest {
  static DataSplits small;
  static final Value MLP =
      SpecCodec.fromYaml(
          "{_type: model, body: [{_type: flatten}, {_type: dense, units: 64, activation: relu}, {_type: dropout, rate: 0.1}]}");

  @BeforeAll
  static void data() {
    DataSplits d = Datasets.embeddedDemo(1);
    small = new DataSplits(d.train().head(2000), d.validation().head(500), d.test().head(500));
  }

  static ProgressBar quiet() {
    return new ProgressBar("t", false);
  }

  @Test
  void mlp_reaches_85_percent_on_fashion_mnist_test_set() {
    String dir = System.getenv("GYRUS_DATA");
    Assumptions.assumeTrue(dir != null, "GYRUS_DATA not set: skipping the full Fashion-MNIST run");
    DataSplits d = Datasets.idx(Path.of(dir), "fashion-mnist", 1.0 / 12, 1);
    Value mlp =
        SpecCodec.fromYaml("[{_type: flatten}, {_type: dense, units: 256, activation: relu}]");
    TrainResult r =
        TrainAndEvaluate.run(
            mlp,
            Recipe.defaults().with("epochs", 3, "batch_size", 128),
            d,
            EpochListener.none(),
            quiet());
    assertThat(r.params()).isEqualTo(784 * 256 + 256 + 2570);
    assertThat(r.testAccuracy()).isGreaterThanOrEqualTo(0.85);
    assertThat(r.valAccuracy()).isGreaterThanOrEqualTo(0.85);
    assertThat(r.latencyMs()).isPositive();
  }

  @Test
  void runs_repeat_exactly_with_the_same_seed() {
    Recipe r =
        Recipe.defaults()
            .with(
                "epochs",
                3,
                "seed",
                42,
                "curriculum",
                true,
                "grad_noise",
                0.01,
                "clip_norm",
                1.0,
                "optimizer",
                "sgd",
                "nesterov",
                true,
                "lr",
                0.05,
                "schedule",
                "cosine",
                "weight_decay",
                1e-4);
    TrainResult a = TrainAndEvaluate.run(MLP, r, small, EpochListener.none(), quiet());
    TrainResult b = TrainAndEvaluate.run(MLP, r, small, EpochListener.none(), quiet());
    assertThat(a.history())
        .extracting(EpochReport::trainLoss)
        .containsExactlyElementsOf(b.history().stream().map(EpochReport::trainLoss).toList());
    assertThat(a.testAccuracy()).isEqualTo(b.testAccuracy());
    assertThat(a.history()).extracting(EpochReport::dataFraction).containsExactly(0.25, 0.5, 1.0);
    TrainResult c =
        TrainAndEvaluate.run(MLP, r.with("seed", 43), small, EpochListener.none(), quiet());
    assertThat(c.finalTrainLoss()).isNotEqualTo(a.finalTrainLoss());
    assertThat(a.testAccuracy()).isGreaterThan(0.6);
  }

  @Test
  void listener_sees_every_epoch_and_can_prune() {
    List<EpochReport> seen = new ArrayList<>();
    TrainResult r =
        TrainAndEvaluate.run(
            MLP,
            Recipe.defaults().with("epochs", 5, "optimizer", "adamw", "weight_decay", 0.01),
            small,
            rep -> {
              seen.add(rep);
              return rep.epoch() < 2;
            },
            quiet());
    assertThat(seen).hasSize(2);
    assertThat(r.stopReason()).isEqualTo("pruned");
    assertThat(r.epochs()).isEqualTo(2);
    assertThat(seen.get(1).valAccuracy()).isBetween(0.3, 1.0);
  }

  @Test
  void time_budget_and_early_stopping_end_training() {
    TrainResult timed =
        TrainAndEvaluate.run(
            MLP,
            Recipe.defaults().with("epochs", 1000, "max_seconds", 0.5),
            small,
            EpochListener.none(),
            quiet());
    assertThat(timed.stopReason()).isEqualTo("time");
    assertThat(timed.trainSeconds()).isLessThan(5);
    // a learning rate too small to change any prediction: validation accuracy stalls at once
    TrainResult stalled =
        TrainAndEvaluate.run(
            MLP,
            Recipe.defaults()
                .with(
                    "epochs", 10, "lr", 1e-12, "optimizer", "sgd", "momentum", 0.0, "patience", 2),
            small,
            EpochListener.none(),
            quiet());
    assertThat(stalled.stopReason()).isEqualTo("early_stopping");
    assertThat(stalled.epochs()).isEqualTo(3);
  }

  /** Space -> DNA -> concrete spec -> trained network -> metrics, as a study's evaluator does. */
  @Test
  void architectures_sampled_from_the_demo_space_train() throws java.io.IOException {
    Space space;
    try (java.io.InputStream in =
        TrainingTest.class.getResourceAsStream("/org/gyrus/nn/spaces/fashion-cnn.yaml")) {
      space =
          new Space(
              SpecCodec.fromYaml(
                  new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }
    java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
    for (int i = 0; i < 2; i++) {
      Value spec = space.materialise(space.sample(rng));
      TrainResult r =
          TrainAndEvaluate.run(
              spec,
              Recipe.defaults().with("epochs", 1, "batch_size", 64),
              small,
              EpochListener.none(),
              quiet());
      assertThat(r.testAccuracy())
          .as(SpecCodec.toYaml(spec))
          .isGreaterThan(0.2); // chance is 0.1; weak samples learn slowly in one short epoch
      assertThat(r.metrics())
          .containsKeys("val_accuracy", "test_accuracy", "params", "flops", "latency_ms");
      assertThat(r.flops()).isGreaterThan(r.params());
    }
  }

  @Test
  void augmented_training_learns_repeats_and_needs_images() {
    Value cnn =
        SpecCodec.fromYaml(
            "[{_type: conv2d, filters: 8, kernel: 3, activation: relu}, {_type: max_pool, kernel: 2}]");
    Recipe r = Recipe.defaults().with("epochs", 2, "batch_size", 64, "shift", 2, "flip", true);
    TrainResult a = TrainAndEvaluate.run(cnn, r, small, EpochListener.none(), quiet());
    TrainResult b = TrainAndEvaluate.run(cnn, r, small, EpochListener.none(), quiet());
    assertThat(a.testAccuracy()).as("augmented CNN, 2000 images").isGreaterThan(0.55);
    assertThat(b.testAccuracy()).isEqualTo(a.testAccuracy());
    assertThat(r.toNode().intArg("shift", -1)).isEqualTo(2);
    assertThatThrownBy(() -> Recipe.defaults().with("shift", 9))
        .hasMessageStartingWith("recipe.shift: expected a value in [0, 8], got 9");
    Dataset flat =
        new Dataset("flat", new float[40], new int[10], new ai.djl.ndarray.types.Shape(4), 2);
    assertThatThrownBy(
            () ->
                TrainAndEvaluate.run(
                    SpecCodec.fromYaml("[{_type: dense, units: 4}]"),
                    Recipe.defaults().with("epochs", 1, "shift", 1),
                    new DataSplits(flat, flat, flat),
                    EpochListener.none(),
                    quiet()))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("image data (C,H,W) to augment");
  }

  @Test
  void bad_spec_fails_before_training_with_the_path() {
    Value bad =
        SpecCodec.fromYaml("{_type: model, body: [{_type: flatten}, {_type: conv2d, filters: 4}]}");
    assertThatThrownBy(
            () ->
                TrainAndEvaluate.run(bad, Recipe.defaults(), small, EpochListener.none(), quiet()))
        .isInstanceOf(SpecError.class)
        .hasMessage("model.body[1]: conv2d expects 4 axes (N,C,H,W), got (N,784)");
    assertThatThrownBy(() -> Recipe.defaults().with("lrr", 0.1))
        .hasMessageStartingWith(
            "recipe.lrr: expected one of the arguments of recipe [optimizer, lr");
    assertThatThrownBy(() -> Recipe.defaults().with("optimizer", "adagrad"))
        .hasMessageStartingWith("recipe.optimizer: expected one of [sgd, adam, adamw]");
  }
}
