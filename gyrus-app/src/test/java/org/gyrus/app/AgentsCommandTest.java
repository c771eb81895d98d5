package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentsCommandTest {
  @Test
  void libraryPrintsEachTaskAndTheRefusedCase() throws Exception {
    CliTest.Result r = CliTest.run("agents", "library");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("cousin(X, Y) :- parent(Z, X), pibling(Z, Y).")
        .contains("admitted, retired v1")
        .contains("refused: grand_uncle")
        .contains("library: 14 active, 1 retired, 1 refused");
  }

  @Test
  void badGameFlagsExitTwo() throws Exception {
    CliTest.Result r = CliTest.run("agents", "game", "--dataset", "cifar");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--dataset").contains("mnist or fashion-mnist");
    CliTest.Result len = CliTest.run("agents", "game", "--length", "0");
    assertThat(len.code()).isEqualTo(2);
    assertThat(len.err()).contains("length must be >= 1, got 0");
  }
}
