package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NsrCommandTest {
  @TempDir Path dir;

  @Test
  void learnsFromAlignedFilesAndRefusesBadInputWithFileAndLine() throws Exception {
    Path src = Files.writeString(dir.resolve("t.src"), "a\nb\na twice\nb twice\n");
    Path tgt = Files.writeString(dir.resolve("t.tgt"), "A\nB\nA A\nB B\n");
    Path testSrc = Files.writeString(dir.resolve("u.src"), "a twice twice\n");
    Path testTgt = Files.writeString(dir.resolve("u.tgt"), "A A A A\n");
    CliTest.Result ok =
        CliTest.run(
            "nsr",
            "--train-src",
            src.toString(),
            "--train-tgt",
            tgt.toString(),
            "--test-src",
            testSrc.toString(),
            "--test-tgt",
            testTgt.toString(),
            "--programs");
    assertThat(ok.code()).isEqualTo(0);
    assertThat(ok.out()).contains("test exact 1/1 = 1.0000").contains("twice: λx1. x1 x1");
    Path bad = Files.writeString(dir.resolve("bad.txt"), "IN: a OUT: A\nIN: b\n");
    CliTest.Result r = CliTest.run("nsr", "--train", bad.toString(), "--test", bad.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(bad + ":2").contains("expected 'IN:");
    CliTest.Result m =
        CliTest.run("nsr", "--model", "gpt", "--train", bad.toString(), "--test", bad.toString());
    assertThat(m.code()).isEqualTo(2);
    assertThat(m.err()).contains("--model").contains("'gpt'");
  }

  @Test
  void learnersAreRegisteredWithTheirArguments() {
    assertThat(CliTest.run("types").out()).contains("sequence learners").contains("seq2seq");
    CliTest.Result e = CliTest.run("explain", "nsr");
    assertThat(e.code()).isEqualTo(0);
    assertThat(e.out()).contains("max_arity").contains("abduction_length");
    CliTest.Result r = CliTest.run("nsr", "--max-arity", "0", "--train", "x", "--test", "y");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("max_arity");
  }
}
