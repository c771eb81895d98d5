package org.gyrus.nesy.symreg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SurrogateSplitTest {
  @Test
  void anAdditivePolynomialIsSplitIntoItsPartsUpToAConstant() {
    // Nguyen-12's shape: y = (x1⁴ − x1³) + (½x2² − x2) on 20 rows; the split over {x1} must give
    // the
    // x1 part's values up to one constant, and the split over {x2} the x2 part's
    double[][] x = inputs(20, 2, 3);
    double[] p1 = new double[20];
    double[] p2 = new double[20];
    double[] y = new double[20];
    for (int i = 0; i < 20; i++) {
      double a = x[0][i];
      double b = x[1][i];
      p1[i] = a * a * a * a - a * a * a;
      p2[i] = 0.5 * b * b - b;
      y[i] = p1[i] + p2[i];
    }
    List<SurrogateSplit.Split> splits = SurrogateSplit.find(x, y);
    assertThat(splits).hasSize(2);
    for (SurrogateSplit.Split s : splits) {
      assertThat(s.deficit()).isLessThan(1e-20);
      double[] truth = s.vars()[0] == 0 ? p1 : p2;
      double offset = truth[0] - s.part()[0];
      for (int i = 0; i < 20; i++) {
        assertThat(s.part()[i] + offset).isCloseTo(truth[i], within(1e-9));
      }
    }
  }

  @Test
  void aProductIsNotSeparableAndNoSplitIsClaimed() {
    double[][] x = inputs(20, 2, 4);
    double[] y = new double[20];
    for (int i = 0; i < 20; i++) {
      y[i] = Math.sin(x[0][i]) * Math.exp(x[1][i]);
    }
    assertThat(SurrogateSplit.find(x, y)).isEmpty();
  }

  @Test
  void splitsNeedTwiceAsManyRowsAsCoefficientsAndTwoInputs() {
    // 5 rows: even the linear fit (3 coefficients) is too large, whatever y is
    double[][] x = inputs(5, 2, 5);
    assertThat(SurrogateSplit.find(x, x[0].clone())).isEmpty();
    assertThat(SurrogateSplit.find(inputs(20, 1, 6), new double[20])).isEmpty();
  }

  @Test
  void aSeparableThreeInputTargetSplitsEveryWayItCan() {
    // y = x1·x2 + x3²: separable as {x1,x2} | {x3} (both orientations), not as {x1} | {x2,x3}
    double[][] x = inputs(60, 3, 7);
    double[] y = new double[60];
    for (int i = 0; i < 60; i++) {
      y[i] = x[0][i] * x[1][i] + x[2][i] * x[2][i];
    }
    List<SurrogateSplit.Split> splits = SurrogateSplit.find(x, y);
    assertThat(splits)
        .extracting(s -> java.util.Arrays.toString(s.vars()))
        .containsExactlyInAnyOrder("[0, 1]", "[2]");
  }

  @Test
  void monomialsAreEveryExponentVectorOfDegreeOneToD() {
    // over 2 variables up to degree 3: C(5,2) - 1 = 9
    assertThat(SurrogateSplit.monomials(2, 3)).hasSize(9);
    assertThat(SurrogateSplit.monomials(1, 4)).extracting(e -> e[0]).containsExactly(1, 2, 3, 4);
  }

  private static double[][] inputs(int rows, int vars, long seed) {
    Random rnd = new Random(seed);
    double[][] x = new double[vars][rows];
    for (int v = 0; v < vars; v++) {
      for (int i = 0; i < rows; i++) {
        x[v][i] = rnd.nextDouble();
      }
    }
    return x;
  }
}
