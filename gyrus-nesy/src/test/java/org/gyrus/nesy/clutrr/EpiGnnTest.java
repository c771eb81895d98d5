package org.gyrus.nesy.clutrr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class EpiGnnTest {
  static final int R = 5;

  /** A chain story source -r1-> ... -rk-> target. */
  static Story chain(List<Integer> rels, int label) {
    int k = rels.size();
    int[] from = new int[k];
    int[] to = new int[k];
    int[] type = new int[k];
    for (int i = 0; i < k; i++) {
      from[i] = i;
      to[i] = i + 1;
      type[i] = rels.get(i);
    }
    return new Story(k + 1, from, to, type, 0, k, label, k);
  }

  /** Two shortest paths 0-1-3 and 0-2-3 meet at node 3, then 3 -> 4; plus a back edge 4 -> 0. */
  static Story diamond() {
    return new Story(
        5,
        new int[] {0, 0, 1, 2, 3, 4},
        new int[] {1, 2, 3, 3, 4, 0},
        new int[] {0, 1, 2, 3, 1, 4},
        0,
        4,
        2,
        3);
  }

  static double[] unit(int n) {
    double[] v = new double[n];
    v[0] = 1;
    return v;
  }

  static double[] pathState(double[][][] mats, List<Integer> rels, double[] start) {
    double[] s = start;
    for (int r : rels) {
      s = CompositionTable.times(s, mats[r]);
    }
    return s;
  }

  @Test
  void compositionIsAssociativeAndMessagesFollowTheProduct() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      EpiGnn model = new EpiGnn(R, 9, EpiGnn.Aggregation.MIN, true, m, DataType.FLOAT32, 3);
      double[][][] mats = model.matrices();
      double[][] c = model.readoutMatrix();
      for (int r = 0; r < R; r++) {
        assertThat(mats[r][0][1 + r]).isEqualTo(1.0); // anchored: one edge r gives state 1 + r
        for (double[] row : mats[r]) {
          assertThat(java.util.Arrays.stream(row).sum()).isCloseTo(1.0, Offset.offset(1e-6));
        }
        assertThat(c[1 + r][r]).isEqualTo(1.0);
      }
      qt().withFixedSeed(5)
          .withExamples(60)
          .forAll(
              lists().of(integers().between(0, R - 1)).ofSizeBetween(2, 7),
              integers().between(1, 6))
          .checkAssert(
              (rels, cut) -> {
                int j = Math.min(cut, rels.size() - 1);
                // (e0 M_1..M_j)(M_j+1..M_n) against a bracketing that multiplies the tail first
                double[][] tail = identity(9);
                for (int r : rels.subList(j, rels.size())) {
                  tail = product(tail, mats[r]);
                }
                double[] left = pathState(mats, rels, unit(9));
                double[] bracketed =
                    CompositionTable.times(pathState(mats, rels.subList(0, j), unit(9)), tail);
                for (int i = 0; i < 9; i++) {
                  assertThat(bracketed[i]).isCloseTo(left[i], Offset.offset(1e-9));
                }
                // the model's message passing over the chain computes e0 · M_r1 ⋯ M_rk · C
                double[] answer = CompositionTable.times(left, c);
                try (NDManager s = m.newSubManager()) {
                  double[] got =
                      model
                          .logProbs(LayeredBatch.of(List.of(chain(rels, 0))), s)
                          .exp()
                          .toType(DataType.FLOAT64, false)
                          .toDoubleArray();
                  for (int y = 0; y < R; y++) {
                    assertThat(got[y]).isCloseTo(answer[y], Offset.offset(1e-5));
                  }
                }
              });
    }
  }

  @Test
  void minAggregationMeetsThePathsThenRenormalises() {
    for (EpiGnn.Aggregation agg : EpiGnn.Aggregation.values()) {
      try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
        EpiGnn model = new EpiGnn(R, 7, agg, false, m, DataType.FLOAT64, 11);
        double[][][] mt = model.matrices();
        double[] a = pathState(mt, List.of(0, 2), unit(7));
        double[] b = pathState(mt, List.of(1, 3), unit(7));
        double[] met = new double[7];
        double sum = 0;
        for (int i = 0; i < 7; i++) {
          met[i] = agg == EpiGnn.Aggregation.MIN ? Math.min(a[i], b[i]) : Math.max(a[i], b[i]);
          sum += met[i];
        }
        for (int i = 0; i < 7; i++) {
          met[i] /= sum;
        }
        double[] want =
            CompositionTable.times(CompositionTable.times(met, mt[1]), model.readoutMatrix());
        double[] got = model.logProbs(LayeredBatch.of(List.of(diamond())), m).exp().toDoubleArray();
        for (int y = 0; y < R; y++) {
          assertThat(got[y]).as("%s answer %d", agg, y).isCloseTo(want[y], Offset.offset(1e-12));
        }
      }
    }
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      List<Story> batch = List.of(diamond(), chain(List.of(3, 0, 4, 1), 1));
      List<StoryModel> models =
          List.of(
              new EpiGnn(R, 8, EpiGnn.Aggregation.MIN, true, m, DataType.FLOAT64, 1),
              new EpiGnn(R, 6, EpiGnn.Aggregation.MAX, false, m, DataType.FLOAT64, 2),
              new MeanGnn(R, 4, 6, m, DataType.FLOAT64, 3));
      for (StoryModel model : models) {
        checkGradients(model, batch, m);
      }
    }
  }

  private static void checkGradients(StoryModel model, List<Story> stories, NDManager m) {
    LayeredBatch b = LayeredBatch.of(stories);
    try (var gc = m.getEngine().newGradientCollector()) {
      gc.backward(ClutrrTraining.nll(model.logProbs(b, m), b, m));
    }
    SplittableRandom rng = new SplittableRandom(9);
    double h = 1e-6;
    for (NDArray p : model.parameters()) {
      double[] analytic = p.getGradient().toDoubleArray();
      double[] base = p.toDoubleArray();
      for (int t = 0; t < Math.min(12, base.length); t++) {
        int i = rng.nextInt(base.length);
        double[] up = base.clone();
        up[i] += h;
        p.set(DoubleBuffer.wrap(up));
        double lossUp = ClutrrTraining.nll(model.logProbs(b, m), b, m).getDouble();
        double[] down = base.clone();
        down[i] -= h;
        p.set(DoubleBuffer.wrap(down));
        double lossDown = ClutrrTraining.nll(model.logProbs(b, m), b, m).getDouble();
        p.set(DoubleBuffer.wrap(base));
        double numeric = (lossUp - lossDown) / (2 * h);
        assertThat(analytic[i])
            .as("%s %s[%d]", model.getClass().getSimpleName(), p.getShape(), i)
            .isCloseTo(numeric, Offset.offset(1e-7 + 1e-5 * Math.abs(numeric)));
      }
    }
  }

  static double[][] identity(int n) {
    double[][] id = new double[n][n];
    for (int i = 0; i < n; i++) {
      id[i][i] = 1;
    }
    return id;
  }

  static double[][] product(double[][] a, double[][] b) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = CompositionTable.times(a[i], b);
    }
    return out;
  }

  static List<Integer> randomPath(SplittableRandom rng, int length, int relations) {
    List<Integer> p = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      p.add(rng.nextInt(relations));
    }
    return p;
  }
}
