package org.gyrus.nn.fno;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.nn.blocks.SpecCompiler;
import org.junit.jupiter.api.Test;

/** Spectral layers against exact FFTs and resolution changes; solvers against invariants. */
class FnoTest {
  @Test
  void spectral_conv_1d_matches_an_fft_filter_and_is_resolution_invariant() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      SpectralConv sc = new SpectralConv(1, 1, 3, false);
      sc.initialize(m, DataType.FLOAT64, new Shape(1, 1, 16));
      // band-limited input (modes 1 and 2 plus one above the cut-off) at 16 and 32 points
      double[][] out = new double[2][];
      for (int r = 0; r < 2; r++) {
        int n = 16 << r;
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
          double x = (double) j / n;
          v[j] =
              0.5
                  + Math.sin(2 * Math.PI * x)
                  + 0.3 * Math.cos(4 * Math.PI * x)
                  + Math.sin(10 * Math.PI * x);
        }
        NDArray in = m.create(v, new Shape(1, 1, n));
        out[r] =
            sc.forward(new ParameterStore(m, false), new NDList(in), false)
                .singletonOrThrow()
                .toDoubleArray();
        if (r == 0) {
          // oracle: FFT, multiply modes 0..2 by the complex weight, drop the rest, inverse
          double[] re = v.clone();
          double[] im = new double[n];
          Fft.transform(re, im, false);
          var ps = sc.getParameters();
          double[] a = ps.get(0).getValue().getArray().toDoubleArray();
          double[] b = ps.get(1).getValue().getArray().toDoubleArray();
          double[] yr = new double[n];
          double[] yi = new double[n];
          for (int k = 0; k < 3; k++) {
            yr[k] = re[k] * a[k] - im[k] * b[k];
            yi[k] = re[k] * b[k] + im[k] * a[k];
            if (k > 0) {
              yr[n - k] = yr[k];
              yi[n - k] = -yi[k];
            }
          }
          Fft.transform(yr, yi, true);
          for (int j = 0; j < n; j++) {
            assertThat(out[0][j]).isCloseTo(yr[j], org.assertj.core.data.Offset.offset(1e-10));
          }
        }
      }
      for (int j = 0; j < 16; j++) {
        assertThat(out[1][2 * j]).isCloseTo(out[0][j], org.assertj.core.data.Offset.offset(1e-10));
      }
    }
  }

  @Test
  void burgers_conserves_the_mean_and_loses_energy() {
    SplittableRandom rng = new SplittableRandom(5);
    double[] u0 = Burgers.initial(128, rng);
    double[] u1 = Burgers.solve(u0, 0.1, 0.2, 1e-3);
    assertThat(mean(u1)).isCloseTo(mean(u0), org.assertj.core.data.Offset.offset(1e-10));
    assertThat(energy(u1)).isLessThan(energy(u0));
    assertThat(energy(u1)).isGreaterThan(0.05 * energy(u0));
  }

  @Test
  void darcy_solution_is_positive_and_satisfies_the_scheme() {
    int s = 17;
    double[] a = Darcy.permeability(Darcy.field(8, new SplittableRandom(2)), 8, s);
    double[] u = Darcy.solve(a, s);
    double h2 = 1.0 / ((s - 1) * (s - 1));
    for (int p = 1; p < s - 1; p++) {
      for (int q = 1; q < s - 1; q++) {
        assertThat(u[p * s + q]).isPositive();
        double c = a[p * s + q];
        double lhs = 0;
        int[][] nb = {{p - 1, q}, {p + 1, q}, {p, q - 1}, {p, q + 1}};
        for (int[] n : nb) {
          double face = 2 * c * a[n[0] * s + n[1]] / (c + a[n[0] * s + n[1]]);
          lhs += face * (u[p * s + q] - u[n[0] * s + n[1]]);
        }
        assertThat(lhs).isCloseTo(h2, org.assertj.core.data.Offset.offset(1e-9));
      }
    }
  }

  @Test
  void fno_learns_burgers_and_mode_errors_name_the_path() {
    SplittableRandom rng = new SplittableRandom(1);
    int n = 60;
    double[][][] d = new double[n][2][];
    for (int i = 0; i < n; i++) {
      d[i][0] = Burgers.initial(256, rng);
      d[i][1] = Burgers.solve(d[i][0], 0.1, 1.0, 1.0 / 400);
    }
    OperatorFit.Fields train = OperatorBench.fields(d, 0, 50, 8, true);
    OperatorFit.Fields test = OperatorBench.fields(d, 50, 10, 8, true);
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      OperatorFit fit =
          new OperatorFit(
              SpecCodec.fromYaml("{_type: fno, width: 8, modes: 6, layers: 2, hidden: 16}"),
              train.xShape(),
              m,
              0);
      double before = fit.evaluate(test);
      fit.train(train, 40, 10, 3e-3, 0);
      // from about 1 (random operator) to below 0.35 relative L2 in 200 steps
      assertThat(fit.evaluate(test)).isLessThan(Math.min(0.35, before / 2));
    }
    assertThatThrownBy(
            () ->
                SpecCompiler.standard()
                    .analyse(
                        SpecCodec.fromYaml("[{_type: fno, modes: 20}]"), new Shape(2, 32), "model"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("model[0].modes")
        .hasMessageContaining("L/2+1");
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double energy(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return s;
  }
}
