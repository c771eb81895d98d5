package org.gyrus.logic.datalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.SpecError;
import org.gyrus.logic.datalog.Ast.Program;
import org.gyrus.logic.datalog.engine.Engine;
import org.gyrus.logic.datalog.engine.Relation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The language: syntax, errors with file:line:column, safety and stratification checks. */
class ParserTest {

  static List<String> answers(String src, String query) {
    Engine e = new Engine(Parser.parse(src, "t.dl"));
    var q = Parser.parseQuery(query);
    Relation rel = e.relation(q.pred());
    List<String> out = new ArrayList<>();
    for (int row : e.answers(q)) {
      out.add(e.show(rel, row));
    }
    return out;
  }

  /**
   * Leading fact lines are read by a fast path (FactLines); behind a rule they go through the
   * general lexer. Both must give the same rules, positions included, and the same errors.
   */
  @Test
  void leadingFactLinesReadLikeTheGeneralParser() {
    String[] pieces = {
      "edge(1, 2).",
      "e(a,b).",
      "  p( x_1 , 007 ).",
      "q(aB).",
      "% note",
      "",
      "r(1, -2).",
      "s(1.5).",
      "t(X).",
      "u(a). v(b).",
      "w(a) .",
      "big(12345678901234567890).",
      "n(9).\r",
      "z(\"s\").",
      "f(a, b)",
      "g(a).  % tail",
      "h(1a).",
      "k(b_, 3)."
    };
    java.util.Random rng = new java.util.Random(17);
    for (int trial = 0; trial < 400; trial++) {
      StringBuilder sb = new StringBuilder();
      for (int n = rng.nextInt(6); n >= 0; n--) {
        sb.append(pieces[rng.nextInt(pieces.length)]).append('\n');
      }
      String text = sb.toString();
      String general = "x(Y) :- edge(Y, _).\n" + text.replace("\n", "\n"); // no fast prefix
      Object fast;
      Object slow;
      try {
        fast = Parser.parse(text, "f.dl").rules();
      } catch (DatalogError e) {
        fast = e.getMessage();
      }
      try {
        List<Ast.Rule> rules = Parser.parse(general, "f.dl").rules();
        slow = List.copyOf(rules.subList(1, rules.size()));
      } catch (DatalogError e) {
        slow = e.getMessage();
      }
      if (slow instanceof String msg) { // positions: one line further down in the general text
        slow = msg.replaceAll("f\\.dl:(\\d+)", "LINE$1");
        fast = fast instanceof String f ? f.replaceAll("f\\.dl:(\\d+)", "LINE$1") : fast;
        assertThat(fast).as(text).isInstanceOf(String.class);
        assertThat(lineShift((String) fast, 1)).as(text).isEqualTo(slow);
      } else {
        List<String> shifted = new ArrayList<>();
        for (Ast.Rule r : (List<Ast.Rule>) fast) {
          shifted.add(r + " @" + lineShift(r.where().replaceAll("f\\.dl:(\\d+)", "LINE$1"), 1));
        }
        List<String> want = new ArrayList<>();
        for (Ast.Rule r : (List<Ast.Rule>) slow) {
          want.add(r + " @" + r.where().replaceAll("f\\.dl:(\\d+)", "LINE$1"));
        }
        assertThat(shifted).as(text).isEqualTo(want);
      }
    }
  }

