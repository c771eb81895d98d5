package org.gyrus.nn.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * β-CROWN bounds against brute force on a grid over tiny two-input ReLU networks, with and without
 * a pattern's split constraints: every bound must hold at every grid point of the region, be
 * tighter than the intervals, and the verdicts must agree with the grid and the exact MILP.
 */
class CrownVerifierTest {
  private static final int GRID = 121;
  private static final CrownVerifier.Options OPT = new CrownVerifier.Options(30, 60, false);

  /**
   * OPT and crown-deep's kind of options (long ascents on layers with few undecided neurons, a fast
   * decaying β rate for the output bounds): both must stay sound.
   */
  static Stream<CrownVerifier.Options> options() {
    return Stream.of(OPT, new CrownVerifier.Options(30, 60, false, 600, 0.5, 0.99));
  }

  /** Grid points (row-major) and their pre-activations, for reuse across the checks. */
  private static double[][][] gridActivations(ReluMlp net) {
    double[][][] z = new double[GRID * GRID][][];
    for (int i = 0; i < GRID; i++) {
      for (int k = 0; k < GRID; k++) {
        z[i * GRID + k] =
            net.preActivations(new double[] {(double) i / (GRID - 1), (double) k / (GRID - 1)});
      }
    }
    return z;
  }

  private static ReluMlp net(SplittableRandom rng, int t) {
    return t % 2 == 0
        ? SpecVerifierTest.randomNet(rng, 2, 6, 5, 3)
        : SpecVerifierTest.randomNet(rng, 2, 5, 5, 4, 3);
  }

