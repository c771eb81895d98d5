package org.gyrus.logic.datalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.gyrus.logic.datalog.Ast.Atom;
import org.gyrus.logic.datalog.Ast.Literal;
import org.gyrus.logic.datalog.Ast.Positive;
import org.gyrus.logic.datalog.Ast.Program;
import org.gyrus.logic.datalog.Ast.Rule;
import org.gyrus.logic.datalog.engine.Engine;
import org.gyrus.logic.datalog.engine.Explainer;
import org.gyrus.logic.datalog.engine.Explainer.Proof;
import org.gyrus.logic.datalog.engine.Relation;
import org.gyrus.logic.datalog.provenance.Provenance;
import org.gyrus.logic.datalog.provenance.Semiring;
import org.junit.jupiter.api.Test;

/**
 * Demand-driven (magic-set) evaluation answers every query exactly as plain evaluation does, with
 * the same semiring values and complete proofs, on thousands of random stratified programs with
 * negation, aggregates and random bound queries.
 */
class MagicSetsTest {
  private static final String[] CONSTS = {"a", "b", "c", "d"};
  private static final String[] DERIVED = {"p", "q", "r", "s", "t", "u"};
  private static final int[] ARITY = {2, 1, 2, 1, 3, 2};
  private static final String[] SEMIRINGS = {
    "boolean", "counting", "maxprod", "minmax", "topk:3", "exact"
  };

  /** A random program with an aggregate stratum on top of RandomPrograms' rules. */
  static String program(long seed, boolean tagged) {
    Random rng = new Random(seed);
    String text = RandomPrograms.generate(seed, tagged, true, tagged);
    if (rng.nextInt(3) == 0) {
      text += "u(X, C) :- f(X), C = count Y : p(X, Y).\n";
      text += rng.nextBoolean() ? "r(X, Y) :- u(X, C), C > 0, e(X, Y).\n" : "";
    }
    return text;
  }

  /**
   * A query on a derived predicate; three quarters of the arguments are constants, in two thirds of
   * the queries taken from a tuple of the plain model (so that many queries have answers).
   */
  static Atom query(long seed, Program p, Engine plain) {
    Random rng = new Random(seed * 31 + 5);
    Set<String> preds = Analysis.of(p).arities().keySet();
    List<Integer> usable = new ArrayList<>();
    for (int i = 0; i < DERIVED.length; i++) {
      if (preds.contains(DERIVED[i])) {
        usable.add(i);
      }
    }
    if (usable.isEmpty()) {
      return null;
    }
    int k = usable.get(rng.nextInt(usable.size()));
    Relation rel = plain.relation(DERIVED[k]);
    plain.run();
    int row = rel.size() > 0 && rng.nextInt(3) != 0 ? rng.nextInt(rel.size()) : -1;
    StringBuilder sb = new StringBuilder(DERIVED[k]).append('(');
    for (int c = 0; c < ARITY[k]; c++) {
      int roll = rng.nextInt(8);
      String constant = row >= 0 ? plain.symbols().show(rel.get(row, c)) : CONSTS[rng.nextInt(4)];
      String t = roll < 6 ? constant : (roll == 6 ? "X" : "Y");
      sb.append(c == 0 ? "" : ", ").append(t);
    }
    return Parser.parseQuery(sb.append(')').toString());
  }

  static Set<String> answers(Engine e, Atom q) {
    Set<String> out = new HashSet<>();
    Relation rel = e.relation(q.pred());
    for (int row : e.answers(q)) {
      out.add(e.show(rel, row));
    }
    return out;
  }

