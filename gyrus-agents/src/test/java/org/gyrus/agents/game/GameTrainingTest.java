package org.gyrus.agents.game;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.data.Datasets;
import org.junit.jupiter.api.Test;

class GameTrainingTest {
  private static final Dataset FASHION = Datasets.embeddedFashionMnist();

  @Test
  void listenerLossReachesTheSpeakerThroughTheQuantiser() {
    GameConfig cfg = GameConfig.of(2, 8, 3, 1, 7);
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      ReferentialGame game = new ReferentialGame(cfg, m);
      NDArray[] in = Rounds.sample(FASHION, 16, 3, new SplittableRandom(1)).arrays(m);
      try (GradientCollector gc = m.getEngine().newGradientCollector()) {
        gc.backward(game.play(in[0], in[1], in[2], true).listenerLoss());
      }
      double speakerGrad = 0;
      for (Parameter p : game.speaker().getParameters().values()) {
        speakerGrad += p.getArray().getGradient().abs().sum().getFloat();
      }
      assertThat(speakerGrad).as("listener loss gradient on the speaker").isGreaterThan(0);
    }
  }

  @Test
  void aTinyGameLearnsWellAboveChance() {
    Dataset train = FASHION.head(4000);
    Dataset test = FASHION.subset(range(4000, 5000), "held-out");
    GameTraining.Report r =
        GameTraining.run(
            GameConfig.of(2, 8, 3, 300, 11), train, test, new GameTraining.Eval(512, 100), null);
    System.out.printf(
        "tiny game: test success %.3f (chance %.2f), perplexity %.2f, %.1f s%n",
        r.testSuccess(), r.chance(), r.usage().perplexity(), r.seconds());
    assertThat(r.testSuccess()).isGreaterThan(0.6);
    assertThat(r.usage().usedFraction()).isGreaterThan(0.25);
  }

  @Test
  void badInputIsRefusedBeforeTraining() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GameConfig.of(0, 8, 3, 10, 1))
        .hasMessageContaining("length must be >= 1, got 0");
    Dataset tiny = FASHION.head(3);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                GameTraining.run(
                    GameConfig.of(1, 4, 3, 10, 1), tiny, tiny, new GameTraining.Eval(10, 3), null))
        .hasMessageContaining("3 images, fewer than the 4 candidates");
  }

  private static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }
}
