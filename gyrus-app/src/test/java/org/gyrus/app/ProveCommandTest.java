package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProveCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out) {}

  private static Run run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      int code = Main.run(args);
      return new Run(code, buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(old);
    }
  }

  @Test
  void tptpTheoremWithProof() throws Exception {
    Path p = dir.resolve("socrates.p");
    Files.writeString(
        p,
        "fof(a, axiom, ! [X] : (man(X) => mortal(X))).\n"
            + "fof(b, axiom, man(socrates)).\nfof(c, conjecture, mortal(socrates)).\n");
    Run r = run("prove", "--proof", p.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("answer: True")
        .contains("% SZS status Theorem for socrates.p")
        .contains("SZS output start CNFRefutation")
        .contains("negated conclusion");
  }

  @Test
  void folioLineFalseAndUnknown() throws Exception {
    Path p = dir.resolve("story.jsonl");
    Files.writeString(
        p,
        "{\"premises-FOL\": [\"∀x (Dog(x) → ¬Cat(x))\", \"Dog(rex)\"], "
            + "\"conclusion-FOL\": \"Cat(rex)\", \"label\": \"False\"}\n"
            + "{\"premises-FOL\": [\"Dog(rex)\"], \"conclusion-FOL\": \"Cat(tom)\"}\n");
    assertThat(run("prove", p.toString()).out()).contains("answer: False").doesNotContain("SZS");
    assertThat(run("prove", "--line", "2", p.toString()).out()).contains("answer: Unknown");
  }

  @Test
  void tptpCounterTheoremAndCounterSatisfiable() throws Exception {
    Path p = dir.resolve("no.p");
    Files.writeString(p, "fof(a, axiom, ~q(a)).\nfof(c, conjecture, q(a)).\n");
    assertThat(run("prove", p.toString()).out())
        .contains("answer: False")
        .contains("SZS status CounterTheorem");
    Path u = dir.resolve("unknown.p");
    Files.writeString(u, "fof(a, axiom, p(a)).\nfof(c, conjecture, q(a)).\n");
    assertThat(run("prove", "--proof", u.toString()).out())
        .contains("answer: Unknown")
        .contains("SZS status CounterSatisfiable")
        .contains("Saturation");
  }

  @Test
  void badInputExitsWithTwo() throws Exception {
    Path p = dir.resolve("bad.p");
    Files.writeString(p, "fof(a, axiom, p(.");
    assertThat(run("prove", p.toString()).code()).isEqualTo(2);
    assertThat(run("prove", dir.resolve("missing.p").toString()).code()).isEqualTo(2);
  }
}
