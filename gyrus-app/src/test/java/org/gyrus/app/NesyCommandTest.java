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
}
