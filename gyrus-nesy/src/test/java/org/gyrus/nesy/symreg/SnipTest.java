package org.gyrus.nesy.symreg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnipTest {
  private static final Library KOZA = Library.parse("add,sub,mul,div,sin,cos,exp,log", 1);
  private static final List<Formulas.Range> RANGES =
      List.of(new Formulas.Range(-1, 1), new Formulas.Range(0, 2));

  @Test
  void contrastiveLossIsTheSymmetricCrossEntropyOfTheMatchingPairs() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      float[] f = {1, 0, 0.6f, 0.8f};
      float[] d = {0.8f, 0.6f, 0, 1};
      NDArray loss =
          Snip.contrastiveLoss(
              m.create(f, new ai.djl.ndarray.types.Shape(2, 2)),
              m.create(d, new ai.djl.ndarray.types.Shape(2, 2)),
              0.5);
      // logits = F D^T / 0.5: [[1.6, 0], [1.92, 1.6]]
      double[][] z = {{1.6, 0}, {1.92, 1.6}};
      double rows = 0;
      double cols = 0;
      for (int i = 0; i < 2; i++) {
        rows -= z[i][i] - Math.log(Math.exp(z[i][0]) + Math.exp(z[i][1]));
        cols -= z[i][i] - Math.log(Math.exp(z[0][i]) + Math.exp(z[1][i]));
      }
      assertThat(loss.getFloat()).isCloseTo((float) ((rows + cols) / 4), within(1e-5f));
    }
  }

  @Test
  void corpusFormulasAreDistinctUsableAndAvoidTheExcludedOnes() {
    List<Formulas.Sample> held =
        Formulas.generate(KOZA, 50, 2, 12, 16, RANGES, Set.of(), new Random(1));
    Set<String> heldKeys = new HashSet<>();
    for (Formulas.Sample s : held) {
      heldKeys.add(Formulas.key(KOZA.toExpr(s.program(), new double[0])));
    }
    assertThat(heldKeys).hasSize(50);
    List<Formulas.Sample> corpus =
        Formulas.generate(KOZA, 300, 2, 12, 16, RANGES, heldKeys, new Random(2));
    Set<String> keys = new HashSet<>();
    for (Formulas.Sample s : corpus) {
      Expr e = KOZA.toExpr(s.program(), new double[0]);
      keys.add(Formulas.key(e));
      assertThat(e.eval(s.x(), 16)).containsExactly(s.y());
      assertThat(Formulas.usable(s.y())).isTrue();
    }
    assertThat(keys).hasSize(300).doesNotContainAnyElementsOf(heldKeys);
    assertThat(Formulas.generate(KOZA, 20, 2, 12, 16, RANGES, Set.of(), new Random(2)).get(7).y())
        .containsExactly(corpus.get(7).y());
    assertThatThrownBy(
            () ->
                Formulas.generate(
                    Library.parse("add,const", 1), 5, 2, 8, 8, RANGES, Set.of(), new Random(0)))
        .hasMessageContaining("without free constants");
  }

  @Test
  void trainingRetrievesHeldOutFormulasFarAboveChanceAndAboveTheUntrainedEncoders() {
    Random rnd = new Random(0);
    List<Formulas.Sample> test = Formulas.generate(KOZA, 100, 2, 12, 16, RANGES, Set.of(), rnd);
    Set<String> testKeys = new HashSet<>();
    for (Formulas.Sample s : test) {
      testKeys.add(Formulas.key(KOZA.toExpr(s.program(), new double[0])));
    }
    List<Formulas.Sample> corpus = Formulas.generate(KOZA, 2000, 2, 12, 16, RANGES, testKeys, rnd);
    Snip.Config cfg = new Snip.Config(12, 64, 32, 250, 128, 3e-3, 0.1, 0);
    try (Snip snip = new Snip(KOZA, cfg)) {
      double untrained = top5(snip, test);
      snip.train(corpus, null);
      double trained = top5(snip, test);
      // chance: 5 of 100
      assertThat(trained)
          .as("untrained %s", untrained)
          .isGreaterThan(0.2)
          .isGreaterThan(untrained + 0.1);
    }
  }

  private static double top5(Snip snip, List<Formulas.Sample> test) {
    float[][] f = snip.embedFormulas(test.stream().map(Formulas.Sample::program).toList());
    int[] ranks = Snip.retrievalRanks(f, snip.embedData(test));
    return java.util.Arrays.stream(ranks).filter(r -> r < 5).count() / (double) ranks.length;
  }

  @Test
  void ranksAndNearestFollowCosineSimilarity() {
    float[][] f = {{1, 0}, {0, 1}, {0.6f, 0.8f}};
    float[][] d = {{0.8f, 0.6f}, {0, 1}, {1, 0}};
    // data 0: own formula 0.8, formula 2 0.96 beats it -> rank 1; data 2: own 0.6, formula 0 1.0
    assertThat(Snip.retrievalRanks(f, d)).containsExactly(1, 0, 1);
    assertThat(Snip.nearest(f, new float[] {0, 1}, 2)).containsExactly(1, 2);
  }

  @Test
  void aPriorHoldingTheAnswerIsScoredInTheFirstBatch() {
    Library lib = KOZA;
    int[] truth =
        program(
            lib, "add", "log", "add", "x1", "div", "x1", "x1", "log", "add", "mul", "x1", "x1",
            "div", "x1", "x1");
    Random rnd = new Random(3);
    double[][] x = new double[1][20];
    for (int i = 0; i < 20; i++) {
      x[0][i] = 2 * rnd.nextDouble();
    }
    double[] y = lib.toExpr(truth, new double[0]).eval(x, 20);
    Regressor.Config cfg = Regressor.Config.defaults(0).withMode("gp").withSeconds(20);
    Regressor.Result r = Regressor.search(lib, x, y, cfg, List.of(truth));
    assertThat(r.iterations()).isEqualTo(1);
    assertThat(r.trainR2()).isGreaterThan(1 - 1e-12);
  }

  private static int[] program(Library lib, String... names) {
    int[] p = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      p[i] = lib.indexOf(names[i]);
    }
    return p;
  }
}
