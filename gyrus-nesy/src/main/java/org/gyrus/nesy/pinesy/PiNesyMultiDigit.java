package org.gyrus.nesy.pinesy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Π-NeSy's rule base for MNIST-addition of two N-digit numbers (Baaj and Marquis 2025): position j
 * = N (units) has c_N = (a_N, b_N) by the 20 rules of {@link PiNesyAddition#C}; every other
 * position has c_j = (a_j, b_j, w_{j+1}) over 200 values by 21 rules (the two digits', and "w_{j+1}
 * = 0 ⇒ c_j ∈ {(·, ·, 0)}"); the carry w_j comes from c_j ("x + y (+ r) ≥ 10"), the digit y_j from
 * c_j (10 rules "(x + y (+ r)) mod 10 = i"), and y_0 from w_1. Rule sets of each position are
 * learned by {@link RuleLearning} from that position's labels, from the units upwards; thresholds
 * are shared per kind (c, w, y) as in the reference. A sum is right when every output digit is the
 * unique most possible value and equals the label.
 */
public final class PiNesyMultiDigit {
  /** c_j with a carry in: value (x·10 + y)·2 + r. */
  public static final PossibilisticRules C_IN = carryInRules();

  private PiNesyMultiDigit() {}

  /** Examples: per example the 2N digits' distributions (a_1..a_N, b_1..b_N) and labels. */
  public record Examples(double[][][] pi, int[][] digits) {
    public int size() {
      return digits.length;
    }
  }

  private static PossibilisticRules carryInRules() {
    List<int[]> q = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      final int d = i;
      q.add(values(200, v -> v / 20 == d));
      q.add(values(200, v -> (v / 2) % 10 == d));
    }
    q.add(values(200, v -> v % 2 == 0));
    return PossibilisticRules.of(200, q);
  }

  private static int[] values(int domain, IntPredicate p) {
    return IntStream.range(0, domain).filter(p).toArray();
  }

  static int sumOf(int c, boolean carryIn) {
    return carryIn ? c / 20 + (c / 2) % 10 + c % 2 : c / 10 + c % 10;
  }

  static double[] cInput(double[] pa, double[] pb, double[] piW) {
    double[] x = new double[piW == null ? 40 : 42];
    System.arraycopy(PiNesyAddition.cInput(pa, pb), 0, x, 0, 40);
    if (piW != null) {
      System.arraycopy(ProbabilityToPossibility.premise(piW, v -> v == 0), 0, x, 40, 2);
    }
    return x;
  }

  static double[] yInput(double[] piC, boolean carryIn) {
    double[] x = new double[20];
    for (int i = 0; i < 10; i++) {
      final int d = i;
      System.arraycopy(
          ProbabilityToPossibility.premise(piC, v -> sumOf(v, carryIn) % 10 == d), 0, x, 2 * i, 2);
    }
    return x;
  }

  /** Per position j (index j−1) the c, w and y parameters, and y_0's. */
  public record Model(double[][] c, double[][] w, double[][] y, double[] y0) {}

  /** Label of c_j for an example (carry in from the digits below). */
  static int[] labels(int[] digits, int n) {
    // out[j-1] = c_j label, out[n + j - 1] = w_j, out[2n + j - 1] = y_j, out[3n] = y_0
    int[] out = new int[3 * n + 1];
    int carry = 0;
    for (int j = n; j >= 1; j--) {
      int a = digits[j - 1];
      int b = digits[n + j - 1];
      out[j - 1] = j == n ? a * 10 + b : (a * 10 + b) * 2 + carry;
      int s = a + b + carry;
      carry = s / 10;
      out[n + j - 1] = carry;
      out[2 * n + j - 1] = s % 10;
    }
    out[3 * n] = carry;
    return out;
  }

  /** The inferred distributions of every attribute, units first, for one example. */
  static double[][][] infer(Model m, double[][] pi, int n) {
    double[][] piC = new double[n][];
    double[][] piW = new double[n][];
    double[][] piY = new double[n + 1][];
    for (int j = n; j >= 1; j--) {
      boolean in = j < n;
      double[] x = cInput(pi[j - 1], pi[n + j - 1], in ? piW[j] : null);
      piC[j - 1] = (in ? C_IN : PiNesyAddition.C).inferValues(m.c()[j - 1], x);
      piW[j - 1] = PiNesyAddition.W.inferValues(m.w()[j - 1], wInput(piC[j - 1], in));
      piY[j] = PiNesyAddition.Y1.inferValues(m.y()[j - 1], yInput(piC[j - 1], in));
    }
    piY[0] = PiNesyAddition.Y0.inferValues(m.y0(), PiNesyAddition.y0Input(piW[0]));
    return new double[][][] {piC, piW, piY};
  }

  static double[] wInput(double[] piC, boolean carryIn) {
    return ProbabilityToPossibility.premise(piC, v -> sumOf(v, carryIn) >= 10);
  }

  /** Fraction of examples whose every output digit is right and unambiguous. */
  public static double accuracy(Model m, Examples ex) {
    int n = ex.pi()[0].length / 2;
    int ok = 0;
    for (int e = 0; e < ex.size(); e++) {
      double[][] piY = infer(m, ex.pi()[e], n)[2];
      int[] lab = labels(ex.digits()[e], n);
      boolean right = PiNesyAddition.uniqueArgmax(piY[0]) == lab[3 * n];
      for (int j = 1; j <= n && right; j++) {
        right = PiNesyAddition.uniqueArgmax(piY[j]) == lab[2 * n + j - 1];
      }
      ok += right ? 1 : 0;
    }
    return (double) ok / ex.size();
  }

  /**
   * Learns every set with thresholds {τ_c, τ_w, τ_y} (each raised to its set's least useful value);
   * {@code used} receives the thresholds used (the largest per kind).
   */
  public static Model fit(Examples train, double[] tau, double[] used) {
    int n = train.pi()[0].length / 2;
    int size = train.size();
    int[][] lab = new int[size][];
    for (int e = 0; e < size; e++) {
      lab[e] = labels(train.digits()[e], n);
    }
    Model m = new Model(new double[n][], new double[n][], new double[n][], new double[0]);
    double[][] piW = new double[size][];
    double[][][] yIn = new double[n + 1][size][];
    Arrays.fill(used, 0);
    for (int j = n; j >= 1; j--) {
      boolean in = j < n;
      PossibilisticRules cr = in ? C_IN : PiNesyAddition.C;
      double[][] cIn = new double[size][];
      double[][] cT = new double[size][];
      for (int e = 0; e < size; e++) {
        double[][] pi = train.pi()[e];
        cIn[e] = cInput(pi[j - 1], pi[n + j - 1], in ? piW[e] : null);
        cT[e] = cr.target(lab[e][j - 1]);
      }
      m.c()[j - 1] = learn(cr, cIn, cT, tau[0], used, 0);
      double[][] wIn = new double[size][];
      double[][] wT = new double[size][];
      for (int e = 0; e < size; e++) {
        double[] piC = cr.inferValues(m.c()[j - 1], cIn[e]);
        wIn[e] = wInput(piC, in);
        wT[e] = PiNesyAddition.W.target(lab[e][n + j - 1]);
        yIn[j][e] = yInput(piC, in);
      }
      m.w()[j - 1] = learn(PiNesyAddition.W, wIn, wT, tau[1], used, 1);
      for (int e = 0; e < size; e++) {
        piW[e] = PiNesyAddition.W.inferValues(m.w()[j - 1], wIn[e]);
      }
    }
    // the y sets share one threshold: the largest least useful value of them all
    double[][][] yT = new double[n + 1][size][];
    double[][] y0In = new double[size][];
    double ty = tau[2];
    double[][] dist = new double[n + 1][];
    for (int j = 0; j <= n; j++) {
      PossibilisticRules yr = j == 0 ? PiNesyAddition.Y0 : PiNesyAddition.Y1;
      for (int e = 0; e < size; e++) {
        if (j == 0) {
          y0In[e] = PiNesyAddition.y0Input(piW[e]);
        }
        yT[j][e] = yr.target(j == 0 ? lab[e][3 * n] : lab[e][2 * n + j - 1]);
      }
      dist[j] = RuleLearning.sampleDistances(yr, j == 0 ? y0In : yIn[j], yT[j]);
      ty = Math.max(ty, RuleLearning.minimalThreshold(dist[j]));
    }
    used[2] = ty;
    double[][] y = new double[n][];
    for (int j = 1; j <= n; j++) {
      y[j - 1] = RuleLearning.learn(PiNesyAddition.Y1, yIn[j], yT[j], dist[j], ty).params();
    }
    double[] y0 = RuleLearning.learn(PiNesyAddition.Y0, y0In, yT[0], dist[0], ty).params();
    return new Model(m.c(), m.w(), y, y0);
  }

  private static double[] learn(
      PossibilisticRules r, double[][] in, double[][] t, double tau, double[] used, int kind) {
    double[] d = RuleLearning.sampleDistances(r, in, t);
    double tt = RuleLearning.threshold(tau, d);
    used[kind] = Math.max(used[kind], tt);
    return RuleLearning.learn(r, in, t, d, tt).params();
  }

  /** The reference's threshold search (see {@link PiNesyAddition#search}). */
  public static Model search(Examples train, Examples valid, double[] chosen) {
    return RuleLearning.searchThresholds(
        3, (tau, used) -> fit(train, tau, used), m -> accuracy(m, valid), chosen);
  }
}
