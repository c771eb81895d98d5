package org.gyrus.agents.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TopsimTest {
  @Test
  void editDistanceByHand() {
    assertThat(Topsim.editDistance(new int[] {1, 2, 3}, new int[] {1, 2, 3})).isZero();
    assertThat(Topsim.editDistance(new int[] {1, 2, 3}, new int[] {1, 4, 3})).isEqualTo(1);
    assertThat(Topsim.editDistance(new int[] {1, 2, 3}, new int[] {2, 3})).isEqualTo(1);
    assertThat(Topsim.editDistance(new int[] {1, 2}, new int[] {3, 4, 5})).isEqualTo(3);
  }

  /**
   * Four objects with meanings (a, b) in {0,1}^2, meaning distance = Hamming. Messages: a
   * compositional code [a, b] gives edit distance = Hamming, so rho = 1. A holistic code gives the
   * hand-computed rho below.
   */
  @Test
  void topsimAgainstAHandComputedCase() {
    int[][] meanings = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    Topsim.Distance hamming =
        (i, j) ->
            (meanings[i][0] != meanings[j][0] ? 1 : 0) + (meanings[i][1] != meanings[j][1] ? 1 : 0);
    assertThat(Topsim.of(new int[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, hamming))
        .isCloseTo(1.0, within(1e-12));
    // messages 00, 01, 10, 23: pairs (01)(02)(03)(12)(13)(23)
    // meaning: 1 1 2 2 1 1        edit: 1 1 2 2 2 2
    // ranks meaning: 1s -> 2.5, 2s -> 5.5: [2.5,2.5,5.5,5.5,2.5,2.5]
    // ranks edit:    1s -> 1.5, 2s -> 4.5: [1.5,1.5,4.5,4.5,4.5,4.5]
    // Pearson of the ranks: centred x = [-1,-1,2,2,-1,-1], y = [-2,-2,1,1,1,1]
    // sxy = 2+2+2+2-1-1 = 6, sxx = 12, syy = 12 → 0.5
    assertThat(Topsim.of(new int[][] {{0, 0}, {0, 1}, {1, 0}, {2, 3}}, hamming))
        .isCloseTo(0.5, within(1e-12));
  }

  @Test
  void constantMessagesGiveNaN() {
    assertThat(Topsim.of(new int[][] {{1}, {1}, {1}}, (i, j) -> i + j)).isNaN();
  }

  @Test
  void codebookUsageByHand() {
    CodebookUsage u = CodebookUsage.of(new int[][] {{0, 1}, {0, 1}, {2, 3}, {2, 3}}, 8);
    assertThat(u.perplexity()).isCloseTo(4.0, within(1e-12));
    assertThat(u.usedFraction()).isEqualTo(0.5);
    assertThat(u.distinctMessages()).isEqualTo(2);
    assertThat(CodebookUsage.of(new int[][] {{5}, {5}}, 8).perplexity()).isEqualTo(1.0);
  }
}
