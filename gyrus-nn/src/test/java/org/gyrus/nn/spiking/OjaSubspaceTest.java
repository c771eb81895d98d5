package org.gyrus.nn.spiking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * HLOP's Hebbian subspace: Oja's rule finds the known principal subspace; projection protects it.
 */
class OjaSubspaceTest {
  private static final int D = 12;

  /** Samples with large variance along e0, e1 (task 1) and e2, e3 (task 2), small elsewhere. */
  private static List<double[]> samples(int[] big, SplittableRandom rng) {
    List<double[]> xs = new ArrayList<>();
    for (int s = 0; s < 3000; s++) {
      double[] x = new double[D];
      for (int j = 0; j < D; j++) {
        x[j] = 0.05 * rng.nextGaussian();
      }
      for (int b = 0; b < big.length; b++) {
        x[big[b]] = (3 - b) * rng.nextGaussian();
      }
      // rotate by a fixed orthogonal map (Householder with v = (1,…,1)/√D) so axes are hidden
      double dot = 0;
      for (double v : x) {
        dot += v;
      }
      for (int j = 0; j < D; j++) {
        x[j] -= 2 * dot / D;
      }
      xs.add(x);
    }
    return xs;
  }

  @Test
  void oja_rule_learns_each_tasks_principal_subspace_and_grows_by_task() {
    SplittableRandom rng = new SplittableRandom(1);
    OjaSubspace space = new OjaSubspace(D);
    space.learn(samples(new int[] {0, 1}, rng), 2, 3, 0.5 / 13.0, rng);
    space.learn(samples(new int[] {2, 3, 0}, rng), 2, 3, 0.5 / 5.0, rng);
    double[][] h = space.rows();
    assertThat(h).hasNumberOfRows(4);
    // oracle: the span of the rotated axes e0..e3; every row lies in it with unit length
    for (double[] row : h) {
      double[] back = row.clone();
      double dot = 0;
      for (double v : back) {
        dot += v;
      }
      for (int j = 0; j < D; j++) {
        back[j] -= 2 * dot / D; // the Householder map is its own inverse
      }
      double inside = 0;
      double norm = 0;
      for (int j = 0; j < D; j++) {
        norm += back[j] * back[j];
        inside += j < 4 ? back[j] * back[j] : 0;
      }
      assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(0.05));
      assertThat(inside / norm).isGreaterThan(0.99);
    }
    for (int a = 0; a < 4; a++) {
      for (int b = a + 1; b < 4; b++) {
        double dot = 0;
        for (int j = 0; j < D; j++) {
          dot += h[a][j] * h[b][j];
        }
        assertThat(Math.abs(dot)).as("rows %d,%d", a, b).isLessThan(0.05);
      }
    }
  }

  @Test
  void projected_updates_leave_old_inputs_outputs_unchanged() {
    SplittableRandom rng = new SplittableRandom(2);
    OjaSubspace space = new OjaSubspace(D);
    List<double[]> old = samples(new int[] {0, 1}, rng);
    space.learn(old, 2, 3, 0.5 / 13.0, rng);
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      double[] dv = new double[D * 3];
      for (int i = 0; i < dv.length; i++) {
        dv[i] = rng.nextGaussian();
      }
      NDArray delta = m.create(dv, new Shape(D, 3));
      NDArray projected = space.project(delta);
      double[] p = projected.toType(DataType.FLOAT64, false).toDoubleArray();
      double change = 0;
      double before = 0;
      for (double[] x : old.subList(0, 200)) {
        for (int o = 0; o < 3; o++) {
          double y = 0;
          double y0 = 0;
          for (int j = 0; j < D; j++) {
            y += x[j] * p[j * 3 + o];
            y0 += x[j] * dv[j * 3 + o];
          }
          change += y * y;
          before += y0 * y0;
        }
      }
      // the old task's inputs barely move (only their 0.05-noise part outside the subspace)
      assertThat(change / before).isLessThan(0.01);
    }
  }
}
