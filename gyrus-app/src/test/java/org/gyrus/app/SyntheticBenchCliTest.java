package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyntheticBenchCliTest {
  @Test
  void benchSyntheticPrintsMeanAndStdOfTheBestAsTheLastJsonLine() throws Exception {
    CliTest.Result r =
        CliTest.run(
            "bench",
            "synthetic",
            "--function",
            "branin",
            "--algorithm",
            "cmaes",
            "--trials",
            "30",
            "--repeats",
            "3",
            "--seed",
            "1",
            "--checkpoints",
            "10,30");
    assertThat(r.code()).as(r.err()).isZero();
    String last = r.out().strip().lines().reduce((a, b) -> b).orElseThrow();
    var json = org.gyrus.core.SpecCodec.json().readTree(last);
    assertThat(json.get("function").asText()).isEqualTo("branin");
    assertThat(json.get("mean_best").asDouble()).isBetween(0.3978, 20.0);
    assertThat(json.get("std_best").asDouble()).isGreaterThanOrEqualTo(0);
    assertThat(json.get("bests_at").get("30").size()).isEqualTo(3);
    assertThat(json.get("bests_at").get("10").get(0).asDouble())
        .isGreaterThanOrEqualTo(json.get("bests_at").get("30").get(0).asDouble());
  }

  @Test
  void badFunctionsAndDimensionsExitWithTwoAndSayWhatWasExpected() {
    CliTest.Result r =
        CliTest.run("bench", "synthetic", "--function", "brannin", "--algorithm", "gp");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("did you mean 'branin'");
    r = CliTest.run("bench", "synthetic", "--function", "levy", "--dim", "50", "--algorithm", "gp");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("a dimension from 2 to 20");
  }

  @Test
  void theBraninExampleSearchesWithoutASpace() {
    CliTest.Result r =
        CliTest.run(
            "search", "../examples/branin-gp.yaml", "--storage", "memory", "--trials", "12");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("x0=").contains("x1=");
  }
}
