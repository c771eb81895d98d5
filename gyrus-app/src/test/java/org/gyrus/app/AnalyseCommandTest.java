package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** `gyrus analyse` refuses bad input with one line before any training starts. */
class AnalyseCommandTest {
  @Test
  void badInputIsOneErrorLine() {
    CliTest.Result r = CliTest.run("analyse", "naps", "--dataset", "cifar", "--data", "/tmp");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").contains("--dataset").contains("cifar");
    CliTest.Result e = CliTest.run("analyse", "naps", "--eps", "0.02,x", "--data", "/tmp");
    assertThat(e.code()).isEqualTo(2);
    assertThat(e.err()).contains("--eps");
    CliTest.Result g = CliTest.run("analyse", "guided", "--lambda", "-1");
    assertThat(g.code()).isEqualTo(2);
    assertThat(g.err()).contains("--lambda");
    CliTest.Result c = CliTest.run("analyse", "concepts", "--quantile", "1.5");
    assertThat(c.code()).isEqualTo(2);
    assertThat(c.err()).contains("--quantile");
  }
}
