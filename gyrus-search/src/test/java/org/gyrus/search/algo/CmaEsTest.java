package org.gyrus.search.algo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.Dna;
import org.gyrus.core.Value;
import org.gyrus.core.Values;
import org.gyrus.search.Direction;
import org.gyrus.search.Evaluator;
import org.gyrus.search.Metrics;
import org.gyrus.search.Study;
import org.gyrus.search.TrialStore;
import org.gyrus.search.store.MemoryTrialStore;
import org.junit.jupiter.api.Test;

class CmaEsTest {
  private static Value box(int d, double lo, double hi) {
    Object[] args = new Object[2 * d];
    for (int i = 0; i < d; i++) {
      args[2 * i] = "x" + i;
      args[2 * i + 1] = Values.floatRange(lo, hi, false);
    }
    return Value.Node.of("p", args);
  }

  /** An ill-conditioned convex quadratic (condition 1e3) with its minimum 0 off the centre. */
  private static final Evaluator ELLIPSOID =
      (c, ctx) -> {
        Value.Node n = (Value.Node) c;
        int d = n.args().size();
        double s = 0;
        for (int i = 0; i < d; i++) {
          double x = n.floatArg("x" + i, 0) - 0.3 * (i + 1);
          s += Math.pow(1e3, i / (d - 1.0)) * x * x;
        }
        return Metrics.of(s);
      };

  private static Study run(Value space, Evaluator f, long seed, int trials, String algo) {
    TrialStore store = new MemoryTrialStore();
    Study s =
        Study.open(
            store,
            "cma",
            space,
            List.of(Direction.MINIMIZE),
            new Value.StrVal(algo),
            seed,
            Study.Options.DEFAULT);
    s.optimize(f, trials, Study.TrialListener.NONE);
    return s;
  }

  @Test
  void reachesOneInAHundredMillionOnAnIllConditionedConvexQuadratic() {
    for (long seed = 1; seed <= 3; seed++) {
      try (Study s = run(box(4, -5, 5), ELLIPSOID, seed, 1200, "cmaes")) {
        assertThat(s.best().orElseThrow().value()).as("seed %d", seed).isLessThan(1e-8);
      }
    }
  }

