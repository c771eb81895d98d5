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

  @Test
  void everyNumericFlagIsRangeChecked() {
    String[][] bad = {
      {"naps", "--epochs", "0"},
      {"naps", "--delta", "0.3"},
      {"naps", "--delta", "0.99,0.4"},
      {"naps", "--solver", "cplex"},
      {"naps", "--timeout", "-1"},
      {"naps", "--balls", "-2"},
      {"naps", "--attack", "-1"},
      {"naps", "--eps", "0.02,7"},
      {"naps", "--l1-layers", "1,2,3"}, // the default --hidden 32,32 has two layers
      {"naps", "--l1-layers", "1,-1"},
      {"naps", "--l1-layers", "1,x"},
      {"concepts", "--train", "5"},
      {"concepts", "--probes", "0"},
      {"concepts", "--epochs", "-1"},
      {"guided", "--train", "0"},
      {"guided", "--test", "0"},
      {"guided", "--epochs", "0"},
      {"guided", "--lr", "0"},
      {"guided", "--marker", "1.5"},
      {"guided", "--lambda", "1,NaN"},
    };
    for (String[] b : bad) {
      CliTest.Result r =
          b[0].equals("naps")
              ? CliTest.run("analyse", b[0], b[1], b[2], "--data", "/nonexistent")
              : CliTest.run("analyse", b[0], b[1], b[2]);
      assertThat(r.code()).as(String.join(" ", b)).isEqualTo(2);
      assertThat(r.err()).as(String.join(" ", b)).startsWith("error: ").contains(b[1]);
    }
  }
}
