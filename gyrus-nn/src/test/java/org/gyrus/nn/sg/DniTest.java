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

  /**
   * The DNI identity: if ĝ at the boundary is the exact per-sample gradient of the later window's
   * loss (N × its start gradient, the SG's regression target there), the earlier window's start
   * gradient with λ·ĝ injected is L1's gradient + λ·(the rest of full BPTT's gradient). λ = 1 gives
   * full BPTT exactly. Fails if λ is ignored or ĝ and its target differ in units (the bug where ĝ
   * was in batch-mean units, N times smaller than what Adam steps the SG by).
   */
  @Test
  void an_exact_synthetic_gradient_reproduces_full_bptt_scaled_by_lambda() {
    CopyTask task = new CopyTask(3, 4); // 7 steps, targets at 4..6
    int n = 3;
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      DniTrainer tr = new DniTrainer(task, DniTrainer.Mode.SYNTHETIC, 5, 6, m, 4);
      CopyTask.Batch b = task.sample(n, new SplittableRandom(8));
      SplittableRandom rng = new SplittableRandom(9);
      float[] v = new float[n * 12];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) rng.nextDouble(-0.5, 0.5);
      }
      NDArray s0 = m.create(v, new Shape(n, 12));
      double[] full = tr.startGradient(b, s0, 0, 7, null);
      double[] first = tr.startGradient(b, s0, 0, 5, null); // L1 alone (target at step 4)
      NDArray s5 = tr.window(b, s0, 0, 5, true)[1].stopGradient();
      double[] later = tr.startGradient(b, s5, 5, 7, null);
      float[] target = new float[later.length];
      for (int i = 0; i < later.length; i++) {
        target[i] = (float) (later[i] * n); // per-sample units, as trainSynthetic regresses
      }
      NDArray g = m.create(target, new Shape(n, 12));
      for (double lambda : new double[] {1.0, 0.3}) {
        double[] got = tr.scale(lambda).startGradient(b, s0, 0, 5, g);
        double norm = 0;
        for (int i = 0; i < got.length; i++) {
          double want = first[i] + lambda * (full[i] - first[i]);
          assertThat(got[i]).as("λ=%s entry %d", lambda, i).isCloseTo(want, Offset.offset(2e-5));
          norm += Math.abs(full[i] - first[i]);
        }
        assertThat(norm).as("the later window must matter").isGreaterThan(1e-3);
      }
    }
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
