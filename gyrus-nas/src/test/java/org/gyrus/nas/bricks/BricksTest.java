package org.gyrus.nas.bricks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.gyrus.core.Value;
import org.gyrus.core.Value.ListVal;
import org.gyrus.core.Value.Node;
import org.gyrus.nas.grow.Net;
import org.gyrus.nas.grow.NetIo;
import org.gyrus.nas.grow.Outcome;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Datasets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What each brick operation promises, on the embedded Fashion-MNIST demo splits (8k/1k/1k). */
class BricksTest {
  static DataSplits data;

  @BeforeAll
  static void load() {
    data = Datasets.embeddedDemo(0);
  }

  @Test
  void growKeepsOutputsBitIdenticalAndUpdateTouchesOnlyTheBrick() {
    BrickDemos.GrowUpdateResult r = BrickDemos.growAndUpdate(data, 32, 1, 0);
    assertThat(r.growDiff()).isZero();
    assertThat(r.frozenIdentical()).as("weights outside the updated brick bit-identical").isTrue();
    assertThat(r.brickChanged()).isTrue();
    assertThat(r.accAfterUpdate()).isGreaterThan(r.accBefore() - 0.02);
  }

  @Test
  void growRefusesWhereTheOutputWouldChange() {
    Value brick = ListVal.of(Node.of("dense", "units", 4));
    Value spec =
        Node.of(
            "model",
            "body",
            ListVal.of(Node.of("parallel", "join", "mean", "branches", ListVal.of(brick))));
    Net net = NetIo.init(spec, new ai.djl.ndarray.types.Shape(3), 4, 0);
    Outcome o = Bricks.grow(net, "model.body[0]", brick, 1);
    assertThat(((Outcome.Refused) o).reason())
        .startsWith("model.body[0]:")
        .contains("mean would rescale");
  }

  @Test
  void alignedMergeKeepsBsFunctionAndBeatsNaiveAveraging() {
    BrickDemos.MergeResult m = BrickDemos.merge(data, 64, 2, 2, 0);
    System.out.println("merge: " + m);
    assertThat(m.permutedDiff()).isLessThan(1e-5);
    assertThat(m.aligned()).isGreaterThan(m.naive() + 0.02);
  }

  @Test
  void routerLearnsWhichBrickKnowsTheInput() {
    BrickDemos.RouteResult r = BrickDemos.route(data, 32, 2, 2, 0);
    System.out.println("route: " + r);
    assertThat(r.routingAccuracy()).isGreaterThan(0.85);
    assertThat(r.routed()).isGreaterThan(Math.max(r.brick0(), r.brick1()) + 0.2);
  }

  @Test
  void routedBricksMustAgreeOnTheirOutputShape() {
    Value spec =
        Node.of(
            "routed",
            "bricks",
            ListVal.of(Node.of("dense", "units", 4), Node.of("dense", "units", 5)));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                org.gyrus.nn.blocks.SpecCompiler.standard()
                    .analyse(spec, new ai.djl.ndarray.types.Shape(3), "model.body[1]"))
        .isInstanceOf(org.gyrus.core.SpecError.class)
        .hasMessageContaining("model.body[1].bricks[1]")
        .hasMessageContaining("one output shape");
  }

  @Test
  void hungarianMatchesBruteForce() {
    SplittableRandom rng = new SplittableRandom(5);
    for (int trial = 0; trial < 30; trial++) {
      int n = 1 + rng.nextInt(6);
      double[][] c = new double[n][n];
      for (double[] row : c) {
        for (int j = 0; j < n; j++) {
          row[j] = rng.nextInt(20) - 5 + rng.nextDouble();
        }
      }
      int[] a = Hungarian.solve(c);
      assertThat(java.util.Arrays.stream(a).distinct().count()).isEqualTo(n);
      assertThat(cost(c, a))
          .isCloseTo(
              best(c, new int[n], new boolean[n], 0), org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  private static double cost(double[][] c, int[] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += c[i][a[i]];
    }
    return s;
  }

  private static double best(double[][] c, int[] a, boolean[] used, int row) {
    if (row == c.length) {
      return cost(c, a);
    }
    double b = Double.POSITIVE_INFINITY;
    for (int j = 0; j < c.length; j++) {
      if (!used[j]) {
        used[j] = true;
        a[row] = j;
        b = Math.min(b, best(c, a, used, row + 1));
        used[j] = false;
      }
    }
    return b;
  }
}
