package org.gyrus.nn.sg;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Copy task, the gradient a window sends back (the synthetic gradient's target), learning. */
class DniTest {
  @Test
  void recall_targets_repeat_the_symbols_after_the_delimiter() {
    CopyTask task = new CopyTask(5, 4);
    CopyTask.Batch b = task.sample(10, new SplittableRandom(1));
    int s = task.steps();
    for (int i = 0; i < 10; i++) {
      for (int p = 0; p < 5; p++) {
        int shown = argmax(b.inputs(), (i * s + p) * task.tokens(), task.tokens());
        assertThat(b.targets()[i * s + 6 + p]).isEqualTo(shown - 1);
        assertThat(b.targets()[i * s + p]).isEqualTo(CopyTask.IGNORE);
      }
      assertThat(argmax(b.inputs(), (i * s + 5) * task.tokens(), task.tokens())).isEqualTo(5);
    }
  }

  private static int argmax(float[] v, int from, int n) {
    int best = 0;
    for (int j = 1; j < n; j++) {
      best = v[from + j] > v[from + best] ? j : best;
    }
    return best;
  }

  @Test
  void the_window_gradient_at_its_start_matches_finite_differences_with_a_bootstrap() {
    CopyTask task = new CopyTask(3, 4);
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      DniTrainer tr = new DniTrainer(task, DniTrainer.Mode.SYNTHETIC, 3, 6, m, 3);
      CopyTask.Batch b = task.sample(2, new SplittableRandom(2));
      SplittableRandom rng = new SplittableRandom(5);
      float[] s0 = new float[2 * 12];
      float[] g = new float[2 * 12];
      for (int i = 0; i < s0.length; i++) {
        s0[i] = (float) rng.nextDouble(-0.5, 0.5);
        g[i] = (float) rng.nextDouble(-0.5, 0.5);
      }
      NDArray gs = m.create(g, new Shape(2, 12));
      double[] grad = tr.startGradient(b, m.create(s0, new Shape(2, 12)), 3, 6, gs);
      double h = 1e-2;
      for (int i = 0; i < s0.length; i += 3) {
        float[] plus = s0.clone();
        plus[i] += h;
        float[] minus = s0.clone();
        minus[i] -= h;
        double numeric = (value(tr, b, m, plus, gs) - value(tr, b, m, minus, gs)) / (2 * h);
        assertThat(grad[i]).as("dO/ds0[%d]", i).isCloseTo(numeric, Offset.offset(2e-3));
      }
    }
  }

  private static double value(DniTrainer tr, CopyTask.Batch b, NDManager m, float[] s0, NDArray g) {
    return tr.objective(b, m.create(s0, new Shape(2, 12)), 3, 6, g).getFloat();
  }

  @Test
  void truncated_training_updates_once_per_window_with_targets() {
    CopyTask task = new CopyTask(4, 4); // 9 steps; windows of 3: the first has no target
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      DniTrainer tr = new DniTrainer(task, DniTrainer.Mode.TRUNCATED, 3, 8, m, 0);
      SplittableRandom rng = new SplittableRandom(0);
      double first = tr.trainStep(16, 1e-2, rng);
      double last = first;
      for (int i = 0; i < 40; i++) {
        last = tr.trainStep(16, 1e-2, rng);
      }
      assertThat(tr.updatesPerSequence()).isEqualTo(2.0);
      assertThat(last).isLessThan(first);
    }
  }
}
