package org.gyrus.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.core.Value;
import org.junit.jupiter.api.Test;

/** Optimizer updates against scalar reference formulas (PyTorch's), schedules, curriculum. */
class OptimizerScheduleTest {
  static final double[] W0 = {0.5, -1.0, 2.0};
  static final double[][] G = {{0.1, -0.2, 0.3}, {-0.4, 0.5, 0.05}, {0.2, 0.2, -0.1}};

  static double[] run(Recipe r) {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      NDArray w = m.create(W0);
      Optimizer opt = Optimizer.of(r, List.of(w));
      for (int t = 0; t < G.length; t++) {
        opt.step(List.of(w), List.of(m.create(G[t])), (float) r.lr(), t + 1);
      }
      return w.toDoubleArray();
    }
  }

  @Test
  void sgd_nesterov_matches_reference() {
    double lr = 0.1, mu = 0.9, wd = 0.01;
    double[] w = W0.clone();
    double[] b = new double[3];
    for (double[] g0 : G) {
      for (int i = 0; i < 3; i++) {
        double g = g0[i] + wd * w[i];
        b[i] = mu * b[i] + g;
        w[i] -= lr * (g + mu * b[i]);
      }
    }
    double[] got =
        run(
            Recipe.defaults()
                .with(
                    "optimizer",
                    "sgd",
                    "lr",
                    lr,
                    "momentum",
                    mu,
                    "nesterov",
                    true,
                    "weight_decay",
                    wd));
    for (int i = 0; i < 3; i++) {
      assertThat(got[i]).isCloseTo(w[i], offset(1e-6));
    }
  }

  @Test
  void adam_and_adamw_match_reference() {
    for (double[] betas : new double[][] {{0.9, 0.999}, {0.5, 0.9}})
      for (boolean decoupled : new boolean[] {false, true}) {
        double lr = 0.01, wd = 0.1, b1 = betas[0], b2 = betas[1], eps = 1e-8;
        double[] w = W0.clone();
        double[] m = new double[3];
        double[] v = new double[3];
        for (int t = 1; t <= G.length; t++) {
          for (int i = 0; i < 3; i++) {
            double g = G[t - 1][i];
            if (decoupled) {
              w[i] *= 1 - lr * wd;
            } else {
              g += wd * w[i];
            }
            m[i] = b1 * m[i] + (1 - b1) * g;
            v[i] = b2 * v[i] + (1 - b2) * g * g;
            double mh = m[i] / (1 - Math.pow(b1, t));
            double vh = v[i] / (1 - Math.pow(b2, t));
            w[i] -= lr * mh / (Math.sqrt(vh) + eps);
          }
        }
        // the betas given the way a search gives them: inside the optimiser's own node
        Value.Node adam = Value.Node.of(decoupled ? "adamw" : "adam", "beta1", b1, "beta2", b2);
        double[] got =
            run(
                Recipe.from(
                    Value.Node.of("recipe", "optimizer", adam, "lr", lr, "weight_decay", wd)));
        for (int i = 0; i < 3; i++) {
          assertThat(got[i]).as("adamw=%s b2=%s", decoupled, b2).isCloseTo(w[i], offset(1e-6));
        }
      }
  }

  @Test
  void an_optimiser_node_takes_only_its_own_settings_once() {
    Recipe sgd =
        Recipe.from(
            Value.Node.of(
                "recipe", "optimizer", Value.Node.of("sgd", "momentum", 0.5, "nesterov", true)));
    assertThat(sgd.optimizer()).isEqualTo("sgd");
    assertThat(sgd.momentum()).isEqualTo(0.5);
    assertThat(sgd.nesterov()).isTrue();
    assertThatThrownBy(
            () ->
                Recipe.from(
                    Value.Node.of("recipe", "optimizer", Value.Node.of("sgd", "beta2", 0.9))))
        .hasMessageContaining("recipe.optimizer")
        .hasMessageContaining("beta2");
    assertThatThrownBy(
            () ->
                Recipe.from(
                    Value.Node.of(
                        "recipe",
                        "momentum",
                        0.8,
                        "optimizer",
                        Value.Node.of("sgd", "momentum", 0.5))))
        .hasMessageContaining("recipe.momentum: one setting");
    assertThatThrownBy(() -> Recipe.from(Value.Node.of("recipe", "optimizer", "rmsprop")))
        .hasMessageContaining("recipe.optimizer: expected one of [sgd, adam, adamw]");
  }

  @Test
  void schedules_start_and_end_where_they_should() {
    Recipe cos = Recipe.defaults().with("lr", 0.1, "schedule", "cosine");
    assertThat(Schedule.lr(cos, 0, 10)).isCloseTo(0.1, offset(1e-12));
    assertThat(Schedule.lr(cos, 5, 10)).isCloseTo(0.05, offset(1e-12));
    assertThat(Schedule.lr(cos, 10, 10)).isCloseTo(0, offset(1e-12));
    Recipe pow = cos.with("schedule", "cosine_power", "power", 10.0);
    assertThat(Schedule.lr(pow, 0, 10)).isCloseTo(0.1, offset(1e-12));
    assertThat(Schedule.lr(pow, 5, 10)).isCloseTo(0.1 * (Math.sqrt(10) - 1) / 9, offset(1e-12));
    assertThat(Schedule.lr(pow, 5, 10)).isLessThan(Schedule.lr(cos, 5, 10));
    Recipe step = cos.with("schedule", "step", "step_every", 3, "gamma", 0.5);
    assertThat(Schedule.lr(step, 2.9, 10)).isEqualTo(0.1);
    assertThat(Schedule.lr(step, 6.0, 10)).isCloseTo(0.025, offset(1e-12));
    assertThat(Schedule.noiseStd(0.3, 0)).isCloseTo(Math.sqrt(0.3), offset(1e-12));
    assertThat(Schedule.noiseStd(0.3, 99))
        .isCloseTo(Math.sqrt(0.3 / Math.pow(100, 0.55)), offset(1e-12));
  }

  @Test
  void curriculum_cycles_and_prefers_easy_examples() {
    assertThat(
            new double[] {
              Curriculum.fraction(0),
              Curriculum.fraction(1),
              Curriculum.fraction(2),
              Curriculum.fraction(3),
              Curriculum.fraction(4)
            })
        .containsExactly(0.25, 0.5, 1.0, 0.5, 0.25);
    Curriculum c = new Curriculum(1000);
    for (int i = 0; i < 1000; i++) {
      c.record(i, i < 500 ? 0.1f : 3.0f);
    }
    int[] chosen = c.select(0, new SplittableRandom(1));
    assertThat(chosen).hasSize(250).doesNotHaveDuplicates();
    long easy = java.util.Arrays.stream(chosen).filter(i -> i < 500).count();
    assertThat(easy).isGreaterThan(200);
    assertThat(c.select(2, new SplittableRandom(1))).hasSize(1000);
  }

  @Test
  void progress_line_shows_loss_accuracy_throughput_eta() {
    String line = ProgressBar.line("train", 50, 100, 0.4321, 0.875, 12345, 10);
    assertThat(line)
        .contains("[############............]")
        .contains(" 50%")
        .contains("loss 0.4321")
        .contains("acc  87.5%")
        .contains("12,345 ex/s")
        .endsWith("ETA 0:10");
  }
}
