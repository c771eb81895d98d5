package org.gyrus.logic.datalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gyrus.logic.datalog.Ast.Program;
import org.gyrus.logic.datalog.Ast.Rule;
import org.gyrus.logic.datalog.engine.Engine;
import org.gyrus.logic.datalog.engine.Relation;
import org.gyrus.logic.datalog.provenance.Provenance;
import org.junit.jupiter.api.Test;

/**
 * Probabilities against possible worlds: on negation-free programs the exact semiring equals the
 * sum, over all subsets of the probabilistic facts, of the world's probability when the tuple is in
 * that world's least model; top-k with a large k equals it too; top-1 and max-product bound it from
 * below.
 */
class ProbabilityTest {

  static Map<String, Double> worlds(Program p) {
    List<Rule> certain = new ArrayList<>();
    List<Rule> uncertain = new ArrayList<>();
    for (Rule r : p.rules()) {
      (r.isFact() && r.tag() != null ? uncertain : certain).add(r);
    }
    Map<String, Double> prob = new HashMap<>();
    for (int mask = 0; mask < (1 << uncertain.size()); mask++) {
      List<Rule> world = new ArrayList<>(certain);
      double w = 1.0;
      for (int i = 0; i < uncertain.size(); i++) {
        Rule f = uncertain.get(i);
        if ((mask >> i & 1) == 1) {
          world.add(new Rule(f.head(), List.of(), null, f.where()));
          w *= f.tag();
        } else {
          w *= 1 - f.tag();
        }
      }
      for (String fact : new NaiveOracle(new Program(world, List.of())).model()) {
        prob.merge(fact, w, Double::sum);
      }
    }
    return prob;
  }

  static Map<String, Double> probabilities(Program p, String semiring) {
    Engine e = new Engine(p);
    Provenance<?> prov = Provenance.of(e, semiring);
    Map<String, Double> out = new HashMap<>();
    for (Relation r : e.relations().values()) {
      for (int row = 0; row < r.size(); row++) {
        out.put(e.show(r, row), Double.parseDouble(prov.show(r, row)));
      }
    }
    return out;
  }

  @Test
  void exactAndLargeTopKEqualPossibleWorlds() {
    qt().withExamples(300)
        .withFixedSeed(3)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Program p = Parser.parse(RandomPrograms.generate(seed, true, false), "w.dl");
              Map<String, Double> truth = worlds(p);
              Map<String, Double> exact = probabilities(p, "exact");
              Map<String, Double> topk = probabilities(p, "topk:64");
              Map<String, Double> top1 = probabilities(p, "topk:1");
              Map<String, Double> best = probabilities(p, "maxprod");
              for (Map.Entry<String, Double> e : exact.entrySet()) {
                double t = truth.getOrDefault(e.getKey(), 0.0);
                assertThat(e.getValue()).as(e.getKey()).isCloseTo(t, offset(2e-6));
                assertThat(topk.get(e.getKey())).as(e.getKey()).isCloseTo(t, offset(2e-6));
                assertThat(top1.get(e.getKey())).isLessThanOrEqualTo(t + 2e-6);
                assertThat(best.get(e.getKey())).isLessThanOrEqualTo(t + 2e-6);
              }
            });
  }

  @Test
  void ruleProbabilitiesAndQueryScopedEvaluation() {
    String src =
        "0.5::edge(a, b). 0.8::edge(b, c).\n"
            + "0.9::link(X, Y) :- edge(X, Y).\n"
            + "two(X, Z) :- link(X, Y), link(Y, Z).\n"
            + "loop(a). loop(X) :- loop(X).\n"; // infinitely many derivations of loop(a)
    Engine e = new Engine(Parser.parse(src, "r.dl"));
    // the rule is one input variable shared by both links: P = 0.9 * 0.5 * 0.8
    Provenance<?> exact = Provenance.of(e, "exact", java.util.Set.of("two"));
    Relation two = e.relation("two");
    assertThat(Double.parseDouble(exact.show(two, 0))).isCloseTo(0.36, offset(1e-9));
    Provenance<?> best = Provenance.of(e, "maxprod", java.util.Set.of("two"));
    assertThat(Double.parseDouble(best.show(two, 0))).isCloseTo(0.9 * 0.9 * 0.4, offset(1e-9));
    Provenance<?> count = Provenance.of(e, "counting", java.util.Set.of("two"));
    assertThat(count.show(two, 0)).isEqualTo("1");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Provenance.of(e, "counting"))
        .isInstanceOf(DatalogError.class)
        .hasMessageContaining("infinitely many derivations");
  }

  @Test
  void knownValuesOnASmallGraph() {
    String src =
        "0.5::edge(a, b). 0.5::edge(b, c). 0.8::edge(a, c).\n"
            + "path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n";
    Program p = Parser.parse(src, "g.dl");
    // P(path(a,c)) = 1 - (1 - 0.8)(1 - 0.25) = 0.85
    assertThat(probabilities(p, "exact").get("path(a, c)")).isCloseTo(0.85, offset(1e-6));
    assertThat(probabilities(p, "topk:2").get("path(a, c)")).isCloseTo(0.85, offset(1e-6));
    assertThat(probabilities(p, "topk:1").get("path(a, c)")).isCloseTo(0.8, offset(1e-6));
    assertThat(probabilities(p, "maxprod").get("path(a, c)")).isCloseTo(0.8, offset(1e-6));
    assertThat(probabilities(p, "minmax").get("path(a, c)")).isCloseTo(0.8, offset(1e-6));
  }
}
