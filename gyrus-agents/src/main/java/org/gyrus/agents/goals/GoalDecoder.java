package org.gyrus.agents.goals;

import java.util.Arrays;

/**
 * Turns per-block support scores into the best consistent goal: an exact branch-and-bound search
 * over every physical arrangement of the scene's blocks (each on the table or on one other block,
 * no block carrying two, no loops), maximising the summed scores. {@code scores[b][s]} scores block
 * {@code b} on block {@code s}; column {@link Palette#size()} scores {@code b} on the table.
 */
public final class GoalDecoder {
  private final double[][] scores;
  private final int[] blocks;
  private final int table;
  private final int[] under;
  private final boolean[] carries;
  private final double[] bestRest;
  private final int[][] order;
  private int[] best;
  private double bestScore;

  private GoalDecoder(double[][] scores, int[] blocks) {
    this.scores = scores;
    this.blocks = blocks;
    this.table = Palette.size();
    this.under = new int[table];
    Arrays.fill(under, BlocksState.ABSENT);
    this.carries = new boolean[table];
    this.order = new int[blocks.length][];
    this.bestRest = new double[blocks.length + 1];
    for (int i = blocks.length - 1; i >= 0; i--) {
      order[i] = options(blocks[i]);
      bestRest[i] = bestRest[i + 1] + scores[blocks[i]][order[i][0]];
    }
  }

  /** The highest-scoring consistent state of {@code blocks} (palette indices). */
  public static BlocksState decode(double[][] scores, int[] blocks) {
    GoalDecoder d = new GoalDecoder(scores, blocks);
    d.bestScore = Double.NEGATIVE_INFINITY;
    d.search(0, 0);
    return new BlocksState(d.best);
  }

  /** The summed score of a state under {@code scores}. */
  public static double score(double[][] scores, BlocksState s) {
    double sum = 0;
    for (int b : s.blocks()) {
      sum += scores[b][s.under(b) == BlocksState.TABLE ? Palette.size() : s.under(b)];
    }
    return sum;
  }

  /** Supports of {@code b} (the table and the other blocks), best score first. */
  private int[] options(int b) {
    Integer[] opts = new Integer[blocks.length];
    int n = 0;
    opts[n++] = table;
    for (int o : blocks) {
      if (o != b) {
        opts[n++] = o;
      }
    }
    Arrays.sort(opts, (x, y) -> Double.compare(scores[b][y], scores[b][x]));
    return Arrays.stream(opts).mapToInt(Integer::intValue).toArray();
  }

  private void search(int i, double sofar) {
    if (sofar + bestRest[i] <= bestScore) {
      return; // even the best support for every remaining block cannot win
    }
    if (i == blocks.length) {
      bestScore = sofar;
      best = under.clone();
      return;
    }
    int b = blocks[i];
    for (int s : order[i]) {
      if (s != table && (carries[s] || loops(b, s))) {
        continue;
      }
      under[b] = s == table ? BlocksState.TABLE : s;
      if (s != table) {
        carries[s] = true;
      }
      search(i + 1, sofar + scores[b][s]);
      if (s != table) {
        carries[s] = false;
      }
      under[b] = BlocksState.ABSENT;
    }
  }

  /** Whether putting {@code b} on {@code s} closes a loop through the blocks placed so far. */
  private boolean loops(int b, int s) {
    for (int c = s; c >= 0; c = under[c]) {
      if (c == b) {
        return true;
      }
    }
    return false;
  }
}
