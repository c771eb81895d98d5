package org.gyrus.nesy.kb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gyrus.logic.datalog.Parser;
import org.gyrus.logic.datalog.engine.Engine;
import org.gyrus.logic.datalog.engine.Relation;
import org.gyrus.logic.datalog.engine.Symbols;
import org.gyrus.logic.datalog.provenance.Provenance;

/**
 * Expands a knowledge graph with learned rules through the Datalog engine and scores the derived
 * head facts. Each rule i becomes {@code h_i(X, Y) :- q(X), body, distinct variables}; the counting
 * semiring gives the number of body groundings n_i per derived fact, from which the noisy-or is
 * computed outside the semiring (it does not distribute); a second program with the rules weighted
 * by their confidence is evaluated under max-product (the best single rule).
 */
public final class RuleScorer {
  /** How the confidences of the rules that derive a fact are combined. */
  public enum Aggregation {
    /** 1 - prod over rule groundings (1 - c_i): every grounding is independent evidence. */
    NOISY_OR_GROUNDINGS,
    /** 1 - prod over rules that fire (1 - c_i): each rule counts once. */
    NOISY_OR_RULES,
    /** max-product semiring: the confidence of the best rule. */
    MAX
  }

  private final KnowledgeGraph g;
  private final List<ChainRule> rules;
  private final boolean pca;

  /** {@code pca}: weigh rules by PCA confidence (else standard confidence). */
  public RuleScorer(KnowledgeGraph g, List<ChainRule> rules, boolean pca) {
    this.g = g;
    this.rules = rules;
    this.pca = pca;
  }

  private double weight(ChainRule r) {
    return Math.min(pca ? r.pcaConfidence() : r.confidence(), 0.999_999);
  }

  /**
   * Scores of every derived fact {@code head(x, y)} with x among {@code subjects} (null: all
   * subjects), keyed by subject name then object name.
   */
  public Map<String, Map<String, Double>> score(Collection<String> subjects, Aggregation agg) {
    String program = program(subjects, agg == Aggregation.MAX);
    Engine engine = new Engine(Parser.parse(program, "learned rules"));
    engine.run();
    Map<String, Map<String, Double>> out = new HashMap<>();
    if (agg == Aggregation.MAX) {
      Provenance<?> prov = Provenance.of(engine, "maxprod", Set.of("best"));
      Relation rel = engine.relation("best");
      for (int row = 0; row < rel.size(); row++) {
        put(out, engine.symbols(), rel.row(row), ((Number) prov.tag(rel, row)).doubleValue());
      }
      return out;
    }
    Map<String, Map<String, Double>> miss = new HashMap<>(); // prod (1 - c_i)^n_i
    Set<String> heads = new TreeSet<>();
    for (int i = 0; i < rules.size(); i++) {
      heads.add("h_" + i);
    }
    Provenance<?> prov = Provenance.of(engine, "counting", heads);
    for (int i = 0; i < rules.size(); i++) {
      Relation rel = engine.relation("h_" + i);
      double c = weight(rules.get(i));
      for (int row = 0; row < rel.size(); row++) {
        long n = ((Number) prov.tag(rel, row)).longValue();
        double times = agg == Aggregation.NOISY_OR_RULES ? 1 : n;
        int[] t = rel.row(row);
        Map<String, Double> m =
            miss.computeIfAbsent(name(engine.symbols(), t[0]), k -> new HashMap<>());
        m.merge(name(engine.symbols(), t[1]), Math.pow(1 - c, times), (a, b) -> a * b);
      }
    }
    miss.forEach(
        (s, m) -> m.forEach((o, p) -> out.computeIfAbsent(s, k -> new HashMap<>()).put(o, 1 - p)));
    return out;
  }

  private static void put(Map<String, Map<String, Double>> out, Symbols sy, int[] t, double v) {
    out.computeIfAbsent(name(sy, t[0]), k -> new HashMap<>()).put(name(sy, t[1]), v);
  }

  private static String name(Symbols sy, int id) {
    return String.valueOf(sy.value(id));
  }

  /** The Datalog program: the graph's facts, the query subjects and one rule per learned rule. */
  String program(Collection<String> subjects, boolean weighted) {
    StringBuilder sb = new StringBuilder();
    Set<Integer> used = new TreeSet<>();
    rules.forEach(r -> r.body().forEach(s -> used.add(s.relation())));
    for (KnowledgeGraph.Triple t : g.triples()) {
      if (used.contains(t.relation())) {
        sb.append("rel_").append(t.relation()).append('(');
        sb.append(quote(g.entityName(t.subject()))).append(", ");
        sb.append(quote(g.entityName(t.object()))).append(").\n");
      }
    }
    List<String> qs = new ArrayList<>();
    if (subjects == null) {
      for (int e = 0; e < g.entityCount(); e++) {
        qs.add(g.entityName(e));
      }
    } else {
      qs.addAll(subjects);
    }
    qs.forEach(s -> sb.append("q(").append(quote(s)).append(").\n"));
    for (int i = 0; i < rules.size(); i++) {
      String head = weighted ? "best" : "h_" + i;
      String prefix = weighted ? String.format(Locale.ROOT, "%.6f::", weight(rules.get(i))) : "";
      sb.append(prefix).append(head).append("(X, Y) :- q(X), ").append(body(rules.get(i)));
      sb.append(".\n");
    }
    return sb.toString();
  }

  /** Body atoms over rel_N predicates plus pairwise-distinct variables (object identity). */
  static String body(ChainRule r) {
    List<String> v = ChainRule.variables(r.body().size());
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < r.body().size(); i++) {
      ChainRule.Step s = r.body().get(i);
      String a = v.get(i);
      String b = v.get(i + 1);
      parts.add(
          "rel_" + s.relation() + "(" + (s.inverse() ? b : a) + ", " + (s.inverse() ? a : b) + ")");
    }
    for (int i = 0; i < v.size(); i++) {
      for (int j = i + 1; j < v.size(); j++) {
        parts.add(v.get(i) + " != " + v.get(j));
      }
    }
    return String.join(", ", parts);
  }

  static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
