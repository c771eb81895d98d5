package org.gyrus.logic.datalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.gyrus.logic.datalog.Ast.Program;
import org.gyrus.logic.datalog.Ast.Rule;
import org.gyrus.logic.datalog.engine.Engine;
import org.gyrus.logic.datalog.engine.Explainer;
import org.gyrus.logic.datalog.engine.Explainer.Proof;
import org.gyrus.logic.datalog.engine.Relation;
import org.junit.jupiter.api.Test;

/** why(tuple): every tuple of the model has a finite proof whose leaves are input facts. */
class ExplainerTest {

  /** A 5,000-step derivation on a thread with a small stack: building and printing iterate. */
  @Test
  void aFiveThousandStepDerivationNeitherOverflowsNorPrintsQuadratically() throws Exception {
    int n = 5000;
    StringBuilder src = new StringBuilder("reach(0).\nreach(Y) :- reach(X), e(X, Y).\n");
    for (int i = 0; i < n; i++) {
      src.append("e(").append(i).append(", ").append(i + 1).append(").\n");
    }
    String[] rendered = new String[1];
    Throwable[] failure = new Throwable[1];
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                Engine e = new Engine(Parser.parse(src.toString(), "chain.dl"), true);
                e.run();
                int row = e.answers(Parser.parseQuery("reach(" + n + ")"))[0];
                rendered[0] = new Explainer(e).explain(e.relation("reach"), row).render("  ");
              } catch (Throwable x) {
                failure[0] = x;
              }
            },
            "small-stack",
            256 * 1024);
    t.start();
    t.join();
    assertThat(failure[0]).isNull();
    String[] lines = rendered[0].split("\n");
    assertThat(lines).hasSize(2 * n + 1);
    assertThat(lines[0]).startsWith("  reach(" + n + ").   [by chain.dl:2:1");
    // reach(k) sits at depth n + 1 - k; past depth 100 the depth is written, not indented
    assertThat(lines[n - 1])
        .isEqualTo(
            "  ".repeat(100)
                + "["
                + n
                + "] reach(1).   [by chain.dl:2:1 reach(Y) :- reach(X), e(X, Y).]");
    assertThat(lines[n]).isEqualTo("  ".repeat(100) + "[" + (n + 1) + "] reach(0).   [fact]");
    assertThat(lines[n + 1]).isEqualTo("  ".repeat(100) + "[" + (n + 1) + "] e(0, 1).   [fact]");
    assertThat(lines[2 * n]).isEqualTo("    e(" + (n - 1) + ", " + n + ").   [fact]");
    assertThat(rendered[0].length()).isLessThan(5_000_000);
  }

  @Test
  void proofTreeOfAPath() {
    String src =
        "edge(a, b). edge(b, c). edge(c, a).\n"
            + "path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n";
    Engine e = new Engine(Parser.parse(src, "p.dl"), true);
    e.run();
    Relation path = e.relation("path");
    int row = e.answers(Parser.parseQuery("path(a, a)"))[0];
    Proof p = new Explainer(e).explain(path, row);
    assertThat(p.render("  "))
        .isEqualTo(
            "  path(a, a).   [by p.dl:3:1 path(X, Z) :- path(X, Y), edge(Y, Z).]\n"
                + "    path(a, c).   [by p.dl:3:1 path(X, Z) :- path(X, Y), edge(Y, Z).]\n"
                + "      path(a, b).   [by p.dl:2:1 path(X, Y) :- edge(X, Y).]\n"
                + "        edge(a, b).   [fact]\n"
                + "      edge(b, c).   [fact]\n"
                + "    edge(c, a).   [fact]\n");
  }

  @Test
  void alternativeProofsDifferInTheirLastStep() {
    String src =
        "e(a, b). e(a, c). e(b, d). e(c, d).\n"
            + "p(X, Y) :- e(X, Y).\np(X, Z) :- p(X, Y), e(Y, Z).\n";
    Engine e = new Engine(Parser.parse(src, "p.dl"), true);
    e.run();
    Relation p = e.relation("p");
    int row = e.answers(Parser.parseQuery("p(a, d)"))[0];
    var proofs = new Explainer(e).explainAll(p, row, 5);
    assertThat(proofs).hasSize(2);
    assertThat(proofs)
        .extracting(pr -> pr.premises().get(1).fact())
        .containsExactlyInAnyOrder("e(b, d).", "e(c, d).");
  }

  @Test
  void everyTupleHasAWellFoundedProof() {
    qt().withExamples(500)
        .withFixedSeed(17)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Program prog = Parser.parse(RandomPrograms.generate(seed, false, true), "r.dl");
              Set<String> facts = new HashSet<>();
              for (Rule r : prog.rules()) {
                if (r.isFact()) {
                  facts.add(NaiveOracle.show(r.head(), Map.of()) + ".");
                }
              }
              Engine e = new Engine(prog, true);
              e.run();
              Set<String> model = EngineOracleTest.engineModel(e);
              Explainer x = new Explainer(e);
              for (Relation rel : e.relations().values()) {
                for (int row = 0; row < rel.size(); row++) {
                  check(x.explain(rel, row), facts, model, 0);
                }
              }
            });
  }

  private static void check(Proof p, Set<String> facts, Set<String> model, int depth) {
    assertThat(depth).isLessThan(100);
    assertThat(model).contains(p.fact().substring(0, p.fact().length() - 1));
    if (p.rule().isEmpty()) {
      assertThat(facts).contains(p.fact());
    }
    for (Proof q : p.premises()) {
      check(q, facts, model, depth + 1);
    }
  }
}
