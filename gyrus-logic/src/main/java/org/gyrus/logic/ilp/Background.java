package org.gyrus.logic.ilp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gyrus.logic.datalog.Ast;
import org.gyrus.logic.datalog.engine.Engine;
import org.gyrus.logic.datalog.engine.Relation;

/** Bridges ground facts and the Datalog engine: programs over facts, and derived facts back. */
public final class Background {
  private Background() {}

  /** The facts as Datalog facts. */
  public static List<Ast.Rule> asRules(Facts facts) {
    List<Ast.Rule> out = new ArrayList<>();
    for (Map.Entry<String, List<Object>> f : facts.all()) {
      List<Ast.Term> args = new ArrayList<>();
      for (Object v : f.getValue()) {
        args.add(new Ast.Const(v));
      }
      out.add(new Ast.Rule(new Ast.Atom(f.getKey(), args), List.of(), null, "bk"));
    }
    return out;
  }

  /** Runs facts + rules and returns the engine (the least model computed). */
  public static Engine run(List<Ast.Rule> facts, List<Ast.Rule> rules) {
    List<Ast.Rule> all = new ArrayList<>(facts);
    all.addAll(rules);
    Engine e = new Engine(new Ast.Program(all, List.of()));
    e.run();
    return e;
  }

  /** The tuples of one predicate in a computed model (empty when the program never names it). */
  public static List<List<Object>> tuples(Engine e, String pred) {
    Relation r = e.relations().get(pred);
    List<List<Object>> out = new ArrayList<>();
    if (r == null) {
      return out;
    }
    for (int row = 0; row < r.size(); row++) {
      List<Object> t = new ArrayList<>();
      for (int c = 0; c < r.arity(); c++) {
        t.add(e.symbols().value(r.get(row, c)));
      }
      out.add(t);
    }
    return out;
  }

  /** Adds to {@code facts} everything the rules derive from them (background rules of bk.pl). */
  public static void materialise(Facts facts, List<Ast.Rule> rules) {
    Engine e = run(asRules(facts), rules);
    for (Ast.Rule r : rules) {
      for (List<Object> t : tuples(e, r.head().pred())) {
        facts.add(r.head().pred(), t);
      }
    }
  }
}
