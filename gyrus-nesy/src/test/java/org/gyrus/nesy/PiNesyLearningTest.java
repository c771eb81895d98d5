package org.gyrus.nesy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.gyrus.nesy.pinesy.FuzzyRelation;
import org.gyrus.nesy.pinesy.MinMaxSystem;
import org.gyrus.nesy.pinesy.PiNesyAddition;
import org.gyrus.nesy.pinesy.PiNesyBench;
import org.gyrus.nesy.pinesy.PiNesyMultiDigit;
import org.gyrus.nesy.pinesy.PiNesySudoku;
import org.gyrus.nesy.pinesy.PossibilisticRules;
import org.gyrus.nesy.pinesy.ProbabilityToPossibility;
import org.gyrus.nesy.pinesy.RuleLearning;
import org.junit.jupiter.api.Test;

/** Π-NeSy's learning: Baaj's min-max Chebyshev calculus against brute force, and the procedure. */
class PiNesyLearningTest {
  static double eighth(Random r) {
    return r.nextInt(9) / 8.0;
  }

  static double[][] randomMatrix(Random r, int n, int m) {
    double[][] g = new double[n][m];
    for (double[] row : g) {
      for (int j = 0; j < m; j++) {
        row[j] = eighth(r);
      }
    }
    return g;
  }

  /** ∇_i straight from its definition, O(n² m). */
  static double[] distancesByDefinition(double[][] g, double[] b) {
    double[] out = new double[b.length];
    for (int i = 0; i < b.length; i++) {
      double best = 1;
      for (int j = 0; j < g[0].length; j++) {
        double v = Math.max(0, g[i][j] - b[i]);
        for (int k = 0; k < b.length; k++) {
          v = Math.max(v, Math.min(Math.max(0, b[k] - b[i]) / 2, Math.max(0, b[k] - g[k][j])));
        }
        best = Math.min(best, v);
      }
      out[i] = best;
    }
    return out;
  }

  /** Every x on the grid {0, 1/16, …, 1}^m, as a flat list. */
  static double[][] grid(int m) {
    int size = (int) Math.pow(17, m);
    double[][] xs = new double[size][m];
    for (int c = 0; c < size; c++) {
      int v = c;
      for (int j = 0; j < m; j++) {
        xs[c][j] = (v % 17) / 16.0;
        v /= 17;
      }
    }
    return xs;
  }

  static double sup(double[] a, double[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d = Math.max(d, Math.abs(a[i] - b[i]));
    }
    return d;
  }

  @Test
  void chebyshevDistanceAndLowestApproximationMatchBruteForce() {
    Random r = new Random(7);
    int inconsistent = 0;
    for (int trial = 0; trial < 150; trial++) {
      int n = 1 + r.nextInt(4);
      int m = 1 + r.nextInt(3);
      double[][] g = randomMatrix(r, n, m);
      double[] b = new double[n];
      for (int i = 0; i < n; i++) {
        b[i] = eighth(r);
      }
      MinMaxSystem.Gamma gamma = MinMaxSystem.Gamma.of(g);
      double[] fast = MinMaxSystem.distances(gamma, b);
      assertThat(fast).containsExactly(distancesByDefinition(g, b), Offset.offset(1e-12));
      double nabla = MinMaxSystem.distance(gamma, b);
      // the Chebyshev distance to the consistent second members {Γ □ x}, by enumeration
      double brute = Double.POSITIVE_INFINITY;
      double[][] xs = grid(m);
      for (double[] x : xs) {
        brute = Math.min(brute, sup(MinMaxSystem.product(gamma, x), b));
      }
      assertThat(nabla).isCloseTo(brute, Offset.offset(1e-12));
      assertThat(MinMaxSystem.consistent(gamma, b)).isEqualTo(nabla == 0);
      inconsistent += nabla > 0 ? 1 : 0;
      double[] low = MinMaxSystem.lowestApproximation(gamma, b, nabla);
      assertThat(MinMaxSystem.consistent(gamma, low)).isTrue();
      assertThat(sup(low, b)).isLessThanOrEqualTo(nabla + 1e-12);
      // lowest: below every consistent second member within ∇ of b
      for (double[] x : xs) {
        double[] c = MinMaxSystem.product(gamma, x);
        if (sup(c, b) <= nabla + 1e-12) {
          for (int i = 0; i < n; i++) {
            assertThat(low[i]).isLessThanOrEqualTo(c[i] + 1e-12);
          }
        }
      }
    }
    assertThat(inconsistent).isGreaterThan(30);
  }

