package org.gyrus.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Datasets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Short versions of the issue-23 claims runs (bench/claims): B20 noise and B21 curriculum. */
class ClaimsMechanismsTest {
  static final Value MLP4 =
      SpecCodec.fromYaml(
          "[{_type: flatten}, {_type: dense, units: 50, activation: relu},"
              + " {_type: dense, units: 50, activation: relu},"
              + " {_type: dense, units: 50, activation: relu},"
              + " {_type: dense, units: 50, activation: relu}]");

  static ProgressBar quiet() {
    return new ProgressBar("t", false);
  }

  @Test
  void init_std_draws_gaussian_weights_and_zero_biases() {
    CompiledModel m = CompiledModel.classifier(MLP4, new ai.djl.ndarray.types.Shape(1, 28, 28), 10);
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
      Trainer t = new Trainer(m, Recipe.defaults().with("init_std", 0.1, "seed", 3), manager);
      int weights = 0;
      for (Parameter p : t.block().getParameters().values()) {
        float[] v = p.getArray().toFloatArray();
        if (p.getType() == Parameter.Type.WEIGHT) {
          double mean = Arrays.stream(toDouble(v)).average().orElseThrow();
          double sd = Math.sqrt(Arrays.stream(toDouble(v)).map(x -> x * x).average().orElseThrow());
          assertThat(mean).isCloseTo(0, offset(0.02));
          // 500 to 39,200 draws: the sample sd is within a few percent of 0.1
          assertThat(sd).isCloseTo(0.1, offset(0.012));
          weights++;
        } else {
          assertThat(v).containsOnly(0f);
        }
      }
      assertThat(weights).isEqualTo(5);
    }
  }

  private static double[] toDouble(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }

  @Test
  void four_layer_mlp_from_poor_init_trains_with_gradient_noise_on_mnist() {
    String dir = System.getenv("GYRUS_DATA");
    Assumptions.assumeTrue(dir != null, "GYRUS_DATA not set: skipping the MNIST noise run");
    DataSplits all = Datasets.idx(Path.of(dir), "mnist", 1.0 / 12, 1);
    DataSplits d =
        new DataSplits(all.train().head(4000), all.validation().head(1000), all.test().head(2000));
    Recipe r =
        Recipe.defaults()
            .with(
                "optimizer",
                "sgd",
                "momentum",
                0.0,
                "lr",
                0.1,
                "batch_size",
                128,
                "epochs",
                3,
                "init_std",
                0.1,
                "grad_noise",
                0.01,
                "seed",
                1);
    TrainResult res = TrainAndEvaluate.run(MLP4, r, d, EpochListener.none(), quiet());
    assertThat(res.stopReason()).isEqualTo("epochs");
    // chance is 11% (the commonest digit); the bench calls a run trained above 50%
    assertThat(res.testAccuracy()).isGreaterThan(0.5);
  }

  @Test
  void scored_curriculum_prefers_low_loss_examples_and_keeps_its_scores() {
    float[] loss = new float[1000];
    for (int i = 0; i < loss.length; i++) {
      loss[i] = i < 500 ? 0.05f : 2.0f;
    }
    Curriculum c = Curriculum.scored(loss);
    c.record(0, 100f); // ignored: the scores are fixed
    int[] chosen = c.select(0, new SplittableRandom(2));
    assertThat(chosen).hasSize(250).doesNotHaveDuplicates();
    // weight 1/loss: an easy example is 40x likelier per draw than a hard one
    assertThat(Arrays.stream(chosen).filter(i -> i < 500).count()).isGreaterThan(240);
    assertThat(chosen).contains(0);
    assertThat(c.select(2, new SplittableRandom(2))).hasSize(1000);
    assertThatThrownBy(() -> Curriculum.scored(new float[] {0.1f, Float.NaN}))
        .hasMessageContaining("curriculum score 1");
  }

  @Test
  void equal_step_epochs_sum_the_cycle_to_the_vanilla_epochs() {
    assertThat(Curriculum.epochsForEqualSteps(9)).isEqualTo(16); // 4 cycles of 2.25
    assertThat(Curriculum.epochsForEqualSteps(1)).isEqualTo(3); // 0.25 + 0.5 + 1 >= 1
    assertThat(Curriculum.epochsForEqualSteps(2.25)).isEqualTo(4);
  }

  @Test
  void one_epoch_scored_curriculum_run_trains_on_a_quarter_of_the_data() {
    DataSplits demo = Datasets.embeddedDemo(1);
    DataSplits d =
        new DataSplits(demo.train().head(2000), demo.validation().head(500), demo.test().head(500));
    CompiledModel model = CompiledModel.classifier(MLP4, d.train().exampleShape(), 10);
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
      Trainer scorer = new Trainer(model, Recipe.defaults().with("epochs", 2, "seed", 1), manager);
      scorer.fit(d, EpochListener.none(), quiet());
      float[] losses = scorer.exampleLosses(d.train());
      assertThat(losses).hasSize(2000);
      // loss < ln 2 means p(true) > 1/2, so the example is classified correctly
      long sure = 0;
      for (float l : losses) {
        assertThat(l).isFinite().isGreaterThanOrEqualTo(0f);
        sure += l < Math.log(2) ? 1 : 0;
      }
      assertThat((double) sure / losses.length).isLessThanOrEqualTo(scorer.accuracy(d.train()));
      Recipe ccl =
          Recipe.defaults()
              .with("epochs", 1, "seed", 1, "curriculum", true, "lr", 3e-3, "batch_size", 32);
      Trainer t =
          new Trainer(CompiledModel.classifier(MLP4, d.train().exampleShape(), 10), ccl, manager);
      TrainResult r = t.scoreCurriculumBy(losses).fit(d, EpochListener.none(), quiet());
      assertThat(r.history()).hasSize(1);
      assertThat(r.history().get(0).dataFraction()).isEqualTo(0.25);
      assertThat(r.testAccuracy()).isGreaterThan(0.4);
      Trainer wrong =
          new Trainer(CompiledModel.classifier(MLP4, d.train().exampleShape(), 10), ccl, manager);
      assertThatThrownBy(
              () -> wrong.scoreCurriculumBy(new float[3]).fit(d, EpochListener.none(), quiet()))
          .hasMessageContaining("3 given for 2000 training examples");
    }
  }
}
