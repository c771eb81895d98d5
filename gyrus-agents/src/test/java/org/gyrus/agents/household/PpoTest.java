package org.gyrus.agents.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** PPO's advantage estimates and clipped loss against hand computations. */
class PpoTest {
  @Test
  void advantagesFollowTheGaeRecursionAndStopAtEpisodeEnds() {
    float[] adv =
        Ppo.advantages(
            new float[] {0, 0, 1},
            new float[] {0.5f, 0.6f, 0.7f},
            new boolean[] {false, false, true},
            0.9f,
            0.9,
            0.8);
    // t2: 1 - 0.7 = 0.3 (episode ends: no bootstrap)
    // t1: 0.9 * 0.7 - 0.6 = 0.03; + 0.72 * 0.3 = 0.246
    // t0: 0.9 * 0.6 - 0.5 = 0.04; + 0.72 * 0.246 = 0.21712
    assertThat(adv[2]).isCloseTo(0.3f, within(1e-6f));
    assertThat(adv[1]).isCloseTo(0.246f, within(1e-6f));
    assertThat(adv[0]).isCloseTo(0.21712f, within(1e-6f));
    float[] mid =
        Ppo.advantages(
            new float[] {1, 0},
            new float[] {0.2f, 0.4f},
            new boolean[] {true, false},
            0.5f,
            0.9,
            0.8);
    // t1 bootstraps from the last value: 0.9 * 0.5 - 0.4 = 0.05; t0 ends its episode: 1 - 0.2
    assertThat(mid[1]).isCloseTo(0.05f, within(1e-6f));
    assertThat(mid[0]).isCloseTo(0.8f, within(1e-6f));
  }

  @Test
  void clippedLossMatchesAHandComputation() {
    float[][] logits = {{2, 0, -1}, {0.5f, 0.5f, 1}};
    int[] actions = {0, 2};
    float[] oldLogp = {-0.9f, -0.5f};
    float[] adv = {1.5f, -2f};
    float[] values = {0.3f, -0.1f};
    float[] returns = {1f, 0.5f};
    double clip = 0.2;
    double vc = 0.5;
    double ec = 0.01;
    double policy = 0;
    double entropy = 0;
    for (int i = 0; i < 2; i++) {
      double z = 0;
      for (float l : logits[i]) {
        z += Math.exp(l);
      }
      double lp = logits[i][actions[i]] - Math.log(z);
      double ratio = Math.exp(lp - oldLogp[i]);
      double clipped = Math.max(1 - clip, Math.min(1 + clip, ratio));
      policy -= Math.min(ratio * adv[i], clipped * adv[i]) / 2;
      for (float l : logits[i]) {
        double p = Math.exp(l) / z;
        entropy -= p * Math.log(p) / 2;
      }
    }
    double value = (Math.pow(0.3 - 1, 2) + Math.pow(-0.1 - 0.5, 2)) / 2;
    double total = policy + vc * value - ec * entropy;
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      NDArray[] out =
          Ppo.loss(
              m.create(new float[] {2, 0, -1, 0.5f, 0.5f, 1}, new Shape(2, 3)),
              m.create(values),
              m.create(new float[] {actions[0], actions[1]}),
              m.create(oldLogp),
              m.create(adv),
              m.create(returns),
              clip,
              vc,
              ec);
      assertThat(out[1].getFloat()).isCloseTo((float) policy, within(1e-5f));
      assertThat(out[2].getFloat()).isCloseTo((float) value, within(1e-5f));
      assertThat(out[3].getFloat()).isCloseTo((float) entropy, within(1e-5f));
      assertThat(out[0].getFloat()).isCloseTo((float) total, within(1e-5f));
    }
    // both rows are clipped: row 0's ratio e^(-0.170+0.9) > 1.2 with A > 0, row 1's < 0.8 with A <
    // 0
    assertThat(Math.exp(2 - Math.log(Math.exp(2) + 1 + Math.exp(-1)) + 0.9)).isGreaterThan(1.2);
  }
}
