package org.gyrus.nn.explain;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The B17 study on one trained network: mine NAP_c per class from training inputs, measure how many
 * test inputs of class c match NAP_c (coverage, the paper's recall) and how many inputs matching
 * NAP_c really are class c (precision), verify "NAP_c ⇒ c" over the whole input domain, and verify
 * L∞ balls around test points with and without the NAP constraint.
 */
public final class NapAnalysis {
  private NapAnalysis() {}

  /**
   * @param layers hidden layers the patterns cover
   * @param delta the mining threshold δ
   * @param timeoutMs solver time per specification
   * @param ballsPerClass test points per class for the robustness regions
   * @param epsPixels ball radii in pixel units (fractions of the input range)
   * @param attackSteps steps of {@link NapAttack} per seed and rival before the solver (0: none)
   */
  public record Options(
      List<Integer> layers,
      double delta,
      String solver,
      long timeoutMs,
      int ballsPerClass,
      double[] epsPixels,
      int attackSteps) {
    public Options(
        List<Integer> layers,
        double delta,
        String solver,
        long timeoutMs,
        int ballsPerClass,
        double[] epsPixels) {
      this(layers, delta, solver, timeoutMs, ballsPerClass, epsPixels, 0);
    }
  }

  /** Test inputs of the class covered by its NAP that seed {@link NapAttack}. */
  static final int ATTACK_SEEDS = 3;

  /**
   * One class: NAP size, coverage and precision on test data, the verdict and what gave it ({@code
   * test input}, {@code attack} or {@code solver}).
   */
  public record ClassResult(
      int cls,
      int napSize,
      int testCount,
      double coverage,
      int matched,
      double precision,
      double medianCoveredDistance,
      Verdict verdict,
      String decidedBy) {}

  /** Robustness regions of one radius: verdict counts, plain ball or ball ∩ NAP_c. */
  public record BallResult(
      double epsPixels, boolean withNap, int proven, int refuted, int unknown, double seconds) {}

  /**
   * B17's "no ambiguity" property over all pairs of classes: no input matches NAP_a and NAP_b.
   *
   * @param syntactic pairs proven by a neuron active in one pattern and inactive in the other
   */
  public record PairResult(int pairs, int syntactic, int proven, int refuted, int unknown) {}

  public record Result(List<ClassResult> classes, List<BallResult> balls, PairResult pairs) {
    /** Test inputs covered by their class's NAP, over all classes. */
    public double coverage() {
      int covered = 0;
      int all = 0;
      for (ClassResult c : classes) {
        covered += (int) Math.round(c.coverage * c.testCount);
        all += c.testCount;
      }
      return (double) covered / all;
    }

    public long count(Verdict.Status s) {
      return classes.stream().filter(c -> c.verdict.status() == s).count();
    }
  }

  public static Result run(
      ReluMlp net,
      double[][] trainX,
      int[] trainY,
      double[][] testX,
      int[] testY,
      Options o,
      PrintStream log) {
    Nap[] naps = NapMiner.mine(net, o.layers(), o.delta(), trainX, trainY);
    int k = net.outputs();
    boolean[][] match = new boolean[testX.length][k];
    for (int i = 0; i < testX.length; i++) {
      double[][] z = net.preActivations(testX[i]);
      for (int c = 0; c < k; c++) {
        match[i][c] = naps[c].matches(z);
      }
    }
    double range = net.hi()[0] - net.lo()[0];
    SpecVerifier verifier = SpecVerifier.of(o.solver(), net, o.timeoutMs());
    List<ClassResult> classes = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      int n = 0;
      int covered = 0;
      int matched = 0;
      int right = 0;
      List<double[]> coveredX = new ArrayList<>();
      for (int i = 0; i < testX.length; i++) {
        n += testY[i] == c ? 1 : 0;
        if (match[i][c]) {
          matched++;
          right += testY[i] == c ? 1 : 0;
          if (testY[i] == c) {
            covered++;
            coveredX.add(testX[i]);
          }
        }
      }
      Verdict v = falsifyBySamples(net, naps[c], c, testX, match);
      String by = "test input";
      if (v == null && o.attackSteps() > 0) {
        long t0 = System.nanoTime();
        List<double[]> seeds = coveredX.subList(0, Math.min(ATTACK_SEEDS, coveredX.size()));
        double[] x = NapAttack.search(net, net.lo(), net.hi(), naps[c], c, seeds, o.attackSteps());
        v =
            x == null
                ? null
                : new Verdict(Verdict.Status.REFUTED, x, (System.nanoTime() - t0) / 1e9);
        by = "attack";
      }
      if (v == null) {
        v = verifier.verify(naps[c], c);
        by = "solver";
      }
      ClassResult r =
          new ClassResult(
              c,
              naps[c].size(),
              n,
              n == 0 ? Double.NaN : (double) covered / n,
              matched,
              matched == 0 ? Double.NaN : (double) right / matched,
              medianDistance(coveredX, 40) / range,
              v,
              by);
      log.printf(
          "class %d nap_size %d coverage %.4f precision %.4f verdict %s by %s %.1fs%n",
          c, r.napSize(), r.coverage(), r.precision(), v.status(), by, v.seconds());
      classes.add(r);
    }
    List<BallResult> balls = balls(net, naps, testX, testY, match, o, verifier, log);
    return new Result(
        classes, balls, pairs(net, naps, testX, match, o.solver(), o.timeoutMs(), log));
  }

  /**
   * Checks every pair of NAPs for disjointness: a test input matching both refutes it; otherwise,
   * when no neuron conflicts, the conjunction region is empty exactly when both "region ⇒ a" and
   * "region ⇒ b" are proven (an input there would be classified as both); a counterexample to
   * either is an input matching both patterns. The solver gets {@code budgetMs} for all pairs
   * together (one specification's time); pairs left when it is spent count as unknown.
   */
  static PairResult pairs(
      ReluMlp net,
      Nap[] naps,
      double[][] testX,
      boolean[][] match,
      String solver,
      long budgetMs,
      PrintStream log) {
    long deadline = System.nanoTime() + budgetMs * 1_000_000L;
    int[] n = new int[5];
    for (int a = 0; a < naps.length; a++) {
      for (int b = a + 1; b < naps.length; b++) {
        n[0]++;
        Nap both = naps[a].and(naps[b]);
        if (both == null) {
          n[1]++;
          n[2]++;
          continue;
        }
        boolean witnessed = false;
        for (int i = 0; i < testX.length && !witnessed; i++) {
          witnessed = match[i][a] && match[i][b];
        }
        Verdict.Status first = null;
        Verdict.Status second = null;
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (!witnessed && Bounds.of(net, net.lo(), net.hi(), both).empty()) {
          second = Verdict.Status.PROVEN; // the intervals alone rule the conjunction out
        } else if (!witnessed && left > 0) {
          first = SpecVerifier.of(solver, net, left).verify(both, a).status();
          left = (deadline - System.nanoTime()) / 1_000_000;
          if (first == Verdict.Status.PROVEN && left > 0) {
            second = SpecVerifier.of(solver, net, left).verify(both, b).status();
          }
        }
        if (witnessed || first == Verdict.Status.REFUTED || second == Verdict.Status.REFUTED) {
          n[3]++;
        } else if (second == Verdict.Status.PROVEN) {
          n[2]++;
        } else {
          n[4]++;
        }
      }
    }
    PairResult r = new PairResult(n[0], n[1], n[2], n[3], n[4]);
    log.printf(
        "nap pairs %d disjoint %d (by a conflicting neuron %d) overlapping %d unknown %d%n",
        r.pairs(), r.proven(), r.syntactic(), r.refuted(), r.unknown());
    return r;
  }

  private static List<BallResult> balls(
      ReluMlp net,
      Nap[] naps,
      double[][] testX,
      int[] testY,
      boolean[][] match,
      Options o,
      SpecVerifier verifier,
      PrintStream log) {
    List<Integer> points = new ArrayList<>();
    if (o.ballsPerClass() == 0) {
      return List.of();
    }
    int[] taken = new int[net.outputs()];
    for (int i = 0; i < testX.length; i++) {
      int c = testY[i];
      if (taken[c] < o.ballsPerClass() && match[i][c] && net.predict(testX[i]) == c) {
        taken[c]++;
        points.add(i);
      }
    }
    double range = net.hi()[0] - net.lo()[0];
    List<BallResult> out = new ArrayList<>();
    for (double eps : o.epsPixels()) {
      for (boolean withNap : new boolean[] {false, true}) {
        int[] counts = new int[3];
        double seconds = 0;
        for (int i : points) {
          int c = testY[i];
          Nap nap = withNap ? naps[c] : Nap.none(net);
          Verdict v = verifier.verifyBall(testX[i], eps * range, nap, c);
          counts[v.status().ordinal()]++;
          seconds += v.seconds();
        }
        BallResult b =
            new BallResult(eps, withNap, counts[0], counts[1], counts[2], seconds / points.size());
        log.printf(
            "ball eps %.3f nap %s proven %d refuted %d unknown %d (%.1fs each)%n",
            eps, withNap, b.proven(), b.refuted(), b.unknown(), b.seconds());
        out.add(b);
      }
    }
    return out;
  }

  /**
   * A test input that matches NAP_c but that the network does not classify c is a counterexample
   * already (checked by the forward pass); the solver is asked only when there is none.
   */
  static Verdict falsifyBySamples(ReluMlp net, Nap nap, int c, double[][] xs, boolean[][] match) {
    long start = System.nanoTime();
    for (int i = 0; i < xs.length; i++) {
      if (match[i][c] && SpecVerifier.violates(net, xs[i], net.lo(), net.hi(), nap, c)) {
        return new Verdict(Verdict.Status.REFUTED, xs[i], (System.nanoTime() - start) / 1e9);
      }
    }
    return null;
  }

  /** Median L∞ distance between pairs of the first {@code cap} inputs. */
  static double medianDistance(List<double[]> xs, int cap) {
    int n = Math.min(cap, xs.size());
    List<Double> d = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double m = 0;
        for (int f = 0; f < xs.get(i).length; f++) {
          m = Math.max(m, Math.abs(xs.get(i)[f] - xs.get(j)[f]));
        }
        d.add(m);
      }
    }
    if (d.isEmpty()) {
      return Double.NaN;
    }
    double[] a = d.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(a);
    return a[a.length / 2];
  }
}