  /**
   * Like Optuna's CmaEsSampler, the first generation is drawn around the centre of the box with
   * sigma0 = 1/6 of each range: over 20 seeds x 8 points x 5 coordinates the cube coordinates have
   * mean 0.5 (standard error 0.006) and standard deviation 1/6.
   */
  @Test
  void theFirstGenerationIsCentredOnTheBoxWithASixthOfTheRangeAsStep() {
    double sum = 0;
    double sq = 0;
    int count = 0;
    for (long seed = 0; seed < 20; seed++) {
      int lambda = CmaState.defaultLambda(5);
      try (Study s = run(box(5, -5.12, 5.12), ELLIPSOID, seed, lambda, "cmaes")) {
        for (org.gyrus.search.Trial t : s.trials()) {
          Value.Node p = (Value.Node) t.params();
          for (int i = 0; i < 5; i++) {
            double u = (p.floatArg("x" + i, 0) + 5.12) / 10.24;
            sum += u;
            sq += u * u;
            count++;
          }
        }
      }
    }
    double mean = sum / count;
    double sd = Math.sqrt(sq / count - mean * mean);
    assertThat(count).isEqualTo(20 * 8 * 5);
    assertThat(mean).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.025));
    assertThat(sd).isCloseTo(1.0 / 6, org.assertj.core.data.Offset.offset(0.015));
  }

  /**
   * The first generation (mean 0.5, step 1/6, identity covariance: the draw of a coordinate u is (u
   * - 0.5) * 6) is a Latin hypercube: in each of 20 studies every coordinate of its 8 points falls
   * in 8 different slices of N(0, 1) (a point outside the cube is redrawn independently, so a study
   * may miss; at most 3 do). Independent draws ({@code sampling: random}) fill all 8 slices of a
   * coordinate with probability 8!/8^8 = 0.0024, so no study does.
   */
  @Test
  void theFirstGenerationIsALatinHypercube() {
    int lambda = CmaState.defaultLambda(5);
    for (String algo : new String[] {"latin", "random"}) {
      int latin = 0;
      for (long seed = 0; seed < 20; seed++) {
        TrialStore store = new MemoryTrialStore();
        try (Study s =
            Study.open(
                store,
                "lhs",
                box(5, -5.12, 5.12),
                List.of(Direction.MINIMIZE),
                Value.Node.of("cmaes", "sampling", algo),
                seed,
                Study.Options.DEFAULT)) {
          s.optimize(ELLIPSOID, lambda, Study.TrialListener.NONE);
          boolean all = true;
          for (int i = 0; i < 5; i++) {
            boolean[] seen = new boolean[lambda];
            for (org.gyrus.search.Trial t : s.trials()) {
              double u = (((Value.Node) t.params()).floatArg("x" + i, 0) + 5.12) / 10.24;
              seen[LatinRows.slice((u - 0.5) * 6, lambda)] = true;
            }
            for (boolean b : seen) {
              all &= b;
            }
          }
          latin += all ? 1 : 0;
        }
      }
      assertThat(latin)
          .as(algo)
          .isBetween(algo.equals("latin") ? 17 : 0, algo.equals("latin") ? 20 : 0);
    }
  }

  /** whiten inverts sampleAt after updates have rotated and stretched the distribution. */
  @Test
  void whiteningReadsBackTheDrawOfAPoint() {
    CmaState st = new CmaState(new double[] {0.4, 0.5, 0.6}, 0.2, 7, new int[] {0, 0, 0});
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    for (int g = 0; g < 6; g++) {
      double[][] xs = new double[7][];
      double[] scores = new double[7];
      for (int i = 0; i < 7; i++) {
        xs[i] = st.sample(r);
        scores[i] = -(xs[i][0] - 0.7 * xs[i][1]) * (xs[i][0] - 0.7 * xs[i][1]) - 0.01 * xs[i][2];
      }
      st.tell(xs, scores);
    }
    double[] g = {0.3, -0.2, 0.1};
    double[] x = st.sampleAt(g);
    assertThat(x).isNotNull();
    double[] back = st.whiten(x);
    for (int i = 0; i < 3; i++) {
      assertThat(back[i]).isCloseTo(g[i], org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void isDeterministicPerSeed() {
    List<List<Dna>> runs = new ArrayList<>();
    for (long seed : new long[] {4, 4, 5}) {
      try (Study s = run(box(3, -5, 5), ELLIPSOID, seed, 60, "cmaes")) {
        runs.add(s.trials().stream().map(t -> t.dna()).toList());
      }
    }
    assertThat(runs.get(0)).isEqualTo(runs.get(1)).isNotEqualTo(runs.get(2));
  }

  @Test
  void restartsWithALargerPopulationAfterConvergingOnAMultimodalFunction() {
    // Rastrigin: local minima everywhere; IPOP restarts keep improving the best
    Evaluator rastrigin =
        (c, ctx) -> {
          Value.Node n = (Value.Node) c;
          double s = 0;
          for (int i = 0; i < 2; i++) {
            double x = n.floatArg("x" + i, 0);
            s += x * x - 10 * Math.cos(2 * Math.PI * x) + 10;
          }
          return Metrics.of(s);
        };
    double withRestarts = 0;
    double without = 0;
    for (long seed = 0; seed < 4; seed++) {
      try (Study s = run(box(2, -5.12, 5.12), rastrigin, seed, 2000, "cmaes")) {
        withRestarts += s.best().orElseThrow().value();
      }
      TrialStore store = new MemoryTrialStore();
      try (Study s =
          Study.open(
              store,
              "no-restarts",
              box(2, -5.12, 5.12),
              List.of(Direction.MINIMIZE),
              Value.Node.of("cmaes", "restarts", false),
              seed,
              Study.Options.DEFAULT)) {
        s.optimize(rastrigin, 2000, Study.TrialListener.NONE);
        without += s.best().orElseThrow().value();
      }
    }
    assertThat(withRestarts).isLessThan(without);
  }

  @Test
  void findsTheOptimumOfAMixedSpaceWithIntegersChoicesAndAConditionalDecision() {
    Value space =
        Value.Node.of(
            "m",
            "x",
            Values.floatRange(1e-4, 1, true),
            "k",
            Values.intRange(0, 40),
            "kind",
            Values.oneOf(
                Value.Node.of("a", "w", Values.floatRange(-1, 1, false)),
                Value.Node.of("b"),
                Value.Node.of("c")));
    Evaluator f =
        (c, ctx) -> {
          Value.Node n = (Value.Node) c;
          Value.Node kind = (Value.Node) n.arg("kind");
          double pen = kind.type().equals("a") ? Math.abs(kind.floatArg("w", 0) - 0.5) : 1;
          double lx = Math.log10(n.floatArg("x", 1)) + 2;
          return Metrics.of(lx * lx + Math.abs(n.intArg("k", 0) - 17) + pen);
        };
    // A run may settle on a wrong choice (value 1), with Latin or independent draws alike (seeds
    // 0-15: 2 of 16 both); most reach the optimum 0 (k = 17, x = 0.01, kind a with w = 0.5).
    int found = 0;
    for (long seed = 0; seed < 8; seed++) {
      try (Study s = run(space, f, seed, 300, "cmaes")) {
        found += s.best().orElseThrow().value() < 0.01 ? 1 : 0;
      }
    }
    assertThat(found).isGreaterThanOrEqualTo(5);
  }
}
