package org.gyrus.logic.datalog.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gyrus.logic.datalog.Analysis;
import org.gyrus.logic.datalog.Ast.Atom;
import org.gyrus.logic.datalog.Ast.Const;
import org.gyrus.logic.datalog.Ast.Program;
import org.gyrus.logic.datalog.Ast.Rule;
import org.gyrus.logic.datalog.Ast.Term;
import org.gyrus.logic.datalog.DatalogError;
import org.gyrus.logic.datalog.MagicSets;

/**
 * A loaded program whose input relations (predicates defined by facts only) are kept once and
 * shared by every evaluation: point queries run demand-driven over them without recomputing
 * anything else, and {@link #update} changes them and brings the materialized model up to date
 * (semi-naive propagation for additions; delete-and-rederive, see {@link Dred}, for deletions and
 * for additions that reach a negation or an aggregate; {@link Update#method} says which, and which
 * components were recomputed instead).
 *
 * <p>Constraint predicates must stay empty: an update that derives a tuple in one is undone and
 * rejected, as is an update naming an unknown relation, a derived relation, the wrong number of
 * arguments or a variable. A rejected update leaves the database as it was.
 */
public final class Database {
  /** What an update did: tuples before and after, the method used, and the wall time. */
  public record Update(long tuplesBefore, long tuplesAfter, String method, long micros) {}

  /**
   * Answers to one query, as rows of {@code relation} in the engine that computed them. An update
   * that removes rows renumbers them in place ({@link Relation#removeAll}): {@link #facts} then
   * fails instead of printing other tuples; query again after an update.
   */
  public record Answers(
      Engine engine, Relation relation, int[] rows, List<String> notes, long removals) {
    public List<String> facts() {
      if (relation.removals() != removals) {
        throw new IllegalStateException(
            "answers read before an update removed rows of "
                + engine.rewriting().shown(relation.name())
                + ": query again");
      }
      List<String> out = new ArrayList<>();
      for (int r : rows) {
        out.add(engine.show(relation, r));
      }
      return out;
    }
  }

  private final Program rules;
  private final Map<String, Integer> arity;
  private final Set<String> derived = new HashSet<>();
  private final Set<String> constraints;
  private final Symbols symbols = new Symbols();
  private final Map<String, Relation> inputs = new LinkedHashMap<>();
  private Engine model;
  private double maxOverDeletion = 0.1;

  private Database(Program program, Set<String> constraints) {
    Analysis analysis = Analysis.of(program);
    this.arity = analysis.arities();
    List<Rule> kept = new ArrayList<>();
    for (Rule r : program.rules()) {
      if (!r.isFact()) {
        derived.add(r.head().pred());
      }
    }
    for (String c : constraints) {
      if (!arity.containsKey(c)) {
        throw new DatalogError("constraint", "unknown constraint predicate " + c);
      }
    }
    this.constraints = Set.copyOf(constraints);
    for (Map.Entry<String, Integer> e : arity.entrySet()) {
      if (!derived.contains(e.getKey())) {
        inputs.put(e.getKey(), new Relation(e.getKey(), e.getValue(), symbols));
      }
    }
    for (Rule r : program.rules()) {
      Relation rel = inputs.get(r.head().pred());
      if (rel != null && r.tag() == null) {
        rel.insert(intern(r.head()), 0);
      } else {
        kept.add(r); // rules, and facts of derived predicates (or tagged ones) stay in the program
      }
    }
    for (Relation rel : inputs.values()) {
      rel.seal();
    }
    this.rules = new Program(List.copyOf(kept), List.of());
  }

  /** Loads a program; tagged input facts are not supported here (use Engine and Provenance). */
  public static Database load(Program program) {
    return load(program, Set.of());
  }

  /** Loads a program whose {@code constraints} predicates must stay empty. */
  public static Database load(Program program, Set<String> constraints) {
    for (Rule r : program.rules()) {
      if (r.isFact() && r.tag() != null) {
        throw new DatalogError(r.where(), "a Database keeps untagged facts only: " + r);
      }
    }
    return new Database(program, constraints);
  }

