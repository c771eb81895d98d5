package org.gyrus.search.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.search.Evaluator;
import org.gyrus.search.Evaluators;
import org.gyrus.search.TrialContext;
import org.junit.jupiter.api.Test;

class SyntheticFunctionTest {
  @Test
  void everyFunctionReachesItsKnownMinimumAtItsMinimiserAndNowhereLowerOnRandomPoints() {
    for (String name : SyntheticFunction.names()) {
      SyntheticFunction f = SyntheticFunction.of(name, "t");
      for (int d : new int[] {2, 5}) {
        if (f.fixedDim() > 0) {
          d = f.fixedDim();
        }
        double min = f.minimum(d);
        double[] x = f.argmin(d);
        // Michalewicz's minimiser is tabulated only for d = 2 (its minimum also for d = 5)
        assertThat(x != null || name.equals("michalewicz") && d == 5).as(name).isTrue();
        if (x != null) {
          assertThat(f.value(x))
              .as("%s d=%d", name, d)
              .isCloseTo(min, within(1e-4 * (1 + Math.abs(min))));
        }
        SplittableRandom rng = new SplittableRandom(d);
        for (int k = 0; k < 20_000; k++) {
          double[] p = new double[d];
          for (int i = 0; i < d; i++) {
            p[i] = f.lo(i) + rng.nextDouble() * (f.hi(i) - f.lo(i));
          }
          assertThat(f.value(p)).as("%s at a random point", name).isGreaterThan(min - 1e-6);
        }
        for (int i = 0; x != null && i < d; i++) { // the minimiser lies in the box
          assertThat(x[i]).isBetween(f.lo(i), f.hi(i));
        }
      }
    }
  }

  @Test
  void braninHasItsThreeMinimaAndHartmannItsTabulatedValues() {
    SyntheticFunction b = SyntheticFunction.of("branin", "t");
    for (double[] x : new double[][] {{-Math.PI, 12.275}, {Math.PI, 2.275}, {9.42478, 2.475}}) {
      assertThat(b.value(x)).isCloseTo(0.397887, within(1e-5));
    }
    // Hartmann-6 at the origin: a value computed independently from the definition
    assertThat(SyntheticFunction.of("hartmann6", "t").value(new double[6]))
        .isCloseTo(-5.0e-3, within(5e-3));
    assertThat(SyntheticFunction.of("michalewicz", "t").minimum(5)).isEqualTo(-4.687658);
  }

  @Test
  void valuesAgreeWithTheIndependentPythonFormulasOfTheOptunaBench() {
    // f(0.3, 0.4, 0.5, ...) from bench/hpo_vs_optuna/optuna_synthetic.py (numpy, same boxes)
    Object[][] expected = {
      {"branin", 45.532865727614116}, {"hartmann3", -0.5023610330732892},
      {"hartmann6", -0.18162290100336223}, {"rosenbrock", 46.24},
      {"ackley", 4.16888637712994}, {"levy", 0.5647839947216641},
      {"styblinski_tang", -4.31705}, {"michalewicz", -0.0005628473733848207},
      {"rastrigin", 83.71067977499789}, {"six_hump_camel", -0.07436700000000013},
      {"griewank", 0.20102936988737863}
    };
    for (Object[] e : expected) {
      SyntheticFunction f = SyntheticFunction.of((String) e[0], "t");
      double[] x = new double[f.dimension(0, "t")];
      for (int i = 0; i < x.length; i++) {
        x[i] = 0.3 + 0.1 * i;
      }
      double want = (Double) e[1];
      assertThat(f.value(x)).as((String) e[0]).isCloseTo(want, within(1e-9 * (1 + Math.abs(want))));
    }
  }

  @Test
  void theEvaluatorReadsThePointOfItsOwnSpaceAndAddsSeededNoise() throws Exception {
    Value.Node spec = Value.Node.of("synthetic", "function", "rosenbrock", "dim", 3, "noise", 0.5);
    var resolved = Evaluators.resolve(spec);
    Value space = resolved.component().defaultSpace(resolved.args());
    assertThat(((Value.Node) space).args()).containsOnlyKeys("x0", "x1", "x2");
    Evaluator e = Evaluators.of(spec, null);
    Value point = Value.Node.of("point", "x0", 1.0, "x1", 1.0, "x2", 1.0);
    double a = e.evaluate(point, ctx(11)).objectives().get(0);
    double b = e.evaluate(point, ctx(11)).objectives().get(0);
    double c = e.evaluate(point, ctx(12)).objectives().get(0);
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
    assertThat(Math.abs(a)).isLessThan(3);
    Evaluator exact =
        Evaluators.of(Value.Node.of("synthetic", "function", "rosenbrock", "dim", 3), null);
    assertThat(exact.evaluate(point, ctx(1)).objectives().get(0)).isEqualTo(0.0);
  }

  @Test
  void anExperimentWithASyntheticEvaluatorNeedsNoSpace(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path f = dir.resolve("e.yaml");
    java.nio.file.Files.writeString(
        f,
        "_type: experiment\nevaluator: {_type: synthetic, function: hartmann3}\n"
            + "direction: minimize\nalgorithm: gp\n");
    org.gyrus.search.Experiment e = org.gyrus.search.Experiment.read(f);
    assertThat(e.space()).isEqualTo(SyntheticFunction.of("hartmann3", "t").space(3));
    java.nio.file.Files.writeString(f, "_type: experiment\nevaluator: {_type: nb201}\n");
    assertThatThrownBy(() -> org.gyrus.search.Experiment.read(f))
        .hasMessageContaining("space: expected a space (or space_file)");
  }

  @Test
  void badSpecsNameWhatWasExpected() {
    assertThatThrownBy(() -> Evaluators.of(Value.Node.of("synthetic", "function", "branen"), null))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("evaluator.function")
        .hasMessageContaining("'branin'");
    assertThatThrownBy(
            () -> Evaluators.of(Value.Node.of("synthetic", "function", "branin", "dim", 3), null))
        .hasMessageContaining("branin has dimension 2");
    assertThatThrownBy(
            () -> Evaluators.of(Value.Node.of("synthetic", "function", "levy", "dim", 40), null))
        .hasMessageContaining("a dimension from 2 to 20");
    assertThatThrownBy(
            () -> Evaluators.of(Value.Node.of("synthetic", "function", "levy", "nois", 1.0), null))
        .hasMessageContaining("evaluator.nois");
  }

  private static TrialContext ctx(long seed) {
    return new TrialContext() {
      @Override
      public int number() {
        return 0;
      }

      @Override
      public long seed() {
        return seed;
      }

      @Override
      public boolean report(long step, double value) {
        return false;
      }

      @Override
      public void setAttr(String key, String value) {}
    };
  }
}
