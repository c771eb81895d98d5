package org.gyrus.nn.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The counterexample search on tiny networks whose violations a grid shows. */
class NapAttackTest {
  private static final int GRID = 101;

  @Test
  void findsMostClearViolationsAndOnlyRealCounterexamples() {
    SplittableRandom rng = new SplittableRandom(3);
    int violated = 0;
    int found = 0;
    for (int t = 0; t < 300; t++) {
      ReluMlp net = SpecVerifierTest.randomNet(rng, 2, 5, 5, 3);
      Nap nap = SpecVerifierTest.sparseNap(rng, net);
      int c = rng.nextInt(3);
      // seeds as NapAnalysis picks them: inputs matching the pattern that the network calls c
      List<double[]> seeds = new ArrayList<>();
      double worst = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < GRID; i++) {
        for (int k = 0; k < GRID; k++) {
          double[] x = {(double) i / (GRID - 1), (double) k / (GRID - 1)};
          double[][] z = net.preActivations(x);
          if (!nap.matches(z)) {
            continue;
          }
          double[] y = z[z.length - 1];
          int top = ReluMlp.argMax(y);
          if (top == c && seeds.size() < 3 && rng.nextInt(50) == 0) {
            seeds.add(x);
          }
          worst = Math.max(worst, top == c ? Double.NEGATIVE_INFINITY : y[top] - y[c]);
        }
      }
      double[] x = NapAttack.search(net, net.lo(), net.hi(), nap, c, seeds, 200);
      if (x != null) {
        assertThat(SpecVerifier.violates(net, x, net.lo(), net.hi(), nap, c))
            .as("net %d: the forward pass confirms the counterexample", t)
            .isTrue();
      }
      if (worst > 0.05 && !seeds.isEmpty()) {
        violated++;
        found += x != null ? 1 : 0;
      }
      if (worst == Double.NEGATIVE_INFINITY) {
        assertThat(x).as("net %d: no violation on the grid, none found", t).isNull();
      }
    }
    assertThat(violated).isGreaterThan(20);
    System.out.println("attack: found " + found + " of " + violated + " clear violations");
    assertThat(found).as("clear violations found of %d", violated).isGreaterThan(violated / 2);
  }

  @Test
  void gradientMatchesFiniteDifferencesAwayFromKinks() {
    SplittableRandom rng = new SplittableRandom(4);
    ReluMlp net = SpecVerifierTest.randomNet(rng, 2, 4, 3);
    Nap nap = Nap.none(net);
    double[] x = {0.37, 0.61};
    double[] g = NapAttack.gradient(net, nap, x, 0, 1);
    for (int i = 0; i < 2; i++) {
      double h = 1e-6;
      double[] xp = x.clone();
      double[] xm = x.clone();
      xp[i] += h;
      xm[i] -= h;
      double[] yp = net.logits(xp);
      double[] ym = net.logits(xm);
      double fd = ((yp[1] - yp[0]) - (ym[1] - ym[0])) / (2 * h);
      assertThat(g[i]).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-5));
    }
  }
}
