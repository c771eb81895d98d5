package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoalsCommandTest {
  @Test
  void aTinyRunPrintsBothSplitsAndAJsonLine() throws Exception {
    CliTest.Result r =
        CliTest.run(
            "agents",
            "goals",
            "--train",
            "40",
            "--test",
            "5",
            "--epochs",
            "1",
            "--test-blocks",
            "6-6");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("held-out scenes, 3-5 blocks:")
        .contains("held-out scenes, 6-6 blocks:")
        .contains("\"larger\": {\"network\": {\"scenes\": 5");
  }

  @Test
  void badBlockRangesExitTwo() throws Exception {
    CliTest.Result r = CliTest.run("agents", "goals", "--test-blocks", "6-9");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--test-blocks").contains("1 <= LO <= HI <= 7").contains("'6-9'");
    CliTest.Result e = CliTest.run("agents", "goals", "--epochs", "0");
    assertThat(e.code()).isEqualTo(2);
    assertThat(e.err()).contains("epochs >= 1");
  }
}
