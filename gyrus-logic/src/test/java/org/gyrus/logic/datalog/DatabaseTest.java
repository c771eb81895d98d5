package org.gyrus.logic.datalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gyrus.logic.datalog.Ast.Atom;
import org.gyrus.logic.datalog.Ast.Program;
import org.gyrus.logic.datalog.Ast.Rule;
import org.gyrus.logic.datalog.engine.Database;
import org.gyrus.logic.datalog.engine.Engine;
import org.junit.jupiter.api.Test;

/**
 * {@link Database#update} equals recomputation from scratch after every step of random add/remove
 * sequences; bad updates fail with a clear message and change nothing.
 */
class DatabaseTest {
  private static final String[] CONSTS = {"a", "b", "c", "d", "e"};

  /** The model of the program's rules over the given input facts, computed from scratch. */
  private static Set<String> recomputed(Program p, Set<String> inputFacts) {
    StringBuilder sb = new StringBuilder();
    for (Rule r : p.rules()) {
      if (!r.isFact() || !Set.of("e", "f").contains(r.head().pred())) {
        sb.append(r).append('\n');
      }
    }
    for (String f : inputFacts) {
      sb.append(f).append(".\n");
    }
    return EngineOracleTest.engineModel(new Engine(Parser.parse(sb.toString(), "again.dl")));
  }

  private static String randomFact(Random rng, String pred) {
    String a = CONSTS[rng.nextInt(CONSTS.length)];
    return pred.equals("f") ? "f(" + a + ")" : "e(" + a + ", " + CONSTS[rng.nextInt(5)] + ")";
  }

  @Test
  void updatesEqualRecomputationAfterEveryStep() {
    Map<String, Integer> methods = new HashMap<>();
    int sequences = 0;
    for (long seed = 0; sequences < 1000; seed++) {
      String text = MagicSetsTest.program(seed, false);
      Program p = Parser.parse(text, "random.dl");
      List<String> preds = new ArrayList<>();
      for (String q : List.of("e", "f")) {
        if (Analysis.of(p).arities().containsKey(q)) {
          preds.add(q);
        }
      }
      Set<String> facts = new LinkedHashSet<>();
      for (Rule r : p.rules()) {
        if (r.isFact() && preds.contains(r.head().pred())) {
          facts.add(r.head().toString());
        }
      }
      // every fourth sequence recomputes each changed component: the fallback path is checked too
      Database db = Database.load(p).maxOverDeletion(seed % 4 == 3 ? 0 : 1);
      Random rng = new Random(seed);
      for (int step = 0; step < 6; step++) {
        List<Atom> add = new ArrayList<>();
        List<Atom> remove = new ArrayList<>();
        int kind = rng.nextInt(3); // 0 add only, 1 remove only, 2 both
        for (int k = 1 + rng.nextInt(3); k > 0; k--) {
          String pred = preds.get(rng.nextInt(preds.size()));
          if (kind != 1) {
            add.add(Parser.parseQuery(randomFact(rng, pred)));
          }
          if (kind != 0 && !facts.isEmpty()) {
            List<String> have = new ArrayList<>(facts);
            remove.add(Parser.parseQuery(have.get(rng.nextInt(have.size()))));
          }
        }
        Database.Update u = db.update(add, remove);
        methods.merge(u.method().replaceAll(" \\(.*", ""), 1, Integer::sum);
        methods.merge("recomputed", u.method().contains("recomputed") ? 1 : 0, Integer::sum);
        methods.merge("aggregate", u.method().contains("aggregate reads") ? 1 : 0, Integer::sum);
        remove.forEach(a -> facts.remove(a.toString()));
        add.forEach(a -> facts.add(a.toString()));
        Set<String> expected = recomputed(p, facts);
        assertThat(EngineOracleTest.engineModel(db.materialize()))
            .as("step " + step + " +" + add + " -" + remove + " of\n" + text)
            .isEqualTo(expected);
        assertThat(u.tuplesAfter()).isEqualTo(expected.size());
      }
      sequences++;
    }
    // every path is exercised: propagation of additions, delete-and-rederive, and recomputation
    // of components (forced, or because an aggregate reads a change)
    assertThat(methods.getOrDefault("semi-naive", 0)).isGreaterThan(500);
    assertThat(methods.getOrDefault("delete-and-rederive", 0)).isGreaterThan(2000);
    assertThat(methods.getOrDefault("recomputed", 0)).isGreaterThan(500);
    assertThat(methods.getOrDefault("aggregate", 0)).isGreaterThan(50);
  }

