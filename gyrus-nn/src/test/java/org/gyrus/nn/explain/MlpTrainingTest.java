package org.gyrus.nn.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Value.Node;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.train.Recipe;
import org.junit.jupiter.api.Test;

/** The weights read out of a DJL-trained MLP compute what DJL computes; NAPs on real data. */
class MlpTrainingTest {
  @Test
  void extractedNetworkMatchesDjlAndNapsAreChecked() {
    DataSplits data = Datasets.embeddedDemo(0);
    MlpTraining.Trained t =
        MlpTraining.train(
            MlpTraining.spec(12, 12), Recipe.from(Node.of("recipe", "epochs", 1, "seed", 1)), data);
    double[][] xs = MlpTraining.rows(data.test());
    int[] ys = data.test().y();
    int right = 0;
    for (int i = 0; i < xs.length; i++) {
      right += t.net().predict(xs[i]) == ys[i] ? 1 : 0;
    }
    assertThat((double) right / xs.length).isCloseTo(t.testAccuracy(), within(0.002));
    assertThat(t.testAccuracy()).isGreaterThan(0.4);

    NapAnalysis.Result r =
        NapAnalysis.run(
            t.net(),
            MlpTraining.rows(data.train()),
            data.train().y(),
            xs,
            ys,
            new NapAnalysis.Options(List.of(0, 1), 0.9, "milp", 10_000, 1, new double[0]),
            System.out);
    for (NapAnalysis.ClassResult c : r.classes()) {
      if (c.verdict().status() == Verdict.Status.REFUTED) {
        double[] x = c.verdict().counterexample();
        double[][] z = t.net().preActivations(x);
        // the counterexample matches NAP_c yet the network does not say c
        assertThat(ReluMlp.argMax(z[z.length - 1])).isNotEqualTo(c.cls());
      }
    }
    // tiny balls around correctly classified points: mostly provable; a point right at the
    // decision boundary may be refuted, then with a counterexample inside the ball
    SpecVerifier v = new MilpVerifier(t.net(), 20_000);
    double eps = 0.001 * (t.net().hi()[0] - t.net().lo()[0]);
    int proven = 0;
    for (int i = 0, tried = 0; tried < 3; i++) {
      int c = t.net().predict(xs[i]);
      if (c != ys[i]) {
        continue;
      }
      tried++;
      Verdict b = v.verifyBall(xs[i], eps, Nap.none(t.net()), c);
      proven += b.status() == Verdict.Status.PROVEN ? 1 : 0;
      if (b.status() == Verdict.Status.REFUTED) {
        for (int f = 0; f < xs[i].length; f++) {
          assertThat(Math.abs(b.counterexample()[f] - xs[i][f])).isLessThanOrEqualTo(eps + 1e-12);
        }
        assertThat(t.net().predict(b.counterexample())).isNotEqualTo(c);
      }
    }
    assertThat(proven).isPositive();
  }

  /**
   * The activation penalty makes hidden ReLUs sparse: same data, spec and seed, the penalised
   * network has clearly fewer active hidden units on test inputs and still learns the task.
   */
  @Test
  void activationPenaltyMakesHiddenUnitsSparse() {
    DataSplits data = Datasets.embeddedDemo(0);
    Recipe recipe = Recipe.from(Node.of("recipe", "epochs", 2, "seed", 1));
    double[][] xs = MlpTraining.rows(data.test());
    MlpTraining.Trained plain = MlpTraining.train(MlpTraining.spec(16, 16), recipe, data, 0);
    MlpTraining.Trained sparse = MlpTraining.train(MlpTraining.spec(16, 16), recipe, data, 1);
    double a0 = MlpTraining.activeFraction(plain.net(), xs);
    double a1 = MlpTraining.activeFraction(sparse.net(), xs);
    assertThat(a1).isLessThan(0.7 * a0);
    assertThat(sparse.testAccuracy()).isGreaterThan(0.4);
  }

  /**
   * Weights growing with depth put the sparsity where B17's network has it: same data, spec and
   * seed, penalising only the last hidden layer leaves it with clearly fewer active units than no
   * penalty and than the uniform penalty of the same strength, and the network still learns.
   */
  @Test
  void deepLayerWeightsSparsifyTheDeepLayer() {
    DataSplits data = Datasets.embeddedDemo(0);
    Recipe recipe = Recipe.from(Node.of("recipe", "epochs", 2, "seed", 1));
    double[][] xs = MlpTraining.rows(data.test());
    Value spec = MlpTraining.spec(16, 16, 16);
    MlpTraining.Trained plain = MlpTraining.train(spec, recipe, data, 0);
    MlpTraining.Trained uniform = MlpTraining.train(spec, recipe, data, 1);
    MlpTraining.Trained deep = MlpTraining.train(spec, recipe, data, 1, new double[] {0, 0, 6});
    double[] a0 = MlpTraining.activeFractions(plain.net(), xs);
    double[] a1 = MlpTraining.activeFractions(uniform.net(), xs);
    double[] a2 = MlpTraining.activeFractions(deep.net(), xs);
    assertThat(a2[2]).isLessThan(0.7 * a0[2]);
    assertThat(a2[2]).isLessThan(a1[2]);
    assertThat(deep.testAccuracy()).isGreaterThan(0.4);
  }

  @Test
  void layerWeightsMustMatchTheHiddenLayers() {
    DataSplits data = Datasets.embeddedDemo(0);
    Recipe recipe = Recipe.from(Node.of("recipe", "epochs", 1, "seed", 1));
    assertThatThrownBy(
            () -> MlpTraining.train(MlpTraining.spec(4, 4), recipe, data, 1, new double[] {1}))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("one weight per hidden layer (2)");
    assertThatThrownBy(
            () -> MlpTraining.train(MlpTraining.spec(4), recipe, data, 1, new double[] {-1}))
        .isInstanceOf(SpecError.class);
  }

  @Test
  void negativePenaltyIsRejected() {
    DataSplits data = Datasets.embeddedDemo(0);
    Recipe recipe = Recipe.from(Node.of("recipe", "epochs", 1, "seed", 1));
    assertThatThrownBy(() -> MlpTraining.train(MlpTraining.spec(4), recipe, data, -1))
        .isInstanceOf(SpecError.class);
  }
}
