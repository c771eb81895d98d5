package org.gyrus.nn.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CkaTest {
  private static double[][] random(int n, int p, SplittableRandom r) {
    double[][] m = new double[n][p];
    for (double[] row : m) {
      for (int j = 0; j < p; j++) {
        row[j] = r.nextGaussian();
      }
    }
    return m;
  }

  private static NDArray nd(NDManager m, double[][] a) {
    double[] flat = new double[a.length * a[0].length];
    for (int i = 0; i < a.length; i++) {
      System.arraycopy(a[i], 0, flat, i * a[0].length, a[0].length);
    }
    return m.create(flat, new Shape(a.length, a[0].length));
  }

  @Test
  void engineCkaMatchesThePlainReferenceAndItsInvariances() {
    SplittableRandom r = new SplittableRandom(4);
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      for (int trial = 0; trial < 5; trial++) {
        double[][] x = random(12, 5, r);
        double[][] y = random(12, 3, r);
        double ref = Cka.linear(x, y);
        assertThat(ref).isBetween(0.0, 1.0);
        assertThat(Cka.linear(nd(m, x), nd(m, y)).getDouble()).isCloseTo(ref, within(1e-9));
      }
      double[][] x = random(10, 4, r);
      // an orthogonal map (a rotation of two columns) and scaling leave CKA at 1
      double[][] rotated = new double[10][4];
      double c = Math.cos(0.7);
      double s = Math.sin(0.7);
      for (int i = 0; i < 10; i++) {
        rotated[i][0] = 3 * (c * x[i][0] - s * x[i][1]);
        rotated[i][1] = 3 * (s * x[i][0] + c * x[i][1]);
        rotated[i][2] = 3 * x[i][2];
        rotated[i][3] = 3 * x[i][3];
      }
      assertThat(Cka.linear(x, rotated)).isCloseTo(1.0, within(1e-12));
      assertThat(Cka.linear(nd(m, x), nd(m, rotated)).getDouble()).isCloseTo(1.0, within(1e-9));
    }
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    SplittableRandom r = new SplittableRandom(9);
    double[][] x = random(8, 3, r);
    double[][] y = random(8, 2, r);
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      NDArray xa = nd(m, x);
      xa.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
        gc.backward(Cka.linear(xa, nd(m, y)));
      }
      double[] grad = xa.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
      double h = 1e-6;
      for (int i = 0; i < 8; i++) {
        for (int j = 0; j < 3; j++) {
          double keep = x[i][j];
          x[i][j] = keep + h;
          double up = Cka.linear(x, y);
          x[i][j] = keep - h;
          double down = Cka.linear(x, y);
          x[i][j] = keep;
          assertThat(grad[i * 3 + j]).isCloseTo((up - down) / (2 * h), within(1e-6));
        }
      }
    }
  }
}