  @Test
  void badUpdatesFailClearlyAndChangeNothing() {
    Program p =
        Parser.parse(
            "e(a, b). e(b, c). n(a).\n"
                + "p(X, Y) :- e(X, Y).\np(X, Z) :- p(X, Y), e(Y, Z).\n"
                + "loop(X) :- p(X, X).\n",
            "g.dl");
    Database db = Database.load(p, Set.of("loop"));
    Set<String> before = EngineOracleTest.engineModel(db.materialize());
    assertThatThrownBy(() -> db.update(List.of(Parser.parseQuery("e(a)")), List.of()))
        .isInstanceOf(DatalogError.class)
        .hasMessageContaining("bad added fact e(a): e has 2 arguments, not 1");
    assertThatThrownBy(() -> db.update(List.of(), List.of(Parser.parseQuery("edge(a, b)"))))
        .hasMessageContaining("bad removed fact edge(a, b): unknown relation edge");
    assertThatThrownBy(() -> db.update(List.of(Parser.parseQuery("p(c, d)")), List.of()))
        .hasMessageContaining("p is derived by rules");
    assertThatThrownBy(
            () ->
                db.update(
                    List.of(Parser.parseQuery("e(a, d)"), Parser.parseQuery("e(c, a)")),
                    List.of(Parser.parseQuery("n(a)"))))
        .hasMessageContaining("integrity constraint loop violated: loop(")
        .hasMessageContaining("the update was not applied");
    assertThat(EngineOracleTest.engineModel(db.materialize())).isEqualTo(before);
    Database.Update ok = db.update(List.of(Parser.parseQuery("e(c, d)")), List.of());
    assertThat(ok.method()).isEqualTo("semi-naive");
    assertThat(db.query(Parser.parseQuery("p(a, X)")).facts())
        .containsExactlyInAnyOrder("p(a, b)", "p(a, c)", "p(a, d)");
  }

  private static Program ring(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("edge(").append(i).append(", ").append((i + 1) % n).append(").\n");
    }
    sb.append("path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n");
    return Parser.parse(sb.toString(), "ring.dl");
  }

  @Test
  void deletionInOneGiantComponentFallsBackToRecomputationAndSaysSo() {
    Database db = Database.load(ring(60));
    assertThat(db.tuples()).isEqualTo(60 + 3600);
    Database.Update cut = db.update(List.of(), List.of(Parser.parseQuery("edge(59, 0)")));
    assertThat(cut.method()).contains("recomputed path (over-deletion passed 10% of its tuples)");
    assertThat(cut.tuplesAfter()).isEqualTo(59 + 60 * 59 / 2);
    // on the chain left, deleting the last edge over-deletes a small part: maintained, no fallback
    Database.Update tail = db.update(List.of(), List.of(Parser.parseQuery("edge(58, 59)")));
    assertThat(tail.method()).isEqualTo("delete-and-rederive (1 component(s) maintained)");
    assertThat(tail.tuplesAfter()).isEqualTo(58 + 59 * 58 / 2);
  }

  @Test
  void aLargeGiantComponentStopsOverDeletingEarlyAndSaysWhy() {
    int n = 1100; // 1.2 M closure tuples: a large component, where the projection is used
    Database db = Database.load(ring(n));
    assertThat(db.tuples()).isEqualTo(n + (long) n * n);
    Database.Update cut = db.update(List.of(), List.of(Parser.parseQuery("edge(0, 1)")));
    assertThat(cut.tuplesAfter()).isEqualTo(n - 1 + (long) n * (n - 1) / 2);
    // each round over-deletes as many tuples as the one before: stopped at a tenth of the budget,
    // long before the 10% it would have reached otherwise
    Matcher m =
        Pattern.compile(
                "recomputed path \\(over-deletion stopped early at ([0-9.]+)% of its tuples, rounds"
                    + " growing 1.00x: projected past 10%\\)")
            .matcher(cut.method());
    assertThat(m.find()).as(cut.method()).isTrue();
    assertThat(Double.parseDouble(m.group(1))).isBetween(1.0, 1.2);
  }

  @Test
  void answersReadBeforeAnUpdateThatRemovesRowsAreRefused() {
    Database db = Database.load(ring(5));
    db.materialize();
    Database.Answers before = db.query(Parser.parseQuery("path(0, X)"));
    db.update(List.of(Parser.parseQuery("edge(0, 2)")), List.of()); // appends: rows stay valid
    assertThat(before.facts()).hasSize(5);
    db.update(List.of(), List.of(Parser.parseQuery("edge(2, 3)"))); // removes in place
    assertThatThrownBy(before::facts)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("answers read before an update removed rows of path: query again");
    assertThat(db.query(Parser.parseQuery("path(0, X)")).facts())
        .containsExactlyInAnyOrder("path(0, 1)", "path(0, 2)");
  }

  @Test
  void demandQueriesShareTheLoadedInputs() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      sb.append("edge(").append(i).append(", ").append(i + 1).append(").\n");
    }
    sb.append("path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n");
    Database db = Database.load(Parser.parse(sb.toString(), "chain.dl"));
    for (int source : new int[] {0, 150, 199}) {
      Database.Answers a = db.query(Parser.parseQuery("path(" + source + ", Y)"));
      assertThat(a.rows()).hasSize(200 - source);
      assertThat(a.notes().get(0)).startsWith("demand: magic sets");
      assertThat(a.engine().relation("edge").size()).isEqualTo(200);
    }
  }
}
