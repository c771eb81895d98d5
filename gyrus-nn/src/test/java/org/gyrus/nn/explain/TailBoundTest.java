package org.gyrus.nn.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Tail proofs against brute force on a grid over tiny two-input ReLU networks: a tail computes what
 * the network computes from the layer where it starts, its box holds every matching input's
 * activations there, and a rival it proves has no grid point of the region where it wins.
 */
class TailBoundTest {
  private static final int GRID = 121;

  private static double[] point(int i, int k) {
    return new double[] {(double) i / (GRID - 1), (double) k / (GRID - 1)};
  }

  /** Output bias of the target lowered or raised past every rival's. */
  private static void setTargetBias(ReluMlp net, int target, boolean highest) {
    double[] b = net.b()[net.hiddenLayers()];
    double others = 0;
    for (int j = 0; j < b.length; j++) {
      others = j == target ? others : Math.max(others, Math.abs(b[j]));
    }
    b[target] = highest ? others + 1 : -others - 1;
  }

  @Test
  void tailsComputeTheNetworkAndTheirBoxesHoldTheRegion() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int t = 0; t < 20; t++) {
      ReluMlp net = SpecVerifierTest.randomNet(rng, 2, 5, 4, 4, 3);
      Nap nap = SpecVerifierTest.sparseNap(rng, net);
      Bounds b = Bounds.of(net, net.lo(), net.hi(), nap);
      for (int s = 1; s <= net.hiddenLayers(); s++) {
        TailBound.Tail tail = TailBound.tail(net, nap, b, s);
        for (int i = 0; i < GRID; i += 6) {
          for (int k = 0; k < GRID; k += 6) {
            double[][] z = net.preActivations(point(i, k));
            if (!nap.matches(z)) {
              continue;
            }
            double[] a = new double[z[s - 1].length];
            for (int j = 0; j < a.length; j++) {
              a[j] = Math.max(0, z[s - 1][j]);
              assertThat(a[j]).isBetween(tail.net().lo()[j], tail.net().hi()[j]);
            }
            double[][] zt = tail.net().preActivations(a);
            assertThat(zt[zt.length - 1]).containsExactly(z[z.length - 1]);
            assertThat(tail.nap().matches(zt)).isTrue();
          }
        }
      }
    }
  }

  @Test
  void provenRivalsNeverWinOnTheGrid() {
    SplittableRandom rng = new SplittableRandom(11);
    int proven = 0;
    int open = 0;
    for (int t = 0; t < 60; t++) {
      ReluMlp net = SpecVerifierTest.randomNet(rng, 2, 5, 4, 4, 3);
      Nap nap = SpecVerifierTest.sparseNap(rng, net);
      int c = rng.nextInt(3);
      // half the nets: the last hidden layer fixed off, as in B17's network, so the tail decides
      if (t % 2 == 0) {
        java.util.Arrays.fill(nap.state()[net.hiddenLayers() - 1], Nap.INACTIVE);
        setTargetBias(net, c, t % 4 == 0);
      }
      Bounds b =
          new CrownVerifier(net, 10_000, CrownVerifier.Options.DEFAULT)
              .bounds(net.lo(), net.hi(), nap, Long.MAX_VALUE);
      if (b.empty()) {
        continue;
      }
      for (int j = 0; j < 3; j++) {
        if (j == c) {
          continue;
        }
        double worst = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < GRID; i++) {
          for (int k = 0; k < GRID; k++) {
            double[][] z = net.preActivations(point(i, k));
            if (nap.matches(z)) {
              double[] y = z[z.length - 1];
              worst = Math.max(worst, y[j] - y[c]);
            }
          }
        }
        if (TailBound.proves(net, nap, b, c, j, 5_000)) {
          proven++;
          assertThat(worst).as("net %d rival %d proven, the grid disagrees", t, j).isLessThan(0);
        } else {
          open++;
        }
      }
    }
    assertThat(proven).isGreaterThan(15);
    assertThat(open).isGreaterThan(15);
  }
}
