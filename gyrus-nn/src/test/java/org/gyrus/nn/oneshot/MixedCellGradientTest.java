package org.gyrus.nn.oneshot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The mixed cell's gradient with respect to the architecture parameters α, through every weighting
 * the searches use (softmax; Max-W; with the auxiliary skip), against central finite differences in
 * float64.
 */
class MixedCellGradientTest {
  @ParameterizedTest
  @CsvSource({"false, 0", "true, 0", "true, 0.7"})
  void alphaGradientMatchesFiniteDifferences(boolean maxW, double auxSkip) {
    Engine.getInstance().setRandomSeed(3);
    try (NDManager m = NDManager.newBaseManager()) {
      MixedCell cell = new MixedCell(3);
      Shape xs = new Shape(4, 3, 5, 5);
      cell.initialize(m, DataType.FLOAT64, xs, new Shape(6, 5));
      ParameterStore ps = new ParameterStore(m, false);
      SplittableRandom r = new SplittableRandom(11);
      NDArray x = m.randomNormal(xs).toType(DataType.FLOAT64, false);
      NDArray probe = m.randomNormal(xs).toType(DataType.FLOAT64, false);
      double[] alpha = new double[30];
      for (int i = 0; i < alpha.length; i++) {
        alpha[i] = r.nextDouble() * 2 - 1;
      }
      NDArray a = m.create(alpha, new Shape(6, 5));
      a.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(loss(cell, ps, x, probe, a, maxW, auxSkip));
      }
      double[] grad = a.getGradient().toDoubleArray();
      double h = 1e-6;
      double worst = 0;
      for (int i = 0; i < alpha.length; i++) {
        double[] up = alpha.clone();
        double[] down = alpha.clone();
        up[i] += h;
        down[i] -= h;
        double fd =
            (loss(cell, ps, x, probe, m.create(up, new Shape(6, 5)), maxW, auxSkip).getDouble()
                    - loss(cell, ps, x, probe, m.create(down, new Shape(6, 5)), maxW, auxSkip)
                        .getDouble())
                / (2 * h);
        worst = Math.max(worst, Math.abs(fd - grad[i]) / Math.max(1e-3, Math.abs(fd)));
      }
      assertThat(worst).isLessThan(1e-5);
      assertThat(java.util.Arrays.stream(grad).map(Math::abs).max().orElse(0)).isGreaterThan(1e-3);
    }
  }

  private static NDArray loss(
      MixedCell cell,
      ParameterStore ps,
      NDArray x,
      NDArray probe,
      NDArray alpha,
      boolean maxW,
      double auxSkip) {
    NDArray w = MixedCell.weights(alpha, maxW, auxSkip);
    return cell.forward(ps, x, w, null, true).head().mul(probe).sum();
  }
}
