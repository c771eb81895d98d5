package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** `gyrus regress` refuses bad flags with one line before reading its data. */
class RegressCommandTest {
  @Test
  void outOfRangeFlagsAreOneErrorLine() {
    for (String[] bad : new String[][] {{"--stop-r2", "1.5"}, {"--time", "0"}}) {
      CliTest.Result r = CliTest.run("regress", "/nonexistent.csv", bad[0], bad[1]);
      assertThat(r.code()).as(bad[0]).isEqualTo(2);
      assertThat(r.err()).as(bad[0]).startsWith("error: ").contains(bad[0]);
    }
  }
}
