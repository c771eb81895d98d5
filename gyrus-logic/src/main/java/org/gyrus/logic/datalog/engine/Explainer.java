package org.gyrus.logic.datalog.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gyrus.logic.datalog.DatalogError;
import org.gyrus.logic.datalog.MagicSets;
import org.gyrus.logic.datalog.engine.Grounding.Clause;

/**
 * {@code why(tuple)}: a proof tree for a derived tuple. Every tuple remembers the round it was
 * first derived in; a rule instance whose premises all come from earlier rounds is a well-founded
 * step, so following such instances down always ends at input facts.
 */
public final class Explainer {
  /** A proof: the fact, the rule that derived it (empty for an input fact), its premises. */
  public record Proof(String fact, String rule, List<Proof> premises) {
    public String render(String indent) {
      StringBuilder sb = new StringBuilder();
      render(indent, 1, sb);
      return sb.toString();
    }

    private void render(String indent, int depth, StringBuilder sb) {
      sb.append(indent.repeat(depth))
          .append(fact)
          .append(rule.isEmpty() ? "   [fact]" : "   [by " + rule + "]")
          .append('\n');
      for (Proof p : premises) {
        p.render(indent, depth + 1, sb);
      }
    }
  }

  private final Engine engine;
  private Map<Relation, Map<Integer, List<Clause>>> steps;

  public Explainer(Engine engine) {
    if (!engine.tracksRounds()) {
      throw new DatalogError("why", "the engine must be created with trackRounds = true");
    }
    this.engine = engine;
  }

  /** A proof tree of the tuple in row {@code row} of {@code rel}. */
  public Proof explain(Relation rel, int row) {
    index();
    return explainAll(rel, row, 1).get(0);
  }

  private void index() {
    if (steps == null) {
      steps = new HashMap<>();
      for (List<Clause> cs : Grounding.of(engine)) {
        for (Clause c : cs) {
          int r = c.head().round(c.headRow());
          boolean earlier = true;
          for (int j = 0; j < c.body().length; j++) {
            earlier &= c.body()[j].round(c.bodyRows()[j]) < r;
          }
          if (earlier) {
            steps
                .computeIfAbsent(c.head(), k -> new HashMap<>())
                .computeIfAbsent(c.headRow(), k -> new ArrayList<>())
                .add(c);
          }
        }
      }
    }
  }

  /**
   * Up to {@code max} proof trees of a tuple that differ in their last step (the rule instance that
   * derives the tuple itself); premises are explained by their first well-founded step.
   */
  public List<Proof> explainAll(Relation rel, int row, int max) {
    index();
    String fact = engine.show(rel, row) + ".";
    List<Clause> cs = steps.getOrDefault(rel, Map.of()).getOrDefault(row, List.of());
    if (rel.round(row) == 0 || cs.isEmpty()) {
      return List.of(new Proof(fact, "", List.of()));
    }
    List<Proof> out = new ArrayList<>();
    for (Clause c : cs.subList(0, Math.min(max, cs.size()))) {
      out.add(step(fact, c));
    }
    return out;
  }

  private Proof step(String fact, Clause c) {
    List<Proof> premises = new ArrayList<>();
    for (int j = 0; j < c.body().length; j++) {
      if (!engine.isGuard(c.body()[j])) { // demand bookkeeping is not part of the proof
        premises.add(explain(c.body()[j], c.bodyRows()[j]));
      }
    }
    int origin = engine.rewriting().origin()[c.rule()];
    if (origin == MagicSets.COPY) {
      return premises.get(0); // an input fact copied into its demand-restricted relation
    }
    var rule = engine.rewriting().original().rules().get(origin);
    return new Proof(fact, rule.where() + " " + rule, premises);
  }
}
