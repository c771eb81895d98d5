package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HouseholdCommandTest {
  @Test
  void oneTaskPrintsTheSubgoalsOfAgentAndOracle() throws Exception {
    CliTest.Result r = CliTest.run("agents", "household", "--task", "4:2");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("task: put a clean").contains("sub-goal agent: solved");
    assertThat(r.out()).contains("wash").contains("oracle:         solved");
  }

  @Test
  void badFlagsExitTwo() throws Exception {
    CliTest.Result r = CliTest.run("agents", "household", "--task", "9:1");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--task").contains("LEVEL in 1..5");
    CliTest.Result t = CliTest.run("agents", "household", "--tasks", "0");
    assertThat(t.code()).isEqualTo(2);
    assertThat(t.err()).contains("tasks >= 1");
  }
}
