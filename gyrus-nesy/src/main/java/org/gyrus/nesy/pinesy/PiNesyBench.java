package org.gyrus.nesy.pinesy;

import ai.djl.training.Trainer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.gyrus.nesy.AdditionData;
import org.gyrus.nesy.MnistAddition;
import org.gyrus.nn.data.Dataset;

/**
 * Π-NeSy on top of a trained digit network: softmax → possibility degrees (normalised by the max),
 * rule parameters learned from the training set by (relaxed) Sanchez resolution, min-max inference
 * on the test set. Tasks: MNIST-addition N=1 (100 premises "d1=a ∧ d2=b", 19 sums) and 4x4
 * MNIST-Sudoku validity (premises π(some valid grid), π(some invalid grid); outputs valid,
 * invalid).
 */
public final class PiNesyBench {
  /** Degrees below this are treated as impossible (softmax is never exactly 0). */
  public static final double EPS = 0.1;

  /** Candidate fractions of contradicting training examples tolerated (0 = exact Sanchez). */
  public static final double[] QUANTILES = {0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3};

  private PiNesyBench() {}

  /** Premise degrees min(π1(a), π2(b)) for the 100 pairs, index a*10+b. */
  public static double[] pairPremises(double[] pi1, double[] pi2) {
    double[] x = new double[100];
    for (int a = 0; a < 10; a++) {
      for (int b = 0; b < 10; b++) {
        x[a * 10 + b] = Math.min(pi1[a], pi2[b]);
      }
    }
    return x;
  }

  /** Runs both tasks; returns a JSON fragment (leading comma) with the accuracies. */
  public static String run(
      Trainer trainer, Dataset train, Dataset test, long seed, PrintStream log) {
    float[][] ptr = MnistAddition.probabilities(trainer, train);
    float[][] pte = MnistAddition.probabilities(trainer, test);
    // --- addition N=1
    AdditionData tr = AdditionData.of(train, 1, seed);
    AdditionData te = AdditionData.of(test, 1, seed + 1);
    long[] trSums = tr.sums();
    long[] teSums = te.sums();
    double[][] xs = new double[tr.size()][];
    double[][] ys = new double[tr.size()][19];
    for (int k = 0; k < tr.size(); k++) {
      xs[k] = premises(ptr, tr.groups()[k]);
      ys[k][(int) trSums[k]] = 1;
    }
    long t0 = System.nanoTime();
    double[][] rel = FuzzyRelation.fitRelaxed(xs, ys, QUANTILES);
    double[][] sanchez = FuzzyRelation.greatestSolution(xs, ys);
    FuzzyRelation.Approximation cheb = FuzzyRelation.chebyshevSolution(xs, ys);
    double maxDelta = java.util.Arrays.stream(cheb.distance()).max().orElse(0);
    double learnSecs = (System.nanoTime() - t0) / 1e9;
    int ruleAgree = 0;
    for (int i = 0; i < 100; i++) {
      for (int j = 0; j < 19; j++) {
        boolean arith = i / 10 + i % 10 == j;
        ruleAgree += (rel[i][j] >= 0.5) == arith ? 1 : 0;
      }
    }
    int ok = 0;
    int okSanchez = 0;
    int okCheb = 0;
    for (int k = 0; k < te.size(); k++) {
      double[] x = premises(pte, te.groups()[k]);
      ok += FuzzyRelation.argmax(FuzzyRelation.maxMin(x, rel)) == teSums[k] ? 1 : 0;
      okSanchez += FuzzyRelation.argmax(FuzzyRelation.maxMin(x, sanchez)) == teSums[k] ? 1 : 0;
      okCheb += FuzzyRelation.argmax(FuzzyRelation.maxMin(x, cheb.relation())) == teSums[k] ? 1 : 0;
    }
    double addAcc = (double) ok / te.size();
    double addSanchez = (double) okSanchez / te.size();
    double addCheb = (double) okCheb / te.size();
    log.printf(
        Locale.ROOT,
        "pi-nesy addition N=1: accuracy %.4f (relaxed Sanchez, q fitted on train), %.4f (exact Sanchez), %.4f (Chebyshev approximate solution, max Δ %.3f); learned rules = arithmetic on %d/1900 entries; learning %.1f s%n",
        addAcc,
        addSanchez,
        addCheb,
        maxDelta,
        ruleAgree,
        learnSecs);
    // --- 4x4 Sudoku
    double[] sud = sudoku(ptr, train, pte, test, seed, log);
    return String.format(
        Locale.ROOT,
        ", \"pinesy_add1_accuracy\": %.5f, \"pinesy_add1_exact_sanchez_accuracy\": %.5f,"
            + " \"pinesy_add1_chebyshev_accuracy\": %.5f, \"pinesy_add1_chebyshev_max_delta\": %.4f,"
            + " \"pinesy_add1_rule_entries_arithmetic\": %d,"
            + " \"pinesy_sudoku4_accuracy\": %.5f, \"pinesy_sudoku4_boards\": %d",
        addAcc,
        addSanchez,
        addCheb,
        maxDelta,
        ruleAgree,
        sud[0],
        (int) sud[1]);
  }