  @Test
  void rulesInferAsTheirDefinitionAndPartitionTheDomain() {
    PossibilisticRules c = PiNesyAddition.C;
    assertThat(c.subsets()).isEqualTo(100);
    assertThat(c.rules()).isEqualTo(20);
    Random r = new Random(3);
    double[] params = new double[40];
    double[] lr = new double[40];
    for (int j = 0; j < 40; j++) {
      params[j] = eighth(r);
      lr[j] = eighth(r);
    }
    double[] out = c.inferValues(params, lr);
    for (int v = 0; v < 100; v++) {
      double expect = 1;
      for (int i = 0; i < 10; i++) {
        // rule 2i: a_1 = i ⇒ c ∈ {(i, ·)}; rule 2i+1: a_2 = i ⇒ c ∈ {(·, i)}
        expect =
            Math.min(
                expect,
                v / 10 == i
                    ? Math.max(params[4 * i], lr[4 * i])
                    : Math.max(params[4 * i + 1], lr[4 * i + 1]));
        expect =
            Math.min(
                expect,
                v % 10 == i
                    ? Math.max(params[4 * i + 2], lr[4 * i + 2])
                    : Math.max(params[4 * i + 3], lr[4 * i + 3]));
      }
      assertThat(out[v]).isEqualTo(expect);
    }
    assertThat(PiNesySudoku.PAIRS.length).isEqualTo(56);
    assertThat(PiNesySudoku.FIRST.subsets()).isEqualTo(16);
  }

  @Test
  void plantedConsistentSamplesAreSolvedExactly() {
    Random r = new Random(11);
    PossibilisticRules rules =
        PossibilisticRules.of(5, List.of(new int[] {0, 1}, new int[] {1, 2}, new int[] {3}));
    double[] planted = new double[6];
    for (int j = 0; j < 6; j++) {
      planted[j] = eighth(r);
    }
    int n = 40;
    double[][] in = new double[n][6];
    double[][] t = new double[n][];
    for (int e = 0; e < n; e++) {
      for (int j = 0; j < 6; j++) {
        in[e][j] = eighth(r);
      }
      t[e] = rules.infer(planted, in[e]);
    }
    double[] d = RuleLearning.sampleDistances(rules, in, t);
    assertThat(d).containsOnly(0.0);
    RuleLearning.Learned l = RuleLearning.learn(rules, in, t, d, RuleLearning.minimalThreshold(d));
    assertThat(l.kept()).isEqualTo(n);
    assertThat(l.nablaNc()).isZero();
    for (int e = 0; e < n; e++) {
      assertThat(rules.infer(l.params(), in[e])).containsExactly(t[e]);
    }
    for (int j = 0; j < 6; j++) {
      assertThat(l.params()[j]).isLessThanOrEqualTo(planted[j]); // the lowest solution
    }
  }

  /** Softmax-like outputs of a digit reader that is right with probability 1 − err. */
  static float[] reader(Random r, int label, double err) {
    float[] p = new float[10];
    int top = r.nextDouble() < err ? (label + 1 + r.nextInt(9)) % 10 : label;
    double rest = 1;
    for (int v = 0; v < 10; v++) {
      p[v] = (float) (0.01 * r.nextDouble());
      rest -= p[v];
    }
    p[top] += (float) rest;
    return p;
  }

  static PiNesyAddition.Examples examples(Random r, int n, double err) {
    double[][] p1 = new double[n][];
    double[][] p2 = new double[n][];
    int[] a = new int[n];
    int[] b = new int[n];
    for (int e = 0; e < n; e++) {
      a[e] = r.nextInt(10);
      b[e] = r.nextInt(10);
      p1[e] = ProbabilityToPossibility.ANTIPIGNISTIC.apply(reader(r, a[e], err), 0, 10);
      p2[e] = ProbabilityToPossibility.ANTIPIGNISTIC.apply(reader(r, b[e], err), 0, 10);
    }
    return new PiNesyAddition.Examples(p1, p2, a, b);
  }

