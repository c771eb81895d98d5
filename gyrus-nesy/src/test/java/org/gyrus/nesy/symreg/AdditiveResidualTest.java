package org.gyrus.nesy.symreg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdditiveResidualTest {
  private static final String KOZA = "add,sub,mul,div,sin,cos,exp,log";

  @Test
  void termsCarrySignsThroughSubtractionAndNegation() {
    Expr e = ExprParser.parse("sub(add(x1,neg(mul(x2,x2))),sub(sin(x1),mul(x1,x2)))");
    List<AdditiveResidual.SignedTerm> terms = AdditiveResidual.terms(e);
    assertThat(terms).hasSize(4);
    assertThat(terms)
        .extracting(AdditiveResidual.SignedTerm::negative)
        .containsExactly(false, true, true, false);
    assertThat(terms)
        .extracting(AdditiveResidual.SignedTerm::vars)
        .containsExactly(Set.of(0), Set.of(1), Set.of(0), Set.of(0, 1));
    // the sum of the terms is the expression again
    double[][] x = {{0.3, 1.7, -2}, {0.9, -0.4, 1.1}};
    assertThat(AdditiveResidual.sum(terms).eval(x, 3))
        .containsExactly(e.eval(x, 3), org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void partsGroupTermsByTheirVariables() {
    // x1 part, x2 part, a mixed term: parts {x1 terms}, {x2 terms}; the mixed term's set would take
    // every term, leaving nothing to search, so it is no part
    Expr e = ExprParser.parse("add(sub(mul(x1,x1),x2),add(cos(x1),mul(x1,x2)))");
    List<String> parts =
        AdditiveResidual.parts(e).stream().map(p -> Canon.of(p.expr()).toString()).toList();
    assertThat(parts)
        .containsExactlyInAnyOrder(
            Canon.of(ExprParser.parse("add(mul(x1,x1),cos(x1))")).toString(),
            Canon.of(ExprParser.parse("neg(x2)")).toString());
    assertThat(AdditiveResidual.parts(ExprParser.parse("mul(x1,add(x1,x2))"))).isEmpty();
    Set<String> tried = new HashSet<>();
    assertThat(AdditiveResidual.fresh(List.of(e, e), tried)).hasSize(2);
  }

  @Test
  void residualRouteRecoversAPlantedAdditiveTarget() {
    // y = sin(x1) + x2^3; the "stalled" program sin(x1) + x2*x2*sin(x2) (R² 0.98) has the x1 part
    // exact and the x2 part approximate: the residual y - sin(x1) = x2^3 is searched over x2 alone
    // (renumbered back from the sub-search's x1), and the sum fits exactly
    double[][] x = inputs(7);
    double[] y = new double[x[0].length];
    for (int i = 0; i < y.length; i++) {
      y[i] = Math.sin(x[0][i]) + Math.pow(x[1][i], 3);
    }
    AdditiveResidual.Found f =
        attempt(x, y, "add", "sin", "x1", "mul", "x2", "mul", "x2", "sin", "x2");
    assertThat(f).isNotNull();
    assertThat(f.trainR2()).isGreaterThanOrEqualTo(1 - 1e-14);
    assertThat(Canon.equivalent(f.expr(), ExprParser.parse("add(sin(x1),pow(x2,3))")))
        .as(f.expr().toString())
        .isTrue();
  }

  @Test
  void surrogateRouteRecoversNguyen12WithNoExactPartFromTheSearch() {
    // y = x1⁴ − x1³ + ½x2² − x2 (Nguyen-12, Koza set: no constant token) and no program offered:
    // only the surrogate split can supply a part; its x1 part is searched alone, the rest on the
    // residual over x2
    double[][] x = inputs(11);
    double[] y = new double[x[0].length];
    for (int i = 0; i < y.length; i++) {
      double a = x[0][i];
      double b = x[1][i];
      y[i] = a * a * a * a - a * a * a + 0.5 * b * b - b;
    }
    Library lib = Library.parse(KOZA, 2);
    Regressor.Config cfg = Regressor.Config.defaults(4).withMode("nggp-res").withSeconds(20);
    AdditiveResidual residual = new AdditiveResidual(lib, x, y, cfg);
    AdditiveResidual.Found f = residual.attemptIfDue(3);
    assertThat(f).isNotNull();
    assertThat(
            Canon.equivalent(f.expr(), ExprParser.parse("pow(x1,4)-pow(x1,3)+div(pow(x2,2),2)-x2")))
        .as(f.expr().toString())
        .isTrue();
    // the split is tried once: a later attempt with nothing offered does nothing
    assertThat(residual.attemptIfDue(19)).isNull();
  }

  @Test
  void noFitIsClaimedWhereNoExactResidualExists() {
    // y = x1^3 + sin(x2) plus noise: no formula fits exactly, so no part + residual may claim it
    double[][] x = inputs(8);
    Random noise = new Random(9);
    double[] y = new double[x[0].length];
    for (int i = 0; i < y.length; i++) {
      y[i] = Math.pow(x[0][i], 3) + Math.sin(x[1][i]) + 1e-3 * noise.nextGaussian();
    }
    assertThat(attempt(x, y, "add", "sin", "x2", "mul", "x1", "mul", "x1", "sin", "x1")).isNull();
  }

  /** One residual attempt seeded with the program spelled by {@code tokens}. */
  private static AdditiveResidual.Found attempt(double[][] x, double[] y, String... tokens) {
    Library lib = Library.parse(KOZA, 2);
    int[] program = java.util.Arrays.stream(tokens).mapToInt(lib::indexOf).toArray();
    Regressor.Config cfg = Regressor.Config.defaults(4).withMode("nggp-res").withSeconds(4);
    Scorer scorer = new Scorer(lib, new Evaluator(lib, x, y), cfg.complexityPenalty());
    AdditiveResidual residual = new AdditiveResidual(lib, x, y, cfg);
    residual.offer(List.of(scorer.score(program)));
    // not due before the main search has run a while; due after
    assertThat(residual.attemptIfDue(0.5)).isNull();
    return residual.attemptIfDue(3);
  }

  private static double[][] inputs(long seed) {
    Random rnd = new Random(seed);
    double[][] x = new double[2][20];
    for (int i = 0; i < 20; i++) {
      x[0][i] = rnd.nextDouble();
      x[1][i] = rnd.nextDouble();
    }
    return x;
  }
}
