package org.gyrus.agents.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GoalDecoderTest {
  @Test
  void decodesTheBestConsistentGoalAsBruteForceDoes() {
    qt().withExamples(300)
        .forAll(integers().between(1, 5), longs().all())
        .checkAssert(
            (n, seed) -> {
              SplittableRandom rng = new SplittableRandom(seed);
              int[] blocks = BlocksState.random(n, rng).blocks();
              double[][] scores = randomScores(rng);
              BlocksState got = GoalDecoder.decode(scores, blocks);
              assertThat(got.valid()).isTrue();
              assertThat(got.blocks()).isEqualTo(blocks);
              assertThat(GoalDecoder.score(scores, got))
                  .isCloseTo(
                      bruteForceBest(scores, blocks), org.assertj.core.data.Offset.offset(1e-9));
            });
  }

  @Test
  void aGoalScoredHighestOnItsOwnSupportsIsReturnedUnchanged() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int trial = 0; trial < 50; trial++) {
      BlocksState s = BlocksState.random(7, rng);
      double[][] scores = randomScores(rng);
      for (int b : s.blocks()) {
        scores[b][s.under(b) == BlocksState.TABLE ? Palette.size() : s.under(b)] += 10;
      }
      assertThat(GoalDecoder.decode(scores, s.blocks())).isEqualTo(s);
    }
  }

  @Test
  void inconsistentFavouritesAreRepairedAtTheLeastCost() {
    // red and green both prefer blue; red a little more: green goes to its second choice
    int k = Palette.size();
    double[][] s = new double[k][k + 1];
    for (double[] row : s) {
      java.util.Arrays.fill(row, -5);
    }
    int red = 0;
    int green = 1;
    int blue = 2;
    s[red][blue] = -0.1;
    s[green][blue] = -0.2;
    s[green][k] = -1.0;
    s[blue][k] = -0.1;
    BlocksState got = GoalDecoder.decode(s, new int[] {red, green, blue});
    assertThat(got.atoms())
        .containsExactlyInAnyOrder(
            "(on red blue)", "(ontable blue)", "(ontable green)", "(clear red)", "(clear green)");
  }

  private static double[][] randomScores(SplittableRandom rng) {
    int k = Palette.size();
    double[][] s = new double[k][k + 1];
    for (double[] row : s) {
      for (int i = 0; i < row.length; i++) {
        row[i] = -3 * rng.nextDouble();
      }
    }
    return s;
  }

  /** Every assignment of a support to every block, keeping the valid ones. */
  private static double bruteForceBest(double[][] scores, int[] blocks) {
    int n = blocks.length;
    int options = n + 1;
    double best = Double.NEGATIVE_INFINITY;
    int total = (int) Math.pow(options, n);
    for (int code = 0; code < total; code++) {
      int[] under = ScenesTest.absent(Palette.size());
      int c = code;
      for (int i = 0; i < n; i++) {
        int o = c % options;
        c /= options;
        under[blocks[i]] = o == n ? BlocksState.TABLE : blocks[o];
      }
      BlocksState s = new BlocksState(under);
      if (s.valid()) {
        best = Math.max(best, GoalDecoder.score(scores, s));
      }
    }
    return best;
  }
}
