package org.gyrus.nn.kan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.nn.bench.KanTutorial;
import org.gyrus.nn.blocks.SpecCompiler;
import org.junit.jupiter.api.Test;

/** KAN layers: B-spline partition of unity, grid extension, training bar, pruning, snapping. */
class KanTest {
  private static final String TUTORIAL =
      "[{_type: kan, units: 1, grid: 5}, {_type: kan, units: 1, grid: 5}]";

  @Test
  void bspline_bases_sum_to_one_inside_the_grid() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      double[] t = BSpline.uniformKnots(-1, 1, 4, 3);
      NDArray knots = m.create(t, new Shape(1, t.length));
      NDArray x = m.create(new double[] {-1, -0.73, 0, 0.41, 0.999}, new Shape(5, 1));
      double[] b = BSpline.basis(x, knots, 3).sum(new int[] {2}).toDoubleArray();
      for (double v : b) {
        assertThat(v).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
      }
    }
  }

  @Test
  void grid_extension_keeps_the_function_and_lbfgs_clears_the_bar() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      NDArray[] train = data(m, 400, 1);
      NDArray[] test = data(m, 400, 2);
      KanNet net = KanNet.of(SpecCodec.fromYaml(TUTORIAL), 2, m, 0);
      KanFit.lbfgs(net, train[0], train[1], 6);
      double coarse = net.rmse(test[0], test[1]);
      // pykan reaches 1.5e-2 at G=3 after 50 steps; 6 steps at G=5 must get below 5e-2
      assertThat(coarse).isLessThan(5e-2);
      KanNet fine = KanGrid.refine(net, 12, train[0], 0);
      assertThat(fine.kanLayers().get(0).grid()).isEqualTo(12);
      // the refit keeps the coarse function: the error hardly changes before training
      assertThat(fine.rmse(test[0], test[1])).isLessThan(coarse * 1.2 + 1e-3);
      KanFit.lbfgs(fine, train[0], train[1], 3, 0, 0);
      assertThat(fine.rmse(test[0], test[1])).isLessThan(coarse / 3);
    }
  }

  @Test
  void adam_fits_and_pruning_drops_the_unused_input() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      // f(x, y, z) = x^2 + 0.5 sin(pi y): z plays no part
      NDArray[] d =
          KanTutorial.data(
              m,
              p -> p[0] * p[0] + 0.5 * Math.sin(Math.PI * p[1]),
              300,
              3,
              new SplittableRandom(3));
      KanNet net = KanNet.of(SpecCodec.fromYaml("[{_type: kan, units: 1, grid: 5}]"), 3, m, 1);
      double before = net.rmse(d[0], d[1]);
      // with pykan's L1 term (lambda 1e-2) the z edge shrinks towards 0
      KanFit.adam(net, d[0], d[1], 300, 0.02, 1e-2);
      double after = net.rmse(d[0], d[1]);
      assertThat(after).isLessThan(before / 5);
      int pruned = KanPrune.prune(net, d[0], 0.05);
      assertThat(pruned).isEqualTo(1);
      assertThat(KanPrune.activeEdges(net)).containsExactly(2);
      KanFit.lbfgs(net, d[0], d[1], 4, 0, 0);
      assertThat(net.rmse(d[0], d[1])).isLessThan(0.01);
      SymbolicKan sym = SymbolicKan.snap(net, d[0]);
      assertThat(sym.functions()).containsExactly("x^2", "sin", "-");
    }
  }

  @Test
  void symbolic_fit_recovers_library_functions() {
    double[] xs = new double[200];
    double[] sin = new double[200];
    double[] sq = new double[200];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = -1 + 2.0 * i / (xs.length - 1);
      sin[i] = 2 * Math.sin(Math.PI * xs[i] + 0.3) - 1;
      sq[i] = 3 * (xs[i] - 0.2) * (xs[i] - 0.2);
    }
    Symbolic.Fit s = Symbolic.best(xs, sin);
    assertThat(s.fn().name()).isEqualTo("sin");
    assertThat(s.r2()).isGreaterThan(0.99999);
    assertThat(Symbolic.best(xs, sq).fn().name()).isEqualTo("x^2");
  }

  @Test
  void bad_specs_fail_naming_the_path() {
    SpecCompiler c = SpecCompiler.standard();
    assertThatThrownBy(
            () -> c.analyse(SpecCodec.fromYaml("[{_type: kan, units: 2}]"), new Shape(3, 4), "m"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("m[0]")
        .hasMessageContaining("(N,3,4)");
    assertThatThrownBy(
            () ->
                c.analyse(
                    SpecCodec.fromYaml("{_type: kan, units: 2, lo: 1, hi: 0}"), new Shape(3), "m"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("m.hi");
    assertThatThrownBy(
            () -> c.analyse(SpecCodec.fromYaml("{_type: kan, units: 0}"), new Shape(3), "m"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("units");
    // params: edges * (G + k + 2) + bias
    assertThat(
            c.analyse(SpecCodec.fromYaml("{_type: kan, units: 4, grid: 5}"), new Shape(3), "m")
                .params())
        .isEqualTo(3 * 4 * (5 + 3 + 2) + 4);
  }

  private static NDArray[] data(NDManager m, int n, long seed) {
    return KanTutorial.data(
        m, p -> Math.exp(Math.sin(Math.PI * p[0]) + p[1] * p[1]), n, 2, new SplittableRandom(seed));
  }
}
