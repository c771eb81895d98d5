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
  @ValueSource(strings = {"milp", "z3"})
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