  private int[] intern(Atom a) {
    int[] t = new int[a.args().size()];
    for (int c = 0; c < t.length; c++) {
      t[c] = symbols.intern(((Const) a.args().get(c)).value());
    }
    return t;
  }

  /** The answers to a query: from the materialized model if there is one, else demand-driven. */
  public Answers query(Atom q) {
    if (model != null) {
      Relation rel = model.relation(q.pred());
      return new Answers(model, rel, model.answers(q), List.of(), rel.removals());
    }
    MagicSets.Rewriting rw = MagicSets.rewrite(rules, q);
    Engine e = new Engine(rw, false, symbols, inputs);
    Relation rel = e.relation(rw.query().pred());
    return new Answers(e, rel, e.answers(rw.query()), rw.notes(), rel.removals());
  }

  /** The full model, computed once and then kept up to date by {@link #update}. */
  public Engine materialize() {
    if (model == null) {
      model = fresh();
      model.run();
    }
    return model;
  }

  private Engine fresh() {
    return new Engine(MagicSets.Rewriting.identity(rules, null, ""), false, symbols, inputs);
  }

  /** The number of tuples of the materialized model. */
  public long tuples() {
    long n = 0;
    for (Relation r : materialize().relations().values()) {
      n += r.size();
    }
    return n;
  }

  /**
   * Adds and removes input facts (ground atoms) and updates the model; a {@link DatalogError}
   * naming the first bad fact, or the violated constraint, leaves the database unchanged.
   */
  public Update update(List<Atom> added, List<Atom> removed) {
    Map<String, List<int[]>> add = checked(added, "added");
    Map<String, List<int[]>> remove = checked(removed, "removed");
    long t0 = System.nanoTime();
    long before = tuples(); // materializes the model first
    Map<String, Relation> gone = new LinkedHashMap<>();
    Map<String, Relation> fresh = new LinkedHashMap<>();
    String method;
    try {
      method = apply(add, remove, gone, fresh);
    } catch (RuntimeException e) { // the relations may be half updated: back to the old inputs
      restore(gone, fresh);
      throw e;
    }
    String violation = violation();
    if (violation != null) {
      restore(gone, fresh);
      throw new DatalogError("update", violation + "; the update was not applied");
    }
    return new Update(before, tuples(), method, (System.nanoTime() - t0) / 1000);
  }

  /** Undoes an update's changes to the inputs (in place) and recomputes the model from them. */
  private void restore(Map<String, Relation> gone, Map<String, Relation> fresh) {
    Set<String> changed = new LinkedHashSet<>(gone.keySet());
    changed.addAll(fresh.keySet());
    for (String p : changed) {
      Relation rel = inputs.get(p);
      rel.unseal();
      rel.freeze();
      if (fresh.containsKey(p)) {
        rel.removeAll(fresh.get(p));
      }
      Relation back = gone.get(p);
      for (int r = 0; back != null && r < back.size(); r++) {
        rel.insert(back.row(r), 0);
      }
      rel.seal();
    }
    model = null;
    materialize();
  }

  /**
   * Over-deletion above this fraction of a component's tuples stops delete-and-rederive there and
   * recomputes the component instead (default 0.1; 0 always recomputes, 1 never falls back).
   */
  public Database maxOverDeletion(double fraction) {
    this.maxOverDeletion = fraction;
    return this;
  }

