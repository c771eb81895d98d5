package org.gyrus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RanksTest {
  @Test
  void ranksAverageTiesAndPutNonFiniteValuesLowest() {
    double[] a = {3, 1, 2, 2, 5, Double.NaN};
    assertThat(Ranks.of(a)).containsExactly(4, 1, 2.5, 2.5, 5, 0);
  }

  @Test
  void spearmanMatchesTheRankFormulaWithoutTies() {
    double[] x = {3, 1, 4, 1.5, 9, 2.6};
    double[] y = {10, 20, 30, 40, 50, 60};
    // ranks x = [4,1,5,2,6,3], y = [1..6]; d = [3,-1,2,-2,1,-3]; rho = 1 - 6*28/(6*35) = 0.2
    assertThat(Ranks.spearman(x, y)).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void spearmanWithTiesIsPearsonOfMeanRanks() {
    double[] a = {3, 1, 2, 2, 5, Double.NaN};
    double[] b = {10, 0, 4, 6, 9, -1};
    double[] ra = {4, 1, 2.5, 2.5, 5, 0};
    double[] rb = {5, 1, 2, 3, 4, 0};
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < 6; i++) {
      sab += (ra[i] - 2.5) * (rb[i] - 2.5);
      saa += (ra[i] - 2.5) * (ra[i] - 2.5);
      sbb += (rb[i] - 2.5) * (rb[i] - 2.5);
    }
    assertThat(Ranks.spearman(a, b)).isCloseTo(sab / Math.sqrt(saa * sbb), within(1e-12));
    assertThat(Ranks.spearman(b, b)).isEqualTo(1.0);
  }

  @Test
  void constantSidesGiveNaNAndLengthsMustMatch() {
    assertThat(Ranks.spearman(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
    assertThatThrownBy(() -> Ranks.spearman(new double[2], new double[3]))
        .hasMessageContaining("2 vs 3");
  }
}
