package org.gyrus.nesy.pinesy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Π-NeSy's rule base for MNIST-addition with one-digit numbers (Baaj and Marquis 2025): the digits
 * a_1, a_2 feed c_1 = (a_1, a_2) through 20 rules ("a_1 = i ⇒ c_1 ∈ {(i, ·)}", "a_2 = i ⇒ c_1 ∈
 * {(·, i)}"); c_1 feeds the carry w_1 ("c_1 ∈ {x + y ≥ 10} ⇒ w_1 = 1") and the units digit y_1 (10
 * rules "c_1 ∈ {(x + y) mod 10 = i} ⇒ y_1 = i"); w_1 feeds y_0 ("w_1 = 0 ⇒ y_0 = 0"). Every set of
 * rules is learned by {@link RuleLearning} from the labels of its own output attribute, set after
 * set, each on the degrees inferred by the sets learned before it. The prediction is ambiguous (and
 * counted wrong) when an output's largest degree is shared.
 */
public final class PiNesyAddition {
  public static final PossibilisticRules C = cRules();
  public static final PossibilisticRules W = setRule(2, v -> v == 1);
  public static final PossibilisticRules Y1 = unitsRules();
  public static final PossibilisticRules Y0 = setRule(2, v -> v == 0);

  private PiNesyAddition() {}

  /** Examples: each digit's possibility distribution and its label. */
  public record Examples(double[][] pi1, double[][] pi2, int[] a, int[] b) {
    public int size() {
      return a.length;
    }
  }

  /** Learned parameters of the four sets of rules. */
  public record Model(double[] c, double[] w, double[] y1, double[] y0) {}