  /** Adds {@code by} to every LINE<n> marker. */
  private static String lineShift(String s, int by) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("LINE(\\d+)").matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, "LINE" + (Integer.parseInt(m.group(1)) + by));
    }
    return m.appendTail(sb).toString();
  }

  @Test
  void commentsStringsIntegersAndArithmetic() {
    String src =
        "% a comment\n"
            + "// another\n"
            + "/* block\n comment */\n"
            + "n(1). n(2). n(-3).\n"
            + "name(\"Ada Lovelace\", 36).\n"
            + "sq(X, Y) :- n(X), Y = X * X + 1.\n"
            + "m(X, R) :- n(X), R = X % 2. % trailing comment\n"
            + "d(X, R) :- n(X), R = (X + 7) / 2, R >= 2, R != 3.\n"
            + "old(N) :- name(N, A), A > 30.\n";
    assertThat(answers(src, "sq(X, Y)"))
        .containsExactlyInAnyOrder("sq(1, 2)", "sq(2, 5)", "sq(-3, 10)");
    assertThat(answers(src, "m(X, R)"))
        .containsExactlyInAnyOrder("m(1, 1)", "m(2, 0)", "m(-3, -1)");
    assertThat(answers(src, "d(X, R)")).containsExactlyInAnyOrder("d(1, 4)", "d(2, 4)", "d(-3, 2)");
    assertThat(answers(src, "old(N)")).containsExactly("old(\"Ada Lovelace\")");
  }

  @Test
  void aggregates() {
    String src =
        "edge(a, b). edge(a, c). edge(b, c). w(a, 5). w(b, 7). w(c, 1).\n"
            + "node(X) :- edge(X, _). node(Y) :- edge(_, Y).\n"
            + "deg(X, C) :- node(X), C = count : edge(X, _).\n"
            + "succ(X, C) :- node(X), C = count Y : { edge(X, Y), w(Y, _) }.\n"
            + "total(S) :- S = sum W : w(_, W).\n"
            + "lightest(M) :- M = min W : w(_, W).\n"
            + "heaviest(N) :- M = max W : w(_, W), w(N, M).\n";
    assertThat(answers(src, "deg(X, C)"))
        .containsExactlyInAnyOrder("deg(a, 2)", "deg(b, 1)", "deg(c, 0)");
    assertThat(answers(src, "succ(a, C)")).containsExactly("succ(a, 2)");
    assertThat(answers(src, "total(S)")).containsExactly("total(13)");
    assertThat(answers(src, "lightest(M)")).containsExactly("lightest(1)");
    assertThat(answers(src, "heaviest(N)")).containsExactly("heaviest(b)");
  }

  @Test
  void negationNotKeywordAndWildcards() {
    String src =
        "edge(a, b). edge(b, c). node(a). node(b). node(c).\n"
            + "sink(X) :- node(X), !edge(X, _).\n"
            + "source(X) :- node(X), not edge(_, X).\n";
    assertThat(answers(src, "sink(X)")).containsExactly("sink(c)");
    assertThat(answers(src, "source(X)")).containsExactly("source(a)");
  }

  @Test
  void includeIsRelativeToTheIncludingFile(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("lib"));
    Files.writeString(dir.resolve("lib/facts.dl"), "edge(a, b).\nedge(b, c).\n");
    Files.writeString(
        dir.resolve("main.dl"),
        "include \"lib/facts.dl\"\npath(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n"
            + "?- path(a, X).\n");
    Program p = Parser.parseFile(dir.resolve("main.dl"));
    assertThat(p.queries()).hasSize(1);
    Engine e = new Engine(p);
    assertThat(e.answers(p.queries().get(0))).hasSize(2);
    Files.writeString(dir.resolve("lib/facts.dl"), "include \"../main.dl\"\n");
    assertThatThrownBy(() -> Parser.parseFile(dir.resolve("main.dl")))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("include cycle");
  }

  @Test
  void parseErrorsNameFileLineColumnAndWhatWasExpected() {
    assertThatThrownBy(() -> Parser.parse("edge(a, b).\npath(X, Y) :- edge(X Y).\n", "g.dl"))
        .isInstanceOf(SpecError.class)
        .hasMessage("g.dl:2:22: expected ',' or ')' in the argument list of edge, got 'Y'");
    assertThatThrownBy(() -> Parser.parse("edge(a, b)\nedge(b, c).", "g.dl"))
        .hasMessage("g.dl:2:1: expected '.' or ':-' after the head, got 'edge'");
    assertThatThrownBy(() -> Parser.parse("p(X) :- q(X), .", "g.dl"))
        .hasMessage(
            "g.dl:1:15: expected a body literal (atom, !atom, comparison or aggregate), got '.'");
    assertThatThrownBy(() -> Parser.parse("p(\"abc).", "g.dl"))
        .hasMessage("g.dl:1:3: unterminated string");
    assertThatThrownBy(() -> Parser.parse("p(a) :- q(X), X ~ 3.", "g.dl"))
        .hasMessageStartingWith("g.dl:1:17: expected");
    assertThatThrownBy(() -> Parser.parse("1.5::p(a).", "g.dl"))
        .hasMessage("g.dl:1:1: expected a probability in [0, 1], got 1.5");
    assertThatThrownBy(() -> Parser.parseQuery("path(a, X"))
        .hasMessageStartingWith("query:1:10: expected ',' or ')'");
  }

  @Test
  void unsafeRulesAreRejectedWithTheRuleShown() {
    assertThatThrownBy(() -> new Engine(Parser.parse("p(X, Y) :- q(X).\nq(a).", "u.dl")))
        .isInstanceOf(SpecError.class)
        .hasMessage(
            "u.dl:1:1: unsafe rule: head variable Y is not bound by a positive atom: p(X, Y) :- q(X).");
    assertThatThrownBy(
            () -> new Engine(Parser.parse("q(a).\np(X) :- q(X), !r(X, Y).\nr(a, a).", "u.dl")))
        .hasMessageContaining("u.dl:2:1: unsafe rule: variable Y in !r(X, Y) is not bound");
    assertThatThrownBy(() -> new Engine(Parser.parse("q(a).\np(X) :- q(X), Y > 3.", "u.dl")))
        .hasMessageContaining("variable Y in Y > 3 is not bound");
    assertThatThrownBy(() -> new Engine(Parser.parse("p(X).", "u.dl")))
        .hasMessageContaining("unsafe rule: head variable X");
  }

  @Test
  void negationOrAggregationThroughRecursionIsRejected() {
    assertThatThrownBy(
            () -> new Engine(Parser.parse("q(a).\np(X) :- q(X), !s(X).\ns(X) :- p(X).", "n.dl")))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("n.dl:2:1: not stratifiable")
        .hasMessageContaining("p(X) :- q(X), !s(X).");
    assertThatThrownBy(
            () -> new Engine(Parser.parse("q(a, 1).\nc(N) :- N = count : c(_).", "n.dl")))
        .hasMessageContaining("not stratifiable");
  }

  @Test
  void aritiesMustAgree() {
    assertThatThrownBy(() -> new Engine(Parser.parse("e(a, b).\np(X) :- e(X).", "a.dl")))
        .hasMessageContaining("a.dl:2:1: predicate e used with 1 arguments but elsewhere with 2");
  }

  @Test
  void zeroArityPredicatesAndRepeatedQueryVariables() {
    String src = "e(a, a). e(a, b).\nloop :- e(X, X).\nnone :- e(X, c).\nself(X, Y) :- e(X, Y).\n";
    assertThat(answers(src, "loop")).containsExactly("loop");
    assertThat(answers(src, "none")).isEmpty();
    assertThat(answers(src, "self(X, X)")).containsExactly("self(a, a)");
    assertThat(answers(src, "self(_, _)")).hasSize(2);
  }

  @Test
  void integerOverflowIsAnError() {
    assertThatThrownBy(() -> answers("n(9223372036854775807).\nm(Y) :- n(X), Y = X + 1.", "m(Y)"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("integer overflow");
    assertThatThrownBy(
            () -> answers("n(9223372036854775807). n(1).\ns(S) :- S = sum X : n(X).", "s(S)"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("integer overflow");
  }

  @Test
  void arithmeticOnSymbolsIsAnError() {
    assertThatThrownBy(() -> answers("n(a).\nm(Y) :- n(X), Y = X + 1.", "m(Y)"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("expected an integer in arithmetic, got symbol a");
  }
}
