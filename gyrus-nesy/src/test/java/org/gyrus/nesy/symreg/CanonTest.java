package org.gyrus.nesy.symreg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class CanonTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "x1*x1*x1 + x1*x1 + x1; pow(x1,3)+pow(x1,2)+x1",
        "(x1 + x1*x1)/(x1 + 1); x1",
        "exp(x2*log(x1)); pow(x1,x2)",
        "exp(log(x1)/(x1/x1 + x1/x1)); sqrt(x1)",
        "x1/exp(log(x1)/(x1/x1 + x1/x1)); sqrt(x1)",
        "log(x1*x1); 2*log(x1)",
        "sin(x1)*sin(x1) + cos(x1)*cos(x1); 1",
        "exp(x1)*exp(x2); exp(x1 + x2)",
        "sin(0 - x1); -sin(x1)",
        "cos(x2 - x1); cos(x1 - x2)",
        "x2*x2*x2/(x2 + x2); div(pow(x2,2),2)",
        "log((x1 + 1)*(x1*x1 + 1)); log(x1+1)+log(pow(x1,2)+1)",
        "(sin(x1*x1)*x1*cos(x1) - x1)/x1; sin(pow(x1,2))*cos(x1)-1",
        "1/(1/x1 + 1/x2); x1*x2/(x1 + x2)",
        "(x1 + 1)/(x1 + 1) + x1; x1 + 1",
        "exp(log(x1) + log(x2)); x1*x2",
        "sqrt(1.23*x1); 1.109053650640942*sqrt(x1)",
        "exp(0.426*log(x1)); pow(x1,0.426)",
        "x1*x1*(x1 - 1)*x1 + x2*(x2*(x2/(x2 + x2)) - x2/x2); pow(x1,4)-pow(x1,3)+div(pow(x2,2),2)-x2",
        "sin(x1 + x2) + sin(x1 - x2); 2*sin(x1)*cos(x2)",
        "sin(x1 + x1); 2*sin(x1)*cos(x1)",
        "cos(2*x1); 1 - 2*sin(x1)*sin(x1)",
        "log((x1 + 1)*(x1 + 0.3/x1))/0.9999999999999994; log(x1 + 1) + log(x1*x1 + 0.3) - log(x1)",
      })
  void equivalentPairs(String a, String b) {
    Expr ea = ExprParser.parse(a);
    assertThat(ExprParser.parse(Expr.exact(ea))).isEqualTo(ea);
    Expr eb = ExprParser.parse(b);
    assertThat(Canon.equivalent(ea, eb)).as(a + " = " + b).isTrue();
    assertThat(maxRelativeGap(ea, eb, new Random(1))).isLessThan(1e-9);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "x1 + x1*x1; x1",
        "sin(x1); x1",
        "exp(x1); 1 + x1 + x1*x1/2",
        "log(x1 + 1); log(x1) + 1",
        "sin(x1 + x2); sin(x1) + sin(x2)",
        "x1/(x1 + 1); 1",
        "sqrt(1.23*x1); 1.11*sqrt(x1)",
        "pow(x1,x2); pow(x2,x1)",
      })
  void differentPairs(String a, String b) {
    assertThat(Canon.equivalent(ExprParser.parse(a), ExprParser.parse(b))).as(a).isFalse();
  }

  /** The canonical form evaluates like the formula it came from (rewrites are sound). */
  @Test
  void canonicalFormMatchesNumericEvaluation() {
    qt().withFixedSeed(7)
        .withExamples(400)
        .forAll(expressions(4))
        .checkAssert(
            e -> {
              Canon c = Canon.of(e);
              double[][] cols = randomPoints(new Random(e.hashCode()), 2, 20);
              double[] want = e.eval(cols, 20);
              double[] got = c.evaluate(cols, 20);
              for (int i = 0; i < 20; i++) {
                // sqrt(a*b) = sqrt(a)*sqrt(b) and log(a*b) = log(a) + log(b) hold for positive
                // factors only (the canonical form assumes them positive, as sympy's positive
                // symbols do), so a NaN there is allowed; any number must still be right.
                boolean branchNaN = Double.isNaN(got[i]) && usesBranches(e);
                if (Double.isFinite(want[i]) && Math.abs(want[i]) < 1e6 && !branchNaN) {
                  assertThat(got[i])
                      .as(e + " -> " + c)
                      .isCloseTo(
                          want[i],
                          org.assertj.core.data.Offset.offset(
                              1e-6 * Math.max(1, Math.abs(want[i]))));
                }
              }
            });
  }

  /** Formulas rewritten by identities are recognised; equivalence never contradicts numbers. */
  @Test
  void rewrittenFormulasAreEquivalentAndEquivalenceIsSound() {
    qt().withFixedSeed(11)
        .withExamples(300)
        .forAll(expressions(3), expressions(3))
        .checkAssert(
            (a, b) -> {
              Expr rewritten =
                  new Expr.Binary(
                      Op.DIV,
                      new Expr.Binary(Op.SUB, new Expr.Binary(Op.MUL, a, b), b),
                      b); // (a*b - b)/b = a - 1
              Expr target = new Expr.Binary(Op.SUB, a, new Expr.Const(1));
              if (Canon.of(b).isZero()
                  || Double.isNaN(Canon.of(a).maxAbsCoef())
                  || Double.isNaN(Canon.of(b).maxAbsCoef())) {
                return;
              }
              assertThat(Canon.equivalent(rewritten, target)).as(a + " / " + b).isTrue();
              if (Canon.equivalent(a, b)) {
                assertThat(maxRelativeGap(a, b, new Random(3))).as(a + " vs " + b).isLessThan(1e-6);
              }
            });
  }

  static boolean usesBranches(Expr e) {
    if (e instanceof Expr.Unary u) {
      return u.op() == Op.SQRT || u.op() == Op.LOG || usesBranches(u.arg());
    }
    return e instanceof Expr.Binary b && (usesBranches(b.left()) || usesBranches(b.right()));
  }

  static double maxRelativeGap(Expr a, Expr b, Random rnd) {
    double[][] cols = randomPoints(rnd, 2, 50);
    double[] va = a.eval(cols, 50);
    double[] vb = b.eval(cols, 50);
    double gap = 0;
    for (int i = 0; i < 50; i++) {
      if (Double.isFinite(va[i]) || Double.isFinite(vb[i])) {
        gap = Math.max(gap, Math.abs(va[i] - vb[i]) / Math.max(1, Math.abs(va[i])));
      }
    }
    return gap;
  }

  static double[][] randomPoints(Random rnd, int vars, int n) {
    double[][] cols = new double[vars][n];
    for (double[] c : cols) {
      for (int i = 0; i < n; i++) {
        c[i] = 0.2 + 1.8 * rnd.nextDouble();
      }
    }
    return cols;
  }

  /** Random Koza-set formulas over x1, x2 and small integers, depth at most {@code depth}. */
  static Gen<Expr> expressions(int depth) {
    Op[] ops = {Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.SIN, Op.COS, Op.EXP, Op.LOG, Op.SQRT};
    Gen<Integer> pick = SourceDSL.integers().between(0, 1_000_000);
    return prng -> {
      Random r = new Random(pick.generate(prng));
      return random(r, depth, ops);
    };
  }

  private static Expr random(Random r, int depth, Op[] ops) {
    if (depth == 0 || r.nextInt(3) == 0) {
      int k = r.nextInt(5);
      return k < 2 ? new Expr.Var(k) : new Expr.Const(k - 1);
    }
    Op op = ops[r.nextInt(ops.length)];
    Expr a = random(r, depth - 1, ops);
    return op.arity == 1
        ? new Expr.Unary(op, a)
        : new Expr.Binary(op, a, random(r, depth - 1, ops));
  }
}
