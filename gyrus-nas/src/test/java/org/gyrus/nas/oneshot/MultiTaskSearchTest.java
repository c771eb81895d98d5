package org.gyrus.nas.oneshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.gyrus.nn.data.Dataset;
import org.junit.jupiter.api.Test;

/** Multi-task search: one supernet pass serves every task; the score-function gradient. */
class MultiTaskSearchTest {
  private static Dataset randomImages(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n * 3 * 8 * 8];
    int[] y = new int[n];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (r.nextDouble() * 2 - 1);
    }
    for (int i = 0; i < n; i++) {
      y[i] = r.nextInt(10);
    }
    return new Dataset("noise", x, y, new Shape(3, 8, 8), 10);
  }

  /**
   * The same search steps with one task and with three cost the same number of supernet passes (two
   * per step: weights, then architectures), and the three-task run moves all three distributions
   * away from uniform.
   */
  @Test
  void oneSupernetPassServesEveryTask() {
    SearchData data =
        new SearchData(randomImages(128, 1), randomImages(128, 2), randomImages(8, 3));
    Scale scale = new Scale(4, 1, 8, 128, 2, 5);
    long[] forwards = new long[2];
    String[] specs = {
      "{_type: multitask, tasks: c10, warmup: 0, batch: 32}",
      "{_type: multitask, tasks: 'c10,vehicle_animal,pairs', warmup: 0, batch: 32}"
    };
    for (int i = 0; i < 2; i++) {
      try (MultiTaskSearch s = (MultiTaskSearch) OneShotMethods.create(specs[i], scale)) {
        s.run(data, line -> {});
        forwards[i] = s.forwards();
        if (i == 1) {
          for (int k = 0; k < 3; k++) {
            double[][] p = s.probabilities(k);
            double spread = 0;
            for (double[] row : p) {
              for (double v : row) {
                spread = Math.max(spread, Math.abs(v - 0.2));
              }
            }
            assertThat(spread).as("task %d moved", k).isGreaterThan(1e-4);
          }
        }
      }
    }
    assertThat(forwards[0]).isEqualTo(2 * 4 * 2); // 2 epochs x 4 steps x (weights + arch)
    assertThat(forwards[1]).isEqualTo(forwards[0]);
  }

  /** advantage·∇log p(a) of the factorised softmax against central finite differences. */
  @Test
  void scoreGradientMatchesFiniteDifferences() {
    SplittableRandom r = new SplittableRandom(4);
    double[] theta = new double[Genotype.EDGES * Genotype.OPS];
    for (int i = 0; i < theta.length; i++) {
      theta[i] = r.nextDouble() * 2 - 1;
    }
    Genotype a = new Genotype(new int[] {0, 3, 1, 4, 2, 3});
    double[] g = MultiTaskSearch.scoreGradient(softmax(theta), a, 0.7);
    double h = 1e-6;
    for (int i = 0; i < theta.length; i++) {
      double keep = theta[i];
      theta[i] = keep + h;
      double up = logProb(softmax(theta), a);
      theta[i] = keep - h;
      double down = logProb(softmax(theta), a);
      theta[i] = keep;
      assertThat(g[i])
          .isCloseTo(0.7 * (up - down) / (2 * h), org.assertj.core.data.Offset.offset(1e-7));
    }
  }

  @Test
  void unknownTaskIsRefusedByName() {
    assertThatThrownBy(
            () ->
                OneShotMethods.create(
                    "{_type: multitask, tasks: 'c10,rotation'}", new Scale(4, 1, 8, 64, 1, 0)))
        .hasMessageContaining("rotation")
        .hasMessageContaining("vehicle_animal");
  }

  private static double[][] softmax(double[] theta) {
    double[][] p = new double[Genotype.EDGES][Genotype.OPS];
    for (int e = 0; e < Genotype.EDGES; e++) {
      double sum = 0;
      for (int k = 0; k < Genotype.OPS; k++) {
        p[e][k] = Math.exp(theta[e * Genotype.OPS + k]);
        sum += p[e][k];
      }
      for (int k = 0; k < Genotype.OPS; k++) {
        p[e][k] /= sum;
      }
    }
    return p;
  }

  private static double logProb(double[][] p, Genotype a) {
    double s = 0;
    for (int e = 0; e < Genotype.EDGES; e++) {
      s += Math.log(p[e][a.ops()[e]]);
    }
    return s;
  }
}
