package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gyrus reason}: answers as facts, tags, counts, and exit code 2 on bad input. */
class ReasonCommandTest {
  private String out;
  private String err;

  private int run(String... args) {
    PrintStream o = System.out;
    PrintStream e = System.err;
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    ByteArrayOutputStream be = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bo, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(be, true, StandardCharsets.UTF_8));
    try {
      return Main.run(args);
    } finally {
      System.setOut(o);
      System.setErr(e);
      out = bo.toString(StandardCharsets.UTF_8);
      err = be.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void printsAnswersTagsAndCounts(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("g.dl");
    Files.writeString(
        p,
        "0.9::edge(a, b). 0.8::edge(b, c).\n"
            + "path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n");
    assertThat(run("reason", p.toString(), "--query", "path(a, X)")).isEqualTo(0);
    assertThat(out.lines()).containsExactlyInAnyOrder("path(a, b).", "path(a, c).");
    assertThat(err).contains("2 answers");
    assertThat(run("reason", p.toString(), "--query", "path(a, X)", "--semiring", "topk:3"))
        .isEqualTo(0);
    assertThat(out.lines()).containsExactlyInAnyOrder("0.9::path(a, b).", "0.72::path(a, c).");
    assertThat(run("reason", p.toString(), "--query", "path(X, Y)", "--count")).isEqualTo(0);
    assertThat(out.trim()).isEqualTo("3");
    assertThat(run("reason", p.toString(), "--query", "path(a, c)", "--why")).isEqualTo(0);
    assertThat(out).contains("edge(b, c).   [fact]");
  }

  @Test
  void demandIsAutomaticAndNoDemandGivesTheSameAnswers(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("g.dl");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      sb.append("edge(").append(i).append(", ").append(i + 1).append(").\n");
    }
    Files.writeString(p, sb + "path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n");
    assertThat(run("reason", p.toString(), "--query", "path(30, X)", "--why")).isEqualTo(0);
    String demanded = out;
    assertThat(err).contains("demand: magic sets for path(30, X)").contains("51 tuples");
    assertThat(demanded).contains("path(30, 40).").doesNotContain("magic").doesNotContain("@");
    assertThat(run("reason", p.toString(), "--query", "path(30, X)", "--why", "--no-demand"))
        .isEqualTo(0);
    assertThat(err).contains("demand: off (--no-demand)").contains("860 tuples");
    assertThat(out.lines()).containsExactlyInAnyOrderElementsOf(demanded.lines().toList());
  }

  @Test
  void replUpdatesTheModelAndAnswersAfterEachLine(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("g.dl");
    Files.writeString(
        p,
        "edge(a, b). edge(b, c).\nn(z).\n"
            + "path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n"
            + "lonely(X) :- n(X), !path(a, X).\n");
    String input =
        String.join(
            "\n",
            "?- path(a, X).",
            "+edge(c, d). n(d).",
            "?- path(a, X).",
            "-edge(b, c).",
            "?- lonely(X).",
            "+edge(a, b, c).",
            "bogus",
            "+edge(a, X).",
            "-edge(a, b",
            "?- path(a, X).");
    java.io.InputStream in = System.in;
    System.setIn(new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      assertThat(run("reason", p.toString(), "--repl")).isEqualTo(2);
    } finally {
      System.setIn(in);
    }
    List<String> answers = out.lines().filter(l -> !l.startsWith("%")).toList();
    assertThat(answers)
        .containsExactly(
            "path(a, b).",
            "path(a, c).", // demand-driven, before any update
            "path(a, b).",
            "path(a, c).",
            "path(a, d).", // after +edge(c, d)
            "lonely(z).",
            "lonely(d).", // -edge(b, c): path(a, d) is gone, so d is lonely
            "path(a, b).");
    assertThat(out)
        .contains("% 2 answers in ")
        // additions reach the negation in lonely: maintained by delete-and-rederive too
        .contains("% +2 fact(s): 7 -> 12 tuples by delete-and-rederive (2 component(s) maintained)")
        .contains(
            "% -1 fact(s): 12 -> 8 tuples by delete-and-rederive (2 component(s) maintained)");
    assertThat(err.lines().toList())
        .containsExactly(
            "error: stdin:6: update: bad added fact edge(a, b, c): edge has 2 arguments, not 3",
            "error: stdin:7: expected '+FACT.', '-FACT.' or '?- ATOM.', found 'bogus'",
            "error: stdin:8: update: bad added fact edge(a, X): a fact has constants only, found"
                + " the variable X",
            "error: stdin:9:11: expected ',' or ')' in the argument list of edge, got end of"
                + " input");
  }

  @Test
  void badInputExitsWithTwoAndOneLine(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("bad.dl");
    Files.writeString(p, "edge(a, b).\npath(X, Y) :- edge(X, Y\n");
    assertThat(run("reason", p.toString(), "--query", "path(a, X)")).isEqualTo(2);
    assertThat(err.trim()).startsWith("error: " + p + ":3:1: expected").doesNotContain("\n");
    Files.writeString(p, "edge(a, b).\n");
    assertThat(run("reason", p.toString(), "--query", "path(a, X)")).isEqualTo(2);
    assertThat(err).contains("unknown predicate path");
    assertThat(run("reason", p.toString(), "--query", "edge(a, X)", "--semiring", "fuzzy"))
        .isEqualTo(2);
    assertThat(err).contains("[boolean, counting, exact, maxprod, minmax, topk]");
    assertThat(run("reason", dir.resolve("missing.dl").toString(), "--query", "p(X)")).isEqualTo(2);
  }
}