  @Test
  void learnedAdditionRulesReadSumsWhereTheWholeRelationCollapses() {
    Random r = new Random(5);
    PiNesyAddition.Examples train = examples(r, 600, 0.05);
    PiNesyAddition.Examples valid = examples(r, 300, 0.05);
    PiNesyAddition.Examples test = examples(r, 500, 0.05);
    PiNesyAddition.Learner learner = new PiNesyAddition.Learner(train);
    double[] d = learner.cSampleDistances();
    long misread = java.util.Arrays.stream(d).filter(x -> x > 0.9).count();
    assertThat(misread).isBetween(30L, 90L); // a misread digit gives its sample ∇(e) ≈ 1
    PiNesyAddition.Search s = PiNesyAddition.search(learner, valid);
    // both digits read right 0.95² ≈ 90% of the time; a learned system must get those sums
    assertThat(PiNesyAddition.accuracy(s.model(), test)).isGreaterThan(0.85);
    assertThat(learner.kept[0]).isLessThan(600); // samples at or above τ were set aside
    // without thresholds the procedure still learns: each sample's b is first replaced by its
    // lowest Chebyshev approximation, so the stacked system is consistent (∇_NC = 0)
    PiNesyAddition.Model all = learner.fit(new double[] {1.01, 1.01, 1.01});
    assertThat(learner.kept[0]).isEqualTo(600);
    assertThat(learner.nablaNc[0]).isZero();
    assertThat(PiNesyAddition.accuracy(all, test)).isGreaterThan(0.85);
    // the 100×19 relation learned by the greatest Chebyshev approximate solution collapses on the
    // same data: one contradicted 0/1 label puts a column's Δ at 0.5 and flattens it
    double[][] xs = new double[train.size()][];
    double[][] ys = new double[train.size()][19];
    for (int e = 0; e < train.size(); e++) {
      xs[e] = PiNesyBench.pairPremises(train.pi1()[e], train.pi2()[e]);
      ys[e][train.a()[e] + train.b()[e]] = 1;
    }
    FuzzyRelation.Approximation cheb = FuzzyRelation.chebyshevSolution(xs, ys);
    assertThat(cheb.distance()).contains(0.5);
    int ok = 0;
    for (int e = 0; e < test.size(); e++) {
      double[] x = PiNesyBench.pairPremises(test.pi1()[e], test.pi2()[e]);
      ok +=
          FuzzyRelation.argmax(FuzzyRelation.maxMin(x, cheb.relation()))
                  == test.a()[e] + test.b()[e]
              ? 1
              : 0;
    }
    assertThat(ok / (double) test.size())
        .isLessThan(PiNesyAddition.accuracy(s.model(), test) - 0.3);
  }

  static PiNesyMultiDigit.Examples multi(Random r, int size, int n, double err) {
    double[][][] pi = new double[size][2 * n][];
    int[][] digits = new int[size][2 * n];
    for (int e = 0; e < size; e++) {
      for (int i = 0; i < 2 * n; i++) {
        digits[e][i] = r.nextInt(10);
        pi[e][i] =
            ProbabilityToPossibility.ANTIPIGNISTIC.apply(reader(r, digits[e][i], err), 0, 10);
      }
    }
    return new PiNesyMultiDigit.Examples(pi, digits);
  }

  @Test
  void multiDigitRuleBaseAgreesAtOneDigitAndCarriesAtTwo() {
    Random r = new Random(9);
    PiNesyMultiDigit.Examples one = multi(r, 300, 1, 0.05);
    PiNesyMultiDigit.Examples oneTest = multi(r, 300, 1, 0.05);
    PiNesyAddition.Examples asPairs = pairs(one);
    PiNesyAddition.Learner learner = new PiNesyAddition.Learner(asPairs);
    double[] tau = {0.01, 0.02, 0.05};
    PiNesyAddition.Model m1 = learner.fit(tau);
    PiNesyMultiDigit.Model mk = PiNesyMultiDigit.fit(one, tau, new double[3]);
    assertThat(mk.c()[0]).containsExactly(m1.c());
    assertThat(mk.y()[0]).containsExactly(m1.y1());
    assertThat(PiNesyMultiDigit.accuracy(mk, oneTest))
        .isEqualTo(PiNesyAddition.accuracy(m1, pairs(oneTest)));
    // two-digit numbers: four digits read right ≈ 0.95^4 ≈ 81% of the time, carries included
    PiNesyMultiDigit.Examples two = multi(r, 400, 2, 0.05);
    PiNesyMultiDigit.Examples twoValid = multi(r, 200, 2, 0.05);
    PiNesyMultiDigit.Examples twoTest = multi(r, 400, 2, 0.05);
    PiNesyMultiDigit.Model m2 = PiNesyMultiDigit.search(two, twoValid, new double[3]);
    assertThat(PiNesyMultiDigit.accuracy(m2, twoTest)).isGreaterThan(0.72);
  }

  static PiNesyAddition.Examples pairs(PiNesyMultiDigit.Examples ex) {
    int n = ex.size();
    double[][] p1 = new double[n][];
    double[][] p2 = new double[n][];
    int[] a = new int[n];
    int[] b = new int[n];
    for (int e = 0; e < n; e++) {
      p1[e] = ex.pi()[e][0];
      p2[e] = ex.pi()[e][1];
      a[e] = ex.digits()[e][0];
      b[e] = ex.digits()[e][1];
    }
    return new PiNesyAddition.Examples(p1, p2, a, b);
  }
}
