package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gyrus nesy mnist-add}: bad input exits 2 with one line naming what was expected. */
class NesyCommandTest {
  private String err;

  private int run(String... args) {
    PrintStream e = System.err;
    ByteArrayOutputStream be = new ByteArrayOutputStream();
    System.setErr(new PrintStream(be, true, StandardCharsets.UTF_8));
    try {
      return Main.run(args);
    } finally {
      System.setErr(e);
      err = be.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void missingDataAndBadOptionsExitWith2(@TempDir Path dir) {
    assertThat(run("nesy", "mnist-add", "--data", dir.toString())).isEqualTo(2);
    assertThat(err).contains("MNIST files").contains("missing");
    assertThat(run("nesy", "mnist-add", "--digits", "0", "--data", dir.toString())).isEqualTo(2);
    assertThat(err).contains("digits");
  }

  @Test
  void aBadDigitNetworkOrScheduleIsNamedBeforeAnyDataIsRead(@TempDir Path dir) throws Exception {
    Path net = dir.resolve("net.yaml");
    java.nio.file.Files.writeString(
        net, "_type: model\nbody: [{_type: dense, units: 10}, {_type: conv2d, filters: 3}]\n");
    assertThat(run("nesy", "mnist-add", "--net", net.toString(), "--data", dir.toString()))
        .isEqualTo(2);
    assertThat(err.strip())
        .isEqualTo(
            "error: "
                + net
                + ": model.body[0]: dense expects 2 axes (N,F) or 3 axes (N,T,F), got (N,1,28,28)");
    assertThat(run("nesy", "mnist-add", "--net", dir.resolve("none.yaml").toString())).isEqualTo(2);
    assertThat(err).contains("none.yaml");
    assertThat(run("nesy", "mnist-add", "--schedule", "linear", "--data", dir.toString()))
        .isEqualTo(2);
    assertThat(err).contains("schedule: expected constant or cosine, got linear");
    assertThat(run("nesy", "mnist-add", "--shift", "9", "--data", dir.toString())).isEqualTo(2);
    assertThat(err).contains("shift in 0..8");
  }
}