  @Test
  void demandAnswersEqualPlainAnswers() {
    int applied = 0;
    int nonEmpty = 0;
    for (long seed = 0; applied < 2500 && seed < 5000; seed++) {
      String text = program(seed, false);
      Program p = Parser.parse(text, "random.dl");
      Engine plain = new Engine(p);
      Atom q = query(seed, p, plain);
      if (q == null) {
        continue;
      }
      MagicSets.Rewriting rw = MagicSets.rewrite(p, q);
      Engine demand = new Engine(rw, false);
      Set<String> expected = answers(plain, q);
      assertThat(answers(demand, rw.query())).as(q + " in\n" + text).isEqualTo(expected);
      applied += rw.applied() ? 1 : 0;
      nonEmpty += rw.applied() && !expected.isEmpty() ? 1 : 0;
    }
    // guards the generator: the queries are rewritten and many have answers
    assertThat(applied).isEqualTo(2500);
    assertThat(nonEmpty).isGreaterThan(600);
  }

  @Test
  void demandKeepsSemiringValues() {
    int compared = 0;
    for (long seed = 0; compared < 2000 && seed < 5000; seed++) {
      String text = program(seed * 7 + 3, true);
      Program p = Parser.parse(text, "random.dl");
      Atom q = query(seed, p, new Engine(p));
      if (q == null) {
        continue;
      }
      compared += compareTags(SEMIRINGS[(int) (seed % SEMIRINGS.length)], text, p, q);
    }
    assertThat(compared).isEqualTo(2000);
  }

