package org.gyrus.nesy.pinesy;

import java.util.ArrayList;
import java.util.List;

/**
 * Π-NeSy's rule base for 4x4 MNIST-Sudoku validity (Baaj and Marquis 2025). For every pair f of
 * cells that must differ (same row, column or box: 56 pairs), a first set of 8 rules "cell_1 = k ⇒
 * b_f ∈ {(k, ·)}", "cell_2 = k ⇒ b_f ∈ {(·, k)}" gives the possibility of each value pair b_f; a
 * second set of one rule "every b_f ∈ {x ≠ y} ⇒ c = valid" decides, with λ = min_f Π(b_f ∈ {x ≠ y})
 * and ρ = max_f Π(b_f ∈ {x = y}). Each first set is learned from the cells' labels, the second from
 * the puzzles' labels, both by {@link RuleLearning}.
 */
public final class PiNesySudoku {
  /** The 56 pairs of peer cells (row-major indices, the first one lower). */
  public static final int[][] PAIRS = pairs();

  public static final PossibilisticRules FIRST = firstRules();
  public static final PossibilisticRules SECOND = PossibilisticRules.of(2, List.of(new int[] {1}));

  private PiNesySudoku() {}

  /**
   * Puzzles: per puzzle and cell the possibility of 1..4 (index 0..3), the cell labels, validity.
   */
  public record Puzzles(double[][][] pi, int[][] cells, boolean[] valid) {
    public int size() {
      return valid.length;
    }
  }

  /** Per pair f its first-set parameters, and the second set's. */
  public record Model(double[][] first, double[] second) {}

  private static int[][] pairs() {
    List<int[]> out = new ArrayList<>();
    for (int a = 0; a < 16; a++) {
      for (int b = a + 1; b < 16; b++) {
        boolean peer =
            a / 4 == b / 4 || a % 4 == b % 4 || (a / 8 == b / 8 && (a % 4) / 2 == (b % 4) / 2);
        if (peer) {
          out.add(new int[] {a, b});
        }
      }
    }
    return out.toArray(new int[0][]);
  }

  private static PossibilisticRules firstRules() {
    List<int[]> q = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      int[] first = new int[4];
      int[] second = new int[4];
      for (int y = 0; y < 4; y++) {
        first[y] = k * 4 + y;
        second[y] = y * 4 + k;
      }
      q.add(first);
      q.add(second);
    }
    return PossibilisticRules.of(16, q);
  }

  static double[] firstInput(double[] pi1, double[] pi2) {
    double[] x = new double[16];
    for (int k = 0; k < 4; k++) {
      System.arraycopy(ProbabilityToPossibility.singleton(pi1, k), 0, x, 4 * k, 2);
      System.arraycopy(ProbabilityToPossibility.singleton(pi2, k), 0, x, 4 * k + 2, 2);
    }
    return x;
  }

  static double[] secondInput(double[][] first, double[][] pi) {
    double lambda = 1;
    double rho = 0;
    for (int f = 0; f < PAIRS.length; f++) {
      double[] b = FIRST.inferValues(first[f], firstInput(pi[PAIRS[f][0]], pi[PAIRS[f][1]]));
      double[] lr = ProbabilityToPossibility.premise(b, v -> v / 4 != v % 4);
      lambda = Math.min(lambda, lr[0]);
      rho = Math.max(rho, lr[1]);
    }
    return new double[] {lambda, rho};
  }

  /** 1 = valid, 0 = invalid, −1 = ambiguous. */
  public static int predict(Model m, double[][] pi) {
    return PiNesyAddition.uniqueArgmax(SECOND.inferValues(m.second(), secondInput(m.first(), pi)));
  }

  public static double accuracy(Model m, Puzzles p) {
    int ok = 0;
    for (int k = 0; k < p.size(); k++) {
      ok += predict(m, p.pi()[k]) == (p.valid()[k] ? 1 : 0) ? 1 : 0;
    }
    return (double) ok / p.size();
  }

  /** Learns with thresholds {τ_first, τ_second}, each raised to its least useful value. */
  public static Model fit(Puzzles train, double[] tau, double[] used) {
    int n = train.size();
    double[][] first = new double[PAIRS.length][];
    used[0] = 0;
    for (int f = 0; f < PAIRS.length; f++) {
      double[][] in = new double[n][];
      double[][] t = new double[n][];
      for (int k = 0; k < n; k++) {
        int a = PAIRS[f][0];
        int b = PAIRS[f][1];
        in[k] = firstInput(train.pi()[k][a], train.pi()[k][b]);
        t[k] = FIRST.target(train.cells()[k][a] * 4 + train.cells()[k][b]);
      }
      double[] d = RuleLearning.sampleDistances(FIRST, in, t);
      double tf = RuleLearning.threshold(tau[0], d);
      used[0] = Math.max(used[0], tf);
      first[f] = RuleLearning.learn(FIRST, in, t, d, tf).params();
    }
    double[][] in = new double[n][];
    double[][] t = new double[n][];
    for (int k = 0; k < n; k++) {
      in[k] = secondInput(first, train.pi()[k]);
      t[k] = SECOND.target(train.valid()[k] ? 1 : 0);
    }
    double[] d = RuleLearning.sampleDistances(SECOND, in, t);
    used[1] = RuleLearning.threshold(tau[1], d);
    return new Model(first, RuleLearning.learn(SECOND, in, t, d, used[1]).params());
  }

  /** The reference's threshold search (as {@link PiNesyAddition#search}) for the two thresholds. */
  public static Model search(Puzzles train, Puzzles valid, double[] chosen) {
    return RuleLearning.searchThresholds(
        2, (tau, used) -> fit(train, tau, used), m -> accuracy(m, valid), chosen);
  }
}
