package org.gyrus.nn.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both verifiers (MILP and Z3) against a brute-force grid over tiny two-input ReLU networks. */
class SpecVerifierTest {
  private static final int GRID = 301;

  static ReluMlp randomNet(SplittableRandom rng, int... widths) {
    double[][][] w = new double[widths.length - 1][][];
    double[][] b = new double[widths.length - 1][];
    for (int l = 0; l + 1 < widths.length; l++) {
      w[l] = new double[widths[l + 1]][widths[l]];
      b[l] = new double[widths[l + 1]];
      for (int o = 0; o < widths[l + 1]; o++) {
        b[l][o] = (float) rng.nextDouble(-1, 1);
        for (int i = 0; i < widths[l]; i++) {
          w[l][o][i] = (float) rng.nextDouble(-2, 2);
        }
      }
    }
    return new ReluMlp(w, b, ReluMlp.filled(widths[0], 0), ReluMlp.filled(widths[0], 1));
  }

  static Nap randomNap(SplittableRandom rng, ReluMlp net) {
    Nap nap = Nap.none(net);
    for (int[] layer : nap.state()) {
      for (int j = 0; j < layer.length; j++) {
        layer[j] = rng.nextInt(3) - 1;
      }
    }
    return nap;
  }

  /** The largest margin by which some grid point matching the pattern is not classified c. */
  static double worstGridViolation(ReluMlp net, Nap nap, int c) {
    double worst = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < GRID; i++) {
      for (int k = 0; k < GRID; k++) {
        double[] x = {(double) i / (GRID - 1), (double) k / (GRID - 1)};
        double[][] z = net.preActivations(x);
        if (!nap.matches(z)) {
          continue;
        }
        double[] y = z[z.length - 1];
        for (int j = 0; j < y.length; j++) {
          if (j != c) {
            worst = Math.max(worst, y[j] - y[c]);
          }
        }
      }
    }
    return worst;
  }

  @ParameterizedTest
  @ValueSource(strings = {"milp", "z3", "crown", "crown-long", "crown-deep"})
  void agreesWithGridSearchOnTinyNetworks(String engine) {
    SplittableRandom rng = new SplittableRandom(22);
    int proven = 0;
    int refuted = 0;
    for (int t = 0; t < 120; t++) {
      ReluMlp net = t % 2 == 0 ? randomNet(rng, 2, 4, 3) : randomNet(rng, 2, 3, 3, 3);
      Nap nap = randomNap(rng, net);
      int c = rng.nextInt(3);
      Verdict v = SpecVerifier.of(engine, net, 10_000).verify(nap, c);
      double grid = worstGridViolation(net, nap, c);
      String where = "net " + t;
      if (v.status() == Verdict.Status.PROVEN) {
        proven++;
        assertThat(grid).as(where + ": proven, but the grid violates").isLessThan(0);
      } else if (v.status() == Verdict.Status.REFUTED) {
        refuted++;
        double[] x = v.counterexample();
        assertThat(x[0]).as(where).isBetween(0.0, 1.0);
        assertThat(x[1]).as(where).isBetween(0.0, 1.0);
        double[][] z = net.preActivations(x);
        assertThat(nap.matches(z)).as(where + ": counterexample matches the pattern").isTrue();
        assertThat(ReluMlp.argMax(z[z.length - 1])).as(where).isNotEqualTo(c);
      } else {
        // only a violation thinner than the margin may stay undecided
        assertThat(grid).as(where + ": unknown despite a clear violation").isLessThan(1e-2);
      }
      if (grid > 1e-2) {
        assertThat(v.status()).as(where).isEqualTo(Verdict.Status.REFUTED);
      }
    }
    assertThat(proven).as("proven cases").isGreaterThan(10);
    assertThat(refuted).as("refuted cases").isGreaterThan(10);
  }

  /**
   * The LP-tightened MILP on deeper tiny nets (where the pattern's sign constraints cut the box and
   * the LP bounds decide neurons the intervals leave open) against the grid and against the MILP
   * with interval bounds only: a proof must hold on the grid, a refutation must come with a
   * counterexample the forward pass confirms.
   */
  /** A pattern fixing each neuron with probability 1/3, so that its region is rarely empty. */
  static Nap sparseNap(SplittableRandom rng, ReluMlp net) {
    Nap nap = Nap.none(net);
    for (int[] layer : nap.state()) {
      for (int j = 0; j < layer.length; j++) {
        layer[j] = rng.nextInt(3) == 0 ? (rng.nextBoolean() ? Nap.ACTIVE : Nap.INACTIVE) : Nap.FREE;
      }
    }
    return nap;
  }

  @Test
  void lpTightenedBoundsKeepTheMilpExact() {
    SplittableRandom rng = new SplittableRandom(31);
    int proven = 0;
    int refuted = 0;
    for (int t = 0; t < 60; t++) {
      ReluMlp net = randomNet(rng, 2, 5, 5, 4, 3);
      Nap nap = sparseNap(rng, net);
      int c = rng.nextInt(3);
      Verdict lp = new MilpVerifier(net, 10_000, true).verify(nap, c);
      Verdict plain = new MilpVerifier(net, 10_000, false).verify(nap, c);
      double grid = worstGridViolation(net, nap, c);
      String where = "net " + t;
      if (lp.status() == Verdict.Status.PROVEN) {
        proven++;
        assertThat(grid).as(where + ": proven, but the grid violates").isLessThan(0);
      } else if (lp.status() == Verdict.Status.REFUTED) {
        refuted++;
        assertThat(SpecVerifier.violates(net, lp.counterexample(), net.lo(), net.hi(), nap, c))
            .as(where + ": counterexample confirmed by the forward pass")
            .isTrue();
      }
      if (grid > 1e-2) {
        assertThat(lp.status()).as(where).isEqualTo(Verdict.Status.REFUTED);
      }
      if (lp.status() != Verdict.Status.UNKNOWN && plain.status() != Verdict.Status.UNKNOWN) {
        assertThat(lp.status()).as(where + ": both bound kinds agree").isEqualTo(plain.status());
      }
    }
    System.out.println("lp bounds: proven " + proven + " refuted " + refuted);
    assertThat(proven).as("proven cases").isGreaterThan(5);
    assertThat(refuted).as("refuted cases").isGreaterThan(5);
  }

  /** Whether some grid point matches both patterns. */
  static boolean gridOverlap(ReluMlp net, Nap a, Nap b) {
    for (int i = 0; i < GRID; i++) {
      for (int k = 0; k < GRID; k++) {
        double[][] z =
            net.preActivations(new double[] {(double) i / (GRID - 1), (double) k / (GRID - 1)});
        if (a.matches(z) && b.matches(z)) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void disjointPatternsAreProvenAndOverlappingOnesAreNot() {
    SplittableRandom rng = new SplittableRandom(17);
    int disjoint = 0;
    int overlapping = 0;
    for (int t = 0; t < 40; t++) {
      ReluMlp net = randomNet(rng, 2, 4, 4, 3);
      Nap[] pair = {sparseNap(rng, net), sparseNap(rng, net)};
      boolean overlap = gridOverlap(net, pair[0], pair[1]);
      NapAnalysis.PairResult r =
          NapAnalysis.pairs(
              net, pair, new double[0][], new boolean[0][], "milp", 20_000, System.out);
      if (r.proven() == 1) {
        disjoint++;
        assertThat(overlap)
            .as("net " + t + ": proven disjoint, but a grid point matches both")
            .isFalse();
      }
      if (r.refuted() == 1) {
        overlapping++;
      }
      if (overlap) {
        assertThat(r.proven()).as("net " + t).isZero();
      }
    }
    System.out.println("pairs: disjoint " + disjoint + " overlapping " + overlapping);
    assertThat(disjoint).isGreaterThan(3);
    assertThat(overlapping).isGreaterThan(3);
  }

  @Test
  void networkFileRoundTripsExactly(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    ReluMlp net = randomNet(new SplittableRandom(3), 4, 3, 2);
    java.nio.file.Path f = dir.resolve("net.bin");
    net.write(f);
    ReluMlp back = ReluMlp.read(f);
    double[] x = {0.1, 0.7, 0.3, 0.9};
    assertThat(back.logits(x)).containsExactly(net.logits(x));
    assertThat(back.lo()).containsExactly(net.lo());
    assertThat(back.hi()).containsExactly(net.hi());
  }

  @ParameterizedTest
  @ValueSource(strings = {"milp", "z3"})
  void ballAroundAPointProvesLocalRobustness(String engine) {
    SplittableRandom rng = new SplittableRandom(5);
    ReluMlp net = randomNet(rng, 2, 4, 3);
    double[] x0 = {0.4, 0.6};
    int c = net.predict(x0);
    SpecVerifier v = SpecVerifier.of(engine, net, 10_000);
    assertThat(v.verifyBall(x0, 1e-6, Nap.none(net), c).status()).isEqualTo(Verdict.Status.PROVEN);
    Verdict whole = v.verify(Nap.none(net), c);
    // the whole box holds other classes unless the net is constant there
    if (worstGridViolation(net, Nap.none(net), c) > 1e-2) {
      assertThat(whole.status()).isEqualTo(Verdict.Status.REFUTED);
    }
  }

  @Test
  void minedPatternsCoverTheirClass() {
    SplittableRandom rng = new SplittableRandom(9);
    ReluMlp net = randomNet(rng, 2, 6, 3);
    double[][] xs = new double[2000][];
    int[] ys = new int[xs.length];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = new double[] {rng.nextDouble(), rng.nextDouble()};
      ys[i] = net.predict(xs[i]);
    }
    Nap[] strict = NapMiner.mine(net, List.of(0), 1.0, xs, ys);
    for (int i = 0; i < xs.length; i++) {
      assertThat(strict[ys[i]].matches(net.preActivations(xs[i]))).isTrue();
    }
    Nap[] loose = NapMiner.mine(net, List.of(0), 0.6, xs, ys);
    for (int c = 0; c < 3; c++) {
      assertThat(loose[c].size()).isGreaterThanOrEqualTo(strict[c].size());
    }
  }
}