  private static double[] premises(float[][] p, int[] group) {
    return pairPremises(
        FuzzyRelation.possibility(p[group[0]], 0, 10, EPS),
        FuzzyRelation.possibility(p[group[1]], 0, 10, EPS));
  }

  /** Returns {accuracy, test boards}. */
  static double[] sudoku(
      float[][] ptr, Dataset train, float[][] pte, Dataset test, long seed, PrintStream log) {
    int nTrain = 2000;
    int nTest = 1000;
    double[][] xs = new double[nTrain][];
    double[][] ys = new double[nTrain][2];
    SplittableRandom rng = new SplittableRandom(seed * 7919 + 1);
    List<List<Integer>> byDigitTr = byDigit(train);
    List<List<Integer>> byDigitTe = byDigit(test);
    for (int k = 0; k < nTrain; k++) {
      boolean valid = rng.nextBoolean();
      xs[k] = boardPremises(Sudoku4.board(rng, valid), byDigitTr, ptr, rng);
      ys[k][valid ? 0 : 1] = 1;
    }
    double[][] rel = FuzzyRelation.fitRelaxed(xs, ys, QUANTILES);
    int ok = 0;
    for (int k = 0; k < nTest; k++) {
      boolean valid = rng.nextBoolean();
      double[] y =
          FuzzyRelation.maxMin(boardPremises(Sudoku4.board(rng, valid), byDigitTe, pte, rng), rel);
      boolean predValid = y[0] > y[1];
      ok += predValid == valid ? 1 : 0;
    }
    double acc = (double) ok / nTest;
    log.printf(
        Locale.ROOT,
        "pi-nesy sudoku 4x4: accuracy %.4f on %d test boards (half valid, half one cell changed); learned R = [[%.2f %.2f] [%.2f %.2f]]%n",
        acc,
        nTest,
        rel[0][0],
        rel[0][1],
        rel[1][0],
        rel[1][1]);
    return new double[] {acc, nTest};
  }

  static double[] boardPremises(
      int[] grid, List<List<Integer>> byDigit, float[][] probs, SplittableRandom rng) {
    double[][] pi = new double[16][];
    for (int c = 0; c < 16; c++) {
      List<Integer> imgs = byDigit.get(grid[c] + 1);
      int img = imgs.get(rng.nextInt(imgs.size()));
      pi[c] = FuzzyRelation.possibility(probs[img], 1, 5, EPS);
    }
    return Sudoku4.possibilities(pi);
  }

  static List<List<Integer>> byDigit(Dataset d) {
    List<List<Integer>> out = new ArrayList<>();
    for (int v = 0; v < 10; v++) {
      out.add(new ArrayList<>());
    }
    for (int i = 0; i < d.size(); i++) {
      out.get(d.y()[i]).add(i);
    }
    return out;
  }
}