  /** Compares the tags of the answers; returns 1 when a rewritten program had values compared. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareTags(String semiring, String text, Program p, Atom q) {
    MagicSets.Rewriting rw = MagicSets.rewrite(p, q);
    Engine plain = new Engine(p);
    Engine demand = new Engine(rw, false);
    Provenance expected;
    try {
      expected = Provenance.of(plain, semiring, Set.of(q.pred()));
    } catch (DatalogError diverged) {
      // the plain run diverges on some tuple of q; demand may only see convergent ones
      return 0;
    }
    if (!rw.applied()) {
      return 0;
    }
    Provenance actual = Provenance.of(demand, semiring, Set.of(rw.query().pred()));
    Map<String, Object> want = tags(plain, q, expected);
    Map<String, Object> got = tags(demand, rw.query(), actual);
    assertThat(got.keySet()).as(semiring + " " + q + " in\n" + text).isEqualTo(want.keySet());
    Semiring sr = expected.semiring();
    for (String f : want.keySet()) {
      double pw = sr.probability(want.get(f));
      if (Double.isNaN(pw)) {
        assertThat(sr.show(got.get(f)))
            .as(semiring + " " + f + " in\n" + text)
            .isEqualTo(sr.show(want.get(f)));
      } else {
        assertThat(actual.semiring().probability(got.get(f)))
            .as(semiring + " " + f + " in\n" + text)
            .isCloseTo(pw, org.assertj.core.data.Offset.offset(1e-9));
      }
    }
    return 1;
  }

  private static Map<String, Object> tags(Engine e, Atom q, Provenance<?> prov) {
    Map<String, Object> out = new HashMap<>();
    Relation rel = e.relation(q.pred());
    for (int row : e.answers(q)) {
      if (!prov.isZero(rel, row)) {
        out.put(e.show(rel, row), prov.tag(rel, row));
      }
    }
    return out;
  }

  @Test
  void demandProofsUseOriginalRulesAndEndAtInputFacts() {
    for (long seed = 0; seed < 400; seed++) {
      String text = program(seed * 13 + 1, false);
      Program p = Parser.parse(text, "random.dl");
      Engine plain = new Engine(p);
      Atom q = query(seed, p, plain);
      if (q == null) {
        continue;
      }
      Set<String> model = EngineOracleTest.engineModel(plain);
      Set<String> rules = new HashSet<>();
      Set<String> facts = new HashSet<>();
      Map<String, Rule> byText = new HashMap<>();
      for (Rule r : p.rules()) {
        (r.isFact() ? facts : rules).add(r.isFact() ? r.head() + "." : r.where() + " " + r);
        byText.put(r.where() + " " + r, r);
      }
      MagicSets.Rewriting rw = MagicSets.rewrite(p, q);
      Engine demand = new Engine(rw, true);
      Relation rel = demand.relation(rw.query().pred());
      Explainer why = new Explainer(demand);
      for (int row : demand.answers(rw.query())) {
        check(why.explain(rel, row), model, rules, facts, byText, text);
      }
    }
  }

  private static void check(
      Proof proof,
      Set<String> model,
      Set<String> rules,
      Set<String> facts,
      Map<String, Rule> byText,
      String text) {
    String fact = proof.fact().substring(0, proof.fact().length() - 1);
    assertThat(model).as(text).contains(fact);
    if (proof.rule().isEmpty()) {
      assertThat(facts).as(text).contains(proof.fact());
      return;
    }
    assertThat(rules).as(text).contains(proof.rule());
    int positives = 0;
    for (Literal l : byText.get(proof.rule()).body()) {
      positives += l instanceof Positive ? 1 : 0;
    }
    assertThat(proof.premises()).as(proof.rule() + " in\n" + text).hasSize(positives);
    for (Proof premise : proof.premises()) {
      check(premise, model, rules, facts, byText, text);
    }
  }

  @Test
  void pointQueryOnAChainDerivesOnlyTheAskedRow() {
    StringBuilder sb = new StringBuilder();
    int n = 300;
    for (int i = 0; i < n; i++) {
      sb.append("edge(").append(i).append(", ").append(i + 1).append(").\n");
    }
    sb.append("path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n");
    Program p = Parser.parse(sb.toString(), "chain.dl");
    Atom q = Parser.parseQuery("path(250, Y)");
    MagicSets.Rewriting rw = MagicSets.rewrite(p, q);
    Engine demand = new Engine(rw, false);
    Engine.Stats stats = demand.run();
    assertThat(answers(demand, rw.query())).hasSize(50).contains("path(250, 300)");
    // n edges, 50 answers and one magic tuple instead of n (n + 1) / 2 paths
    assertThat(stats.tuples()).isEqualTo(n + 50 + 1);
    assertThat(rw.notes().get(0)).startsWith("demand: magic sets for path(250, Y)");
  }

  @Test
  void queriesWithoutBindingsOrOnInputsAreNotRewritten() {
    Program p = Parser.parse("e(a, b).\np(X, Y) :- e(X, Y).\n", "x.dl");
    MagicSets.Rewriting free = MagicSets.rewrite(p, Parser.parseQuery("p(X, Y)"));
    assertThat(free.applied()).isFalse();
    assertThat(free.notes()).containsExactly("demand: off (no bound argument in p(X, Y))");
    MagicSets.Rewriting input = MagicSets.rewrite(p, Parser.parseQuery("e(a, Y)"));
    assertThat(input.notes()).containsExactly("demand: off (e is an input relation)");
  }

  @Test
  void negatedPredicatesAreComputedInFullAndSaidSo() {
    Program p =
        Parser.parse(
            "n(a). n(b). e(a, b).\nr(X, Y) :- e(X, Y).\nu(X, Y) :- n(X), n(Y), !r(X, Y).\n",
            "neg.dl");
    MagicSets.Rewriting rw = MagicSets.rewrite(p, Parser.parseQuery("u(a, Y)"));
    assertThat(rw.notes()).contains("demand: r computed in full (used under negation)");
    assertThat(answers(new Engine(rw, false), rw.query())).containsExactlyInAnyOrder("u(a, a)");
  }

  @Test
  void aQueryWithTheWrongArityIsRejected() {
    Program p = Parser.parse("e(a, b).\np(X, Y) :- e(X, Y).\n", "x.dl");
    assertThatThrownBy(() -> MagicSets.rewrite(p, Parser.parseQuery("p(a)")))
        .isInstanceOf(DatalogError.class)
        .hasMessageContaining("p used with 1 arguments");
  }
}
