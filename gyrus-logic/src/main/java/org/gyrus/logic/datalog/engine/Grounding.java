package org.gyrus.logic.datalog.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gyrus.logic.datalog.Analysis.Component;
import org.gyrus.logic.datalog.Ast.Literal;
import org.gyrus.logic.datalog.Ast.Positive;
import org.gyrus.logic.datalog.Ast.Rule;

/**
 * The ground program of a finished evaluation: every instance of every rule whose body holds in the
 * model, as (head row, body rows). Provenance and explanations are computed over it, so the join
 * machinery stays the one of the boolean engine.
 */
public final class Grounding {
  /** One rule instance; {@code rule} indexes the program's rules. */
  public record Clause(int rule, Relation head, int headRow, Relation[] body, int[] bodyRows) {}

  private Grounding() {}

  /** Clauses grouped by the component of their head, in evaluation order. */
  public static List<List<Clause>> of(Engine engine) {
    engine.run();
    Map<Rule, Integer> ruleIndex = new HashMap<>();
    List<Rule> all = engine.program().rules();
    for (int i = 0; i < all.size(); i++) {
      ruleIndex.putIfAbsent(all.get(i), i);
    }
    List<List<Clause>> out = new ArrayList<>();
    for (Component comp : engine.analysis().components()) {
      Set<String> preds = new HashSet<>(comp.predicates());
      List<Clause> clauses = new ArrayList<>();
      for (Rule r : engine.rulesOf(comp)) {
        ground(engine, r, ruleIndex.get(r), preds, clauses);
      }
      out.add(clauses);
    }
    return out;
  }

  private static void ground(
      Engine engine, Rule r, int index, Set<String> preds, List<Clause> clauses) {
    PlanCompiler.Variant v = PlanCompiler.compile(engine, r, preds, -1);
    List<Relation> bodyRels = new ArrayList<>();
    for (Literal l : r.body()) {
      if (l instanceof Positive p) {
        bodyRels.add(engine.relation(p.atom().pred()));
      }
    }
    Relation[] body = bodyRels.toArray(new Relation[0]);
    Relation head = engine.relation(r.head().pred());
    v.emit().sink =
        (tuple, rows) -> {
          int headRow = head.find(tuple);
          clauses.add(
              new Clause(index, head, headRow, body, java.util.Arrays.copyOf(rows, body.length)));
        };
    v.run();
  }
}