  /**
   * Applies the update to the inputs in place and brings the model up to date; fills {@code gone}
   * and {@code fresh} with the input rows really removed and added (what undoes it).
   */
  private String apply(
      Map<String, List<int[]>> add,
      Map<String, List<int[]>> remove,
      Map<String, Relation> gone,
      Map<String, Relation> fresh) {
    Map<String, Relation> adding = new HashMap<>();
    for (Map.Entry<String, List<int[]>> e : add.entrySet()) {
      Relation rel = inputs.get(e.getKey());
      for (int[] t : e.getValue()) {
        adding.computeIfAbsent(e.getKey(), k -> new Relation(k, t.length, symbols)).insert(t, 0);
        if (!rel.contains(t)) {
          fresh
              .computeIfAbsent(e.getKey(), k -> new Relation("ins$" + k, t.length, symbols))
              .insert(t, 0);
        }
      }
    }
    for (Map.Entry<String, List<int[]>> e : remove.entrySet()) {
      Relation rel = inputs.get(e.getKey());
      Relation back = adding.get(e.getKey());
      for (int[] t : e.getValue()) {
        if (rel.contains(t) && (back == null || !back.contains(t))) { // removed and added: kept
          gone.computeIfAbsent(e.getKey(), k -> new Relation("del$" + k, t.length, symbols))
              .insert(t, 0);
        }
      }
    }
    if (gone.isEmpty() && fresh.isEmpty()) {
      return "unchanged";
    }
    gone.values().forEach(Relation::seal);
    fresh.values().forEach(Relation::seal);
    if (gone.isEmpty() && Maintenance.nonMonotoneReason(model, fresh.keySet()) == null) {
      Map<String, List<int[]>> tuples = new LinkedHashMap<>();
      for (Map.Entry<String, Relation> e : fresh.entrySet()) {
        List<int[]> rows = new ArrayList<>();
        for (int r = 0; r < e.getValue().size(); r++) {
          rows.add(e.getValue().row(r));
        }
        tuples.put(e.getKey(), rows);
      }
      Maintenance.add(model, tuples);
      return "semi-naive";
    }
    return deleteAndRederive(gone, fresh);
  }

  /**
   * Changes the inputs in place (removed rows out, added rows appended), then delete-and-rederive.
   */
  private String deleteAndRederive(Map<String, Relation> gone, Map<String, Relation> fresh) {
    Map<String, Integer> addedFrom = new HashMap<>();
    Set<String> changed = new LinkedHashSet<>(gone.keySet());
    changed.addAll(fresh.keySet());
    for (String p : changed) {
      Relation rel = inputs.get(p);
      if (gone.containsKey(p)) {
        rel.removeAll(gone.get(p));
      }
      addedFrom.put(p, rel.size());
      Relation added = fresh.get(p);
      rel.unseal();
      for (int r = 0; added != null && r < added.size(); r++) {
        rel.insert(added.row(r), 0);
      }
      rel.seal();
    }
    Dred.Result result = Dred.run(model, addedFrom, gone, fresh, maxOverDeletion);
    model =
        new Engine(
            MagicSets.Rewriting.identity(rules, null, ""), false, symbols, result.relations());
    model.run();
    return result.method();
  }

  private String violation() {
    for (String c : constraints) {
      Relation rel = model.relation(c);
      if (rel.size() > 0) {
        return "integrity constraint " + c + " violated: " + model.show(rel, 0) + " is derived";
      }
    }
    return null;
  }

  private Map<String, List<int[]>> checked(List<Atom> facts, String what) {
    Map<String, List<int[]>> out = new LinkedHashMap<>();
    for (Atom a : facts) {
      Integer n = arity.get(a.pred());
      String bad = null;
      if (n == null) {
        bad = "unknown relation " + a.pred() + " (the program never mentions it)";
      } else if (derived.contains(a.pred())) {
        bad = a.pred() + " is derived by rules; only input relations can be updated";
      } else if (n != a.args().size()) {
        bad = a.pred() + " has " + n + " arguments, not " + a.args().size();
      } else {
        for (Term t : a.args()) {
          if (!(t instanceof Const)) {
            bad = "a fact has constants only, found the variable " + t;
          }
        }
      }
      if (bad != null) {
        throw new DatalogError("update", "bad " + what + " fact " + a + ": " + bad);
      }
    }
    for (Atom a : facts) {
      out.computeIfAbsent(a.pred(), k -> new ArrayList<>()).add(intern(a));
    }
    return out;
  }
}
