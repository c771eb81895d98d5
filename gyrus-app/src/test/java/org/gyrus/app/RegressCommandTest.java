package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `gyrus regress` refuses bad flags with one line before reading its data. */
class RegressCommandTest {
  @Test
  void outOfRangeFlagsAreOneErrorLine() {
    for (String[] bad :
        new String[][] {
          {"--stop-r2", "1.5"},
          {"--time", "0"},
          {"--snip", "-1"},
          {"--snip-steps", "0"},
          {"--snip", "5"},
          {"--mode", "nggp-plus"}
        }) {
      CliTest.Result r = CliTest.run("regress", "/nonexistent.csv", bad[0], bad[1]);
      assertThat(r.code()).as(bad[0]).isEqualTo(2);
      assertThat(r.err()).as(bad[0]).startsWith("error: ").contains(bad[0]);
    }
  }

  @Test
  void aSnipPriorIsTrainedOnTheDataRangeAndSeedsTheSearch(@TempDir Path dir) throws Exception {
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 0; i < 20; i++) {
      double x = -1 + 0.1 * i;
      csv.append(x).append(',').append(x * x + x).append('\n');
    }
    Path data = Files.writeString(dir.resolve("d.csv"), csv);
    CliTest.Result r =
        CliTest.run(
            "regress",
            data.toString(),
            "--ops",
            "add,mul,sin",
            "--mode",
            "gp",
            "--snip",
            "20",
            "--snip-steps",
            "5",
            "--time",
            "5");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("snip prior: ").contains("R2: 1.0000000000");
  }
}
