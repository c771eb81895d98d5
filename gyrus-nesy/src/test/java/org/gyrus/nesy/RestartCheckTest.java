package org.gyrus.nesy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gyrus.nesy.MnistAddition.Check.PASS;
import static org.gyrus.nesy.MnistAddition.Check.RESTART;
import static org.gyrus.nesy.MnistAddition.Check.WAIT;
import static org.gyrus.nesy.MnistAddition.restartCheck;

import org.junit.jupiter.api.Test;

class RestartCheckTest {

  @Test
  void aRunAtOrAboveTheBarPasses() {
    assertThat(restartCheck(MnistAddition.RESTART_BELOW, Double.NaN, 0)).isEqualTo(PASS);
    assertThat(restartCheck(0.9, 0.95, 0)).isEqualTo(PASS);
  }

  @Test
  void aFlatRunBelowTheBarRestarts() {
    // the (d+5) basin and a derangement of the digits: stuck around one rate
    assertThat(restartCheck(0.30, 0.29, 0)).isEqualTo(RESTART);
    assertThat(restartCheck(0.30, 0.33, 0)).isEqualTo(RESTART);
    assertThat(restartCheck(0.30, Double.NaN, 0)).isEqualTo(RESTART);
  }

  @Test
  void aClimbingRunWaitsAtMostTheAllowedNumberOfEpochs() {
    double step = MnistAddition.RESTART_PROGRESS;
    assertThat(restartCheck(0.60, 0.60 - step, 0)).isEqualTo(WAIT);
    assertThat(restartCheck(0.60, 0.60 - step, MnistAddition.MAX_POSTPONED_CHECKS - 1))
        .isEqualTo(WAIT);
    assertThat(restartCheck(0.60, 0.60 - step, MnistAddition.MAX_POSTPONED_CHECKS))
        .isEqualTo(RESTART);
    assertThat(restartCheck(0.60, 0.60 - step / 2, 0)).isEqualTo(RESTART);
  }
}