  private static PossibilisticRules cRules() {
    List<int[]> q = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      int[] first = new int[10];
      int[] second = new int[10];
      for (int y = 0; y < 10; y++) {
        first[y] = i * 10 + y;
        second[y] = y * 10 + i;
      }
      q.add(first);
      q.add(second);
    }
    return PossibilisticRules.of(100, q);
  }

  private static PossibilisticRules unitsRules() {
    List<int[]> q = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      q.add(new int[] {i});
    }
    return PossibilisticRules.of(10, q);
  }

  private static PossibilisticRules setRule(int domain, IntPredicate conclusion) {
    return PossibilisticRules.of(
        domain, List.of(IntStream.range(0, domain).filter(conclusion).toArray()));
  }

  /** (λ, ρ) of the 20 c-rules from the two digits' distributions. */
  public static double[] cInput(double[] pi1, double[] pi2) {
    double[] x = new double[40];
    for (int i = 0; i < 10; i++) {
      System.arraycopy(ProbabilityToPossibility.singleton(pi1, i), 0, x, 4 * i, 2);
      System.arraycopy(ProbabilityToPossibility.singleton(pi2, i), 0, x, 4 * i + 2, 2);
    }
    return x;
  }

  static double[] wInput(double[] piC) {
    return PiNesyMultiDigit.wInput(piC, false);
  }

  static double[] y1Input(double[] piC) {
    return PiNesyMultiDigit.yInput(piC, false);
  }

  static double[] y0Input(double[] piW) {
    return ProbabilityToPossibility.premise(piW, v -> v == 0);
  }

  /** The predicted sum, or −1 when y_0 or y_1 is ambiguous. */
  public static int predict(Model m, double[] pi1, double[] pi2) {
    double[] piC = C.inferValues(m.c(), cInput(pi1, pi2));
    double[] piW = W.inferValues(m.w(), wInput(piC));
    int y1 = uniqueArgmax(Y1.inferValues(m.y1(), y1Input(piC)));
    int y0 = uniqueArgmax(Y0.inferValues(m.y0(), y0Input(piW)));
    return y1 < 0 || y0 < 0 ? -1 : 10 * y0 + y1;
  }

  /** Index of the largest value, or −1 when it is shared. */
  public static int uniqueArgmax(double[] y) {
    int best = 0;
    boolean tie = false;
    for (int j = 1; j < y.length; j++) {
      if (y[j] > y[best]) {
        best = j;
        tie = false;
      } else if (y[j] == y[best]) {
        tie = true;
      }
    }
    return tie ? -1 : best;
  }

  /** Fraction of examples whose predicted sum is right (ambiguous = wrong). */
  public static double accuracy(Model m, Examples ex) {
    int ok = 0;
    for (int e = 0; e < ex.size(); e++) {
      ok += predict(m, ex.pi1()[e], ex.pi2()[e]) == ex.a()[e] + ex.b()[e] ? 1 : 0;
    }
    return (double) ok / ex.size();
  }

  /**
   * Learns the four sets of rules on training examples for thresholds {τ_c, τ_w, τ_y} (each raised
   * to its set's least useful value when below it), caching every set's result by the thresholds it
   * depends on.
   */
  public static final class Learner {
    private final Examples train;
    private final double[][] cIn;
    private final double[][] cTarget;
    private final double[] cDist;
    private final Map<Double, RuleLearning.Learned> cCache = new HashMap<>();
    private final Map<List<Double>, RuleLearning.Learned> wCache = new HashMap<>();

    /** Statistics of the last fit: kept samples and ∇_NC per set (c, w, y1, y0). */
    public final int[] kept = new int[4];

    public final double[] nablaNc = new double[4];

    /** The thresholds the last fit used (each raised to its least useful value). */
    public final double[] used = new double[3];

    public Learner(Examples train) {
      this.train = train;
      int n = train.size();
      cIn = new double[n][];
      cTarget = new double[n][];
      for (int e = 0; e < n; e++) {
        cIn[e] = cInput(train.pi1()[e], train.pi2()[e]);
        cTarget[e] = C.target(train.a()[e] * 10 + train.b()[e]);
      }
      cDist = RuleLearning.sampleDistances(C, cIn, cTarget);
    }

    /** Every c-sample's own Chebyshev distance. */
    public double[] cSampleDistances() {
      return cDist.clone();
    }

    /** The c-system of all samples with their raw one-hot targets (no approximation, no τ). */
    public double rawStackedDistance() {
      int p = C.subsets();
      double[] b = new double[cIn.length * p];
      for (int e = 0; e < cIn.length; e++) {
        System.arraycopy(cTarget[e], 0, b, e * p, p);
      }
      return MinMaxSystem.distance(C.stacked(cIn), b);
    }

    /** Learns with thresholds {τ_c, τ_w, τ_y}. */
    public Model fit(double[] tau) {
      used[0] = RuleLearning.threshold(tau[0], cDist);
      RuleLearning.Learned c =
          cCache.computeIfAbsent(used[0], k -> RuleLearning.learn(C, cIn, cTarget, cDist, k));
      int n = train.size();
      double[][] piC = new double[n][];
      double[][] wIn = new double[n][];
      double[][] wT = new double[n][];
      for (int e = 0; e < n; e++) {
        piC[e] = C.inferValues(c.params(), cIn[e]);
        wIn[e] = wInput(piC[e]);
        wT[e] = W.target(train.a()[e] + train.b()[e] >= 10 ? 1 : 0);
      }
      double[] wDist = RuleLearning.sampleDistances(W, wIn, wT);
      double tw = RuleLearning.threshold(tau[1], wDist);
      used[1] = tw;
      RuleLearning.Learned w =
          wCache.computeIfAbsent(
              List.of(c.nablaNc(), (double) c.kept(), tw),
              k -> RuleLearning.learn(W, wIn, wT, wDist, tw));
      double[][] y1In = new double[n][];
      double[][] y1T = new double[n][];
      double[][] y0In = new double[n][];
      double[][] y0T = new double[n][];
      for (int e = 0; e < n; e++) {
        int sum = train.a()[e] + train.b()[e];
        y1In[e] = y1Input(piC[e]);
        y1T[e] = Y1.target(sum % 10);
        y0In[e] = y0Input(W.inferValues(w.params(), wIn[e]));
        y0T[e] = Y0.target(sum / 10);
      }
      double[] y1Dist = RuleLearning.sampleDistances(Y1, y1In, y1T);
      double[] y0Dist = RuleLearning.sampleDistances(Y0, y0In, y0T);
      // one threshold for every y output, at least each one's least useful value
      double ty =
          Math.max(RuleLearning.threshold(tau[2], y1Dist), RuleLearning.minimalThreshold(y0Dist));
      used[2] = ty;
      RuleLearning.Learned y1 = RuleLearning.learn(Y1, y1In, y1T, y1Dist, ty);
      RuleLearning.Learned y0 = RuleLearning.learn(Y0, y0In, y0T, y0Dist, ty);
      RuleLearning.Learned[] all = {c, w, y1, y0};
      for (int s = 0; s < 4; s++) {
        kept[s] = all[s].kept();
        nablaNc[s] = all[s].nablaNc();
      }
      return new Model(c.params(), w.params(), y1.params(), y0.params());
    }
  }

  /** The thresholds chosen and the model learned with them. */
  public record Search(double[] tau, Model model, double validAccuracy, int fits) {}

  /**
   * The reference's threshold search: start from the least useful thresholds, then raise τ_c, τ_w,
   * τ_y in turn along {@link RuleLearning#GRID}, keeping a value only if the validation accuracy
   * gains more than 0.01 points, and moving on at the first value that does not.
   */
  public static Search search(Learner learner, Examples valid) {
    int[] fits = {0};
    double[] best = new double[3];
    Model bestModel =
        RuleLearning.searchThresholds(
            3,
            (tau, used) -> {
              fits[0]++;
              Model m = learner.fit(tau);
              System.arraycopy(learner.used, 0, used, 0, 3);
              return m;
            },
            m -> accuracy(m, valid),
            best);
    learner.fit(best); // its statistics (kept, ∇_NC) then describe the chosen model
    return new Search(best, bestModel, accuracy(bestModel, valid), fits[0]);
  }
}
