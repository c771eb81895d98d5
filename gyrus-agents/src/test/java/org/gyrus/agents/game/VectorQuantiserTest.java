package org.gyrus.agents.game;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VectorQuantiserTest {
  private static final int N = 6;
  private static final int D = 3;
  private static final int K = 4;

  private static double[] random(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextDouble(-1, 1);
    }
    return v;
  }

  private static NDArray array(NDManager m, double[] v, Shape s) {
    NDArray a = m.create(v, s);
    a.setRequiresGradient(true);
    return a;
  }

  /** Commitment loss computed in double on the host: mean ||z - e_{nearest(z)}||^2. */
  private static double commitment(double[] z, double[] cb) {
    double s = 0;
    for (int i = 0; i < N; i++) {
      int best = -1;
      double bd = Double.MAX_VALUE;
      for (int k = 0; k < K; k++) {
        double d = 0;
        for (int j = 0; j < D; j++) {
          d += Math.pow(z[i * D + j] - cb[k * D + j], 2);
        }
        if (d < bd) {
          bd = d;
          best = k;
        }
      }
      for (int j = 0; j < D; j++) {
        s += Math.pow(z[i * D + j] - cb[best * D + j], 2);
      }
    }
    return s / (N * D);
  }

  @Test
  void commitmentAndCodebookGradientsMatchFiniteDifferences() {
    double[] z = random(N * D, 1);
    double[] cb = random(K * D, 2);
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      NDArray ze = array(m, z, new Shape(N, D));
      NDArray codebook = array(m, cb, new Shape(K, D));
      try (GradientCollector gc = m.getEngine().newGradientCollector()) {
        VectorQuantiser.Result q = VectorQuantiser.quantise(ze, codebook);
        gc.backward(q.commitmentLoss().add(q.codebookLoss().mul(3)));
      }
      double[] gz = ze.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
      double[] gc = codebook.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
      double h = 1e-6;
      for (int i = 0; i < z.length; i++) {
        double[] p = z.clone();
        double[] q = z.clone();
        p[i] += h;
        q[i] -= h;
        // the codebook loss has the same value but its gradient goes to the codebook only
        double fd = (commitment(p, cb) - commitment(q, cb)) / (2 * h);
        assertThat(gz[i]).as("d commitment / d z[%d]", i).isCloseTo(fd, within(1e-6));
      }
      for (int i = 0; i < cb.length; i++) {
        double[] p = cb.clone();
        double[] q = cb.clone();
        p[i] += h;
        q[i] -= h;
        double fd = 3 * (commitment(z, p) - commitment(z, q)) / (2 * h);
        assertThat(gc[i]).as("d codebook loss / d e[%d]", i).isCloseTo(fd, within(1e-6));
      }
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double e) {
    return org.assertj.core.data.Offset.offset(e);
  }

  @Test
  void straightThroughForwardsCodesAndPassesTheGradientToTheEncoder() {
    double[] z = random(N * D, 3);
    double[] cb = random(K * D, 4);
    double[] w = random(N * D, 5);
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      NDArray ze = array(m, z, new Shape(N, D));
      NDArray codebook = array(m, cb, new Shape(K, D));
      NDArray weights = m.create(w, new Shape(N, D));
      VectorQuantiser.Result q;
      try (GradientCollector gc = m.getEngine().newGradientCollector()) {
        q = VectorQuantiser.quantise(ze, codebook);
        gc.backward(q.straightThrough().mul(weights).sum());
      }
      double[] st = q.straightThrough().toType(DataType.FLOAT64, false).toDoubleArray();
      long[] codes = q.codes().toLongArray();
      for (int i = 0; i < N; i++) {
        for (int j = 0; j < D; j++) {
          assertThat(st[i * D + j]).isCloseTo(cb[(int) codes[i] * D + j], within(1e-12));
        }
      }
      // d/dz sum(w * st(z)) = w: the gradient passes the quantiser unchanged
      assertThat(ze.getGradient().toType(DataType.FLOAT64, false).toDoubleArray())
          .containsExactly(w, within(1e-12));
      // ...and none of it reaches the codebook through the straight-through path
      assertThat(codebook.getGradient().abs().sum().getFloat()).isZero();
    }
  }

  @Test
  void codesAreTheNearestRowsByBruteForce() {
    double[] z = random(50 * D, 6);
    double[] cb = random(K * D, 7);
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      long[] codes =
          VectorQuantiser.nearest(m.create(z, new Shape(50, D)), m.create(cb, new Shape(K, D)))
              .toLongArray();
      for (int i = 0; i < 50; i++) {
        int best = 0;
        double bd = Double.MAX_VALUE;
        for (int k = 0; k < K; k++) {
          double d = 0;
          for (int j = 0; j < D; j++) {
            d += Math.pow(z[i * D + j] - cb[k * D + j], 2);
          }
          if (d < bd) {
            bd = d;
            best = k;
          }
        }
        assertThat(codes[i]).as("vector %d", i).isEqualTo(best);
      }
    }
  }
}
