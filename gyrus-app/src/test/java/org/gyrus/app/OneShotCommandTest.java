package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneShotCommandTest {
  @Test
  void badFlagsExitTwoBeforeAnyWork() throws Exception {
    CliTest.Result m = CliTest.run("oneshot", "--method", "bogus");
    assertThat(m.code()).isEqualTo(2);
    assertThat(m.err()).contains("--method").contains("sharpdarts-guard").contains("bogus");
    CliTest.Result spec = CliTest.run("oneshot", "--method", "{_type: enas, buffer: 0}");
    assertThat(spec.code()).isEqualTo(2);
    assertThat(spec.err()).contains("--method").contains("buffer");
    CliTest.Result s = CliTest.run("oneshot", "--size", "24");
    assertThat(s.code()).isEqualTo(2);
    assertThat(s.err()).contains("--size").contains("8, 16 or 32");
    CliTest.Result e = CliTest.run("oneshot", "--epochs", "0");
    assertThat(e.code()).isEqualTo(2);
    assertThat(e.err()).contains("--epochs");
  }

  @Test
  void typesListsTheOneShotMethods() throws Exception {
    assertThat(CliTest.run("types").out())
        .contains("one-shot methods")
        .contains("darts")
        .contains("enas")
        .contains("multitask");
  }
}
