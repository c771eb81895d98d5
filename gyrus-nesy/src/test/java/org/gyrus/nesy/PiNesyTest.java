package org.gyrus.nesy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.gyrus.core.SpecError;
import org.gyrus.logic.datalog.Parser;
import org.gyrus.logic.datalog.engine.Engine;
import org.gyrus.logic.datalog.engine.Relation;
import org.gyrus.logic.datalog.provenance.Provenance;
import org.gyrus.nesy.pinesy.FuzzyRelation;
import org.gyrus.nesy.pinesy.PiNesyBench;
import org.gyrus.nesy.pinesy.Sudoku4;
import org.junit.jupiter.api.Test;

/** Π-NeSy: min-max inference vs brute-force possibilistic oracles; Sanchez's theorem. */
class PiNesyTest {
  static double[] randomPossibility(Random r, int n) {
    double[] pi = new double[n];
    for (int v = 0; v < n; v++) {
      pi[v] = r.nextDouble() < 0.3 ? 0 : Math.round(r.nextDouble() * 100) / 100.0;
    }
    pi[r.nextInt(n)] = 1.0; // normalised: some value is fully possible
    return pi;
  }

  @Test
  void sanchezGreatestSolutionSolvesConsistentSystemsAndDominates() {
    qt().withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              int n = 1 + r.nextInt(8);
              int m = 1 + r.nextInt(6);
              int p = 1 + r.nextInt(5);
              double[][] r0 = new double[m][p];
              for (double[] row : r0) {
                for (int j = 0; j < p; j++) {
                  row[j] = Math.round(r.nextDouble() * 10) / 10.0;
                }
              }
              double[][] xs = new double[n][];
              double[][] ys = new double[n][];
              for (int k = 0; k < n; k++) {
                xs[k] = randomPossibility(r, m);
                ys[k] = FuzzyRelation.maxMin(xs[k], r0);
              }
              double[][] g = FuzzyRelation.greatestSolution(xs, ys);
              assertThat(FuzzyRelation.residual(xs, ys, g)).isZero();
              for (int i = 0; i < m; i++) {
                for (int j = 0; j < p; j++) {
                  assertThat(g[i][j]).isGreaterThanOrEqualTo(r0[i][j]);
                }
              }
              // any larger entry breaks some equation (greatest)
              for (int i = 0; i < m; i++) {
                for (int j = 0; j < p; j++) {
                  if (g[i][j] < 1) {
                    double keep = g[i][j];
                    g[i][j] = Math.min(1, keep + 0.05);
                    assertThat(FuzzyRelation.residual(xs, ys, g)).isGreaterThan(0);
                    g[i][j] = keep;
                  }
                }
              }
            });
  }

  /** min over r on the grid {0, 1/16, ..., 1}^m of ‖X ∘ r − y‖∞, column by column: the oracle. */
  static double bruteChebyshev(double[][] xs, double[][] ys, int j) {
    int m = xs[0].length;
    int[] digits = new int[m];
    double best = Double.POSITIVE_INFINITY;
    while (true) {
      double worst = 0;
      for (int k = 0; k < xs.length; k++) {
        double out = 0;
        for (int i = 0; i < m; i++) {
          out = Math.max(out, Math.min(xs[k][i], digits[i] / 16.0));
        }
        worst = Math.max(worst, Math.abs(out - ys[k][j]));
      }
      best = Math.min(best, worst);
      int i = 0;
      while (i < m && digits[i] == 16) {
        digits[i++] = 0;
      }
      if (i == m) {
        return best;
      }
      digits[i]++;
    }
  }

  @Test
  void chebyshevDistanceEqualsTheBruteForceMinimumAndItsSolutionAttainsIt() {
    qt().withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              int n = 1 + r.nextInt(5);
              int m = 1 + r.nextInt(3);
              int p = 1 + r.nextInt(2);
              double[][] xs = new double[n][m];
              double[][] ys = new double[n][p];
              for (int k = 0; k < n; k++) {
                for (int i = 0; i < m; i++) {
                  xs[k][i] = r.nextInt(5) / 4.0; // quarters: Δ and an optimum lie on sixteenths
                }
                for (int j = 0; j < p; j++) {
                  ys[k][j] = r.nextInt(5) / 4.0;
                }
              }
              FuzzyRelation.Approximation a = FuzzyRelation.chebyshevSolution(xs, ys);
              for (int j = 0; j < p; j++) {
                double brute = bruteChebyshev(xs, ys, j);
                assertThat(a.distance()[j])
                    .as("column %d", j)
                    .isCloseTo(brute, Offset.offset(1e-9));
                double worst = 0;
                for (int k = 0; k < n; k++) {
                  double out = FuzzyRelation.maxMin(xs[k], a.relation())[j];
                  worst = Math.max(worst, Math.abs(out - ys[k][j]));
                }
                assertThat(worst)
                    .as("the approximate solution is within Δ")
                    .isLessThanOrEqualTo(brute + 1e-9);
              }
              if (FuzzyRelation.residual(xs, ys, FuzzyRelation.greatestSolution(xs, ys)) == 0) {
                assertThat(a.distance()).containsOnly(0.0); // consistent: Δ = 0, Sanchez's solution
                assertThat(a.relation()).isDeepEqualTo(FuzzyRelation.greatestSolution(xs, ys));
              }
            });
  }

  @Test
  void relaxedSolutionToleratesAFewContradictions() {
    // rule "x0 -> y0", 100 agreeing examples, 2 contradicting ones
    double[][] xs = new double[102][];
    double[][] ys = new double[102][];
    for (int k = 0; k < 102; k++) {
      xs[k] = new double[] {1, 0};
      ys[k] = k < 100 ? new double[] {1, 0} : new double[] {0, 1};
    }
    assertThat(FuzzyRelation.greatestSolution(xs, ys)[0][0]).isZero();
    assertThat(FuzzyRelation.relaxedSolution(xs, ys, 0.05)[0][0]).isEqualTo(1.0);
    assertThat(FuzzyRelation.relaxedSolution(xs, ys, 0.05)[0][1]).isZero();
    assertThatThrownBy(() -> FuzzyRelation.relaxedSolution(xs, ys, 1.5))
        .isInstanceOf(SpecError.class);
  }

  /** The addition rule base through gyrus-logic's min-max semiring is the oracle. */
  @Test
  void additionInferenceAgreesWithTheDatalogMinMaxSemiring() {
    Random r = new Random(11);
    for (int trial = 0; trial < 20; trial++) {
      double[] p1 = randomPossibility(r, 10);
      double[] p2 = randomPossibility(r, 10);
      double[][] rel = new double[100][19];
      StringBuilder src = new StringBuilder();
      for (int v = 0; v < 10; v++) {
        if (p1[v] > 0) {
          src.append(String.format(Locale.ROOT, "%.2f::digit(s0, %d).%n", p1[v], v));
        }
        if (p2[v] > 0) {
          src.append(String.format(Locale.ROOT, "%.2f::digit(s1, %d).%n", p2[v], v));
        }
      }
      for (int i = 0; i < 100; i++) {
        for (int j = 0; j < 19; j++) {
          rel[i][j] = r.nextDouble() < 0.8 ? 0 : Math.round(r.nextDouble() * 100) / 100.0;
          if (rel[i][j] > 0) {
            src.append(
                String.format(
                    Locale.ROOT,
                    "%.2f::sum(%d) :- digit(s0, %d), digit(s1, %d).%n",
                    rel[i][j],
                    j,
                    i / 10,
                    i % 10));
          }
        }
      }
      double[] got = FuzzyRelation.maxMin(PiNesyBench.pairPremises(p1, p2), rel);
      Engine engine = new Engine(Parser.parse(src.toString(), "oracle"));
      engine.run();
      Relation sum = engine.relation("sum");
      double[] want = new double[19];
      if (sum != null) {
        Provenance<?> prov = Provenance.of(engine, "minmax", Set.of("sum"));
        for (int row = 0; row < sum.size(); row++) {
          int j = ((Number) engine.symbols().value(sum.get(row, 0))).intValue();
          want[j] = (Double) prov.tag(sum, row);
        }
      }
      for (int j = 0; j < 19; j++) {
        assertThat(got[j]).as("sum %d", j).isCloseTo(want[j], Offset.offset(1e-9));
      }
    }
  }

  @Test
  void thereAre288ValidGrids() {
    assertThat(Sudoku4.VALID).hasNumberOfRows(288);
    for (int[] g : Sudoku4.VALID) {
      assertThat(Sudoku4.isValid(g)).isTrue();
    }
  }

  /** π(valid), π(invalid) vs enumerating every grid over two candidate values per cell. */
  @Test
  void sudokuPossibilitiesAgreeWithEnumeration() {
    Random r = new Random(5);
    for (int trial = 0; trial < 12; trial++) {
      int[] base =
          trial % 2 == 0
              ? Sudoku4.VALID[r.nextInt(288)]
              : Sudoku4.board(new java.util.SplittableRandom(trial), false);
      double[][] pi = new double[16][4];
      int[][] cand = new int[16][2];
      for (int c = 0; c < 16; c++) {
        cand[c][0] = base[c];
        cand[c][1] = (base[c] + 1 + r.nextInt(3)) % 4;
        pi[c][cand[c][0]] = r.nextDouble() < 0.8 ? 1.0 : Math.round(r.nextDouble() * 100) / 100.0;
        pi[c][cand[c][1]] = r.nextDouble() < 0.5 ? 0 : Math.round(r.nextDouble() * 100) / 100.0;
        if (pi[c][cand[c][0]] < 1 && pi[c][cand[c][1]] < 1) {
          pi[c][cand[c][r.nextInt(2)]] = 1.0;
        }
      }
      double valid = 0;
      double invalid = 0;
      int[] g = new int[16];
      for (int mask = 0; mask < 1 << 16; mask++) {
        double d = 1;
        for (int c = 0; c < 16; c++) {
          g[c] = cand[c][(mask >> c) & 1];
          d = Math.min(d, pi[c][g[c]]);
        }
        if (Sudoku4.isValid(g)) {
          valid = Math.max(valid, d);
        } else {
          invalid = Math.max(invalid, d);
        }
      }
      double[] got = Sudoku4.possibilities(pi);
      assertThat(got[0]).as("valid, trial %d", trial).isEqualTo(valid);
      assertThat(got[1]).as("invalid, trial %d", trial).isEqualTo(invalid);
    }
  }

  @Test
  void possibilityNormalisesByTheMaximumAndCuts() {
    double[] pi = FuzzyRelation.possibility(new float[] {0.1f, 0.6f, 0.3f, 0.02f}, 0, 4, 0.1);
    assertThat(pi[1]).isEqualTo(1.0);
    assertThat(pi[2]).isCloseTo(0.5, Offset.offset(1e-6));
    assertThat(pi[3]).isZero();
  }
}