  @ParameterizedTest
  @MethodSource("options")
  void intermediateBoundsContainEveryMatchingGridPointAndBeatIntervals(CrownVerifier.Options o) {
    SplittableRandom rng = new SplittableRandom(5);
    double crownWidth = 0;
    double intervalWidth = 0;
    int checked = 0;
    for (int t = 0; t < 40; t++) {
      ReluMlp net = net(rng, t);
      Nap nap = t % 4 < 2 ? Nap.none(net) : SpecVerifierTest.sparseNap(rng, net);
      Bounds iv = Bounds.of(net, net.lo(), net.hi(), nap);
      Bounds b = new CrownVerifier(net, 10_000, o).bounds(net.lo(), net.hi(), nap, Long.MAX_VALUE);
      for (double[][] z : gridActivations(net)) {
        if (!nap.matches(z)) {
          continue;
        }
        assertThat(b.empty()).as("net %d: a grid point matches, yet 'empty'", t).isFalse();
        for (int l = 0; l < net.hiddenLayers(); l++) {
          for (int j = 0; j < net.width(l); j++) {
            checked++;
            assertThat(z[l][j])
                .as("net %d z[%d][%d]", t, l, j)
                .isBetween(b.lo()[l][j], b.hi()[l][j]);
          }
        }
      }
      for (int l = 1; l < net.hiddenLayers() && !iv.empty(); l++) {
        for (int j = 0; j < net.width(l); j++) {
          if (nap.state()[l][j] == Nap.FREE) {
            assertThat(b.hi()[l][j] - b.lo()[l][j])
                .isLessThanOrEqualTo(iv.hi()[l][j] - iv.lo()[l][j] + 1e-9);
            crownWidth += b.hi()[l][j] - b.lo()[l][j];
            intervalWidth += iv.hi()[l][j] - iv.lo()[l][j];
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(100_000);
    // back-substitution keeps the correlations intervals drop: markedly narrower above layer 0
    assertThat(crownWidth).isLessThan(0.8 * intervalWidth);
  }

  @ParameterizedTest
  @MethodSource("options")
  void outputBoundsNeverExceedTheGridMinimumAndTheAscentTightensThem(CrownVerifier.Options o) {
    SplittableRandom rng = new SplittableRandom(9);
    int improved = 0;
    for (int t = 0; t < 40; t++) {
      ReluMlp net = net(rng, t);
      Nap nap = t % 4 < 2 ? Nap.none(net) : SpecVerifierTest.sparseNap(rng, net);
      CrownVerifier v = new CrownVerifier(net, 10_000, o);
      Bounds b = v.bounds(net.lo(), net.hi(), nap, Long.MAX_VALUE);
      if (b.empty()) {
        continue;
      }
      CrownVerifier.Region r = v.new Region(net.lo(), net.hi(), nap, b);
      double[] c = {1, -1, 0};
      double plain = r.lower(net.hiddenLayers(), c, 0).value();
      double optimised = r.lower(net.hiddenLayers(), c, 60).value();
      double min = Double.POSITIVE_INFINITY;
      for (double[][] z : gridActivations(net)) {
        if (nap.matches(z)) {
          double[] y = z[z.length - 1];
          min = Math.min(min, y[0] - y[1]);
        }
      }
      assertThat(optimised).as("net %d", t).isGreaterThanOrEqualTo(plain);
      if (min < Double.POSITIVE_INFINITY) {
        assertThat(optimised)
            .as("net %d: bound above the grid's minimum", t)
            .isLessThanOrEqualTo(min + 1e-9);
      }
      improved += optimised > plain + 1e-6 ? 1 : 0;
    }
    assertThat(improved).as("nets where the α/β ascent raised the bound").isGreaterThan(5);
  }

  /**
   * Per rival, a proof must hold on the grid and agree with the exact MILP; a refutation comes with
   * a counterexample the forward pass confirms; the bounds alone decide a good share of the specs.
   */
  @Test
  void verdictsAgreeWithTheGridAndTheExactMilp() {
    SplittableRandom rng = new SplittableRandom(22);
    int proven = 0;
    int rivalsProven = 0;
    for (int t = 0; t < 60; t++) {
      ReluMlp net = net(rng, t);
      Nap nap = SpecVerifierTest.sparseNap(rng, net);
      int c = rng.nextInt(3);
      Verdict crown = new CrownVerifier(net, 10_000, OPT).verify(nap, c);
      Verdict exact = new MilpVerifier(net, 10_000).verify(nap, c);
      Verdict both = SpecVerifier.of("crown", net, 10_000).verify(nap, c);
      double[][][] grid = gridActivations(net);
      for (int j = 0; j < 3; j++) {
        if (j == c) {
          continue;
        }
        double worst = Double.NEGATIVE_INFINITY;
        for (double[][] z : grid) {
          if (nap.matches(z)) {
            worst = Math.max(worst, z[z.length - 1][j] - z[z.length - 1][c]);
          }
        }
        if (crown.rivals()[j] == Verdict.Status.PROVEN) {
          rivalsProven++;
          assertThat(worst).as("net %d rival %d proven, the grid violates", t, j).isLessThan(0);
          assertThat(-worst)
              .as("net %d: margin is a lower bound", t)
              .isGreaterThanOrEqualTo(crown.margins()[j] - 1e-9);
        }
      }
      if (crown.status() == Verdict.Status.PROVEN) {
        proven++;
        assertThat(exact.status()).as("net %d", t).isEqualTo(Verdict.Status.PROVEN);
      }
      if (crown.status() == Verdict.Status.REFUTED) {
        assertThat(SpecVerifier.violates(net, crown.counterexample(), net.lo(), net.hi(), nap, c))
            .isTrue();
      }
      // with the MILP for the rivals left, crown is exact: it decides what the MILP decides
      if (exact.status() != Verdict.Status.UNKNOWN) {
        assertThat(both.status()).as("net %d", t).isEqualTo(exact.status());
      }
      if (both.status() == Verdict.Status.REFUTED) {
        assertThat(SpecVerifier.violates(net, both.counterexample(), net.lo(), net.hi(), nap, c))
            .isTrue();
      }
    }
    assertThat(proven).as("specs proven by the bounds alone").isGreaterThan(5);
    assertThat(rivalsProven).as("rivals proven by the bounds alone").isGreaterThan(20);
  }
}
