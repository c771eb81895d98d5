package org.gyrus.logic.datalog.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gyrus.logic.datalog.Analysis.Component;
import org.gyrus.logic.datalog.Ast.Aggregate;
import org.gyrus.logic.datalog.Ast.Atom;
import org.gyrus.logic.datalog.Ast.Literal;
import org.gyrus.logic.datalog.Ast.Negated;
import org.gyrus.logic.datalog.Ast.Positive;
import org.gyrus.logic.datalog.Ast.Program;
import org.gyrus.logic.datalog.Ast.Rule;
import org.gyrus.logic.datalog.MagicSets;

/**
 * Delete-and-rederive over a finished model, one component at a time in dependency order. For a
 * component whose inputs lost tuples ({@code del}) or gained some ({@code ins}):
 *
 * <ol>
 *   <li>over-delete: every old tuple with a derivation through a deleted tuple, or through a
 *       negated atom that became true, found by semi-naive evaluation of rewritten rules ({@code
 *       del$h :- del$b, ...}) over the old relations;
 *   <li>rederive: over-deleted tuples with a one-step derivation from what is left, plus tuples
 *       newly enabled by a negated atom that became false;
 *   <li>insert: semi-naive propagation from those and the lower relations' new rows.
 * </ol>
 *
 * <p>Components whose rules aggregate over a changed relation are recomputed; so is a component
 * whose over-deletion passes {@code maxFraction} of its tuples, and every component that reads a
 * recomputed one (a recomputed relation is not compared with its old rows) (one giant strongly
 * connected component over-deletes nearly everything, and recomputation is then cheaper). Old
 * relations are never changed: a rejected update keeps the old model.
 */
final class Dred {
  /** The new relations by predicate, and what was done, per component kind. */
  record Result(Map<String, Relation> relations, String method) {}

  private static final String DEL = "del$";
  private static final String INS = "ins$";
  private static final String RED = "red$";

  private final Engine old;
  private final Symbols symbols;
  private final double maxFraction;
  private final Map<String, Relation> cur = new LinkedHashMap<>();
  private final Map<String, Relation> del = new HashMap<>();
  private final Map<String, Relation> ins = new HashMap<>();
  private final Map<String, Integer> grown = new HashMap<>();
  private final List<String> recomputed = new ArrayList<>();

  /** Relations recomputed wholesale: components reading them are recomputed too (no diff). */
  private final Set<String> wholesale = new java.util.HashSet<>();

  private int maintained;

  private Dred(Engine old, double maxFraction) {
    this.old = old;
    this.symbols = old.symbols();
    this.maxFraction = maxFraction;
    cur.putAll(old.relations());
  }

  /**
   * Brings {@code old}'s model up to date with new input relations: each holds the kept old rows
   * first, then from {@code addedFrom} the added ones; {@code removed} has the removed rows.
   */
  static Result run(
      Engine old,
      Map<String, Relation> newInputs,
      Map<String, Integer> addedFrom,
      Map<String, Relation> removed,
      double maxFraction) {
    Dred d = new Dred(old, maxFraction);
    for (Map.Entry<String, Relation> e : newInputs.entrySet()) {
      d.changed(e.getKey(), e.getValue(), addedFrom.get(e.getKey()), removed.get(e.getKey()));
    }
    for (Component comp : old.analysis().components()) {
      d.maintain(comp);
    }
    String how = "delete-and-rederive (" + d.maintained + " component(s) maintained";
    if (!d.recomputed.isEmpty()) {
      how += "; recomputed " + String.join(", ", d.recomputed);
    }
    return new Result(d.cur, how + ")");
  }

  private void changed(String pred, Relation now, int from, Relation removed) {
    cur.put(pred, now);
    grown.put(pred, from);
    Relation before = old.relation(pred);
    Relation gone = removed == null ? null : rowsNotIn(removed, 0, now, DEL + pred);
    if (gone != null && gone.size() > 0) {
      del.put(pred, gone);
    }
    Relation added = rowsNotIn(now, from, before, INS + pred);
    if (added.size() > 0) {
      ins.put(pred, added);
    }
  }

  private void maintain(Component comp) {
    List<Rule> rules = old.rulesOf(comp);
    if (rules.isEmpty() || !readsChanged(rules)) {
      return;
    }
    String why = readsChanged(withAggregates(rules)) ? "an aggregate reads a change" : null;
    for (Rule r : rules) {
      for (String p : wholesale) {
        if (why == null && mentions(r.body(), p)) {
          why = "reads the recomputed " + p;
        }
      }
    }
    if (why == null) {
      try {
        deleteAndRederive(comp, rules);
        maintained++;
        return;
      } catch (Engine.LimitExceeded e) {
        why = "over-deletion passed " + Math.round(maxFraction * 100) + "% of its tuples";
      }
    }
    recompute(comp);
    recomputed.add(String.join("/", comp.predicates()) + " (" + why + ")");
  }

  private boolean readsChanged(List<Rule> rules) {
    for (Rule r : rules) {
      if (mentionsChanged(r.body())) {
        return true;
      }
    }
    return false;
  }

  private boolean mentionsChanged(List<Literal> body) {
    for (Literal l : body) {
      if (l instanceof Positive p && isChanged(p.atom().pred())
          || l instanceof Negated n && isChanged(n.atom().pred())
          || l instanceof Aggregate g && mentionsChanged(g.body())) {
        return true;
      }
    }
    return false;
  }

  private boolean isChanged(String pred) {
    return del.containsKey(pred) || ins.containsKey(pred) || wholesale.contains(pred);
  }

  private static boolean mentions(List<Literal> body, String pred) {
    for (Literal l : body) {
      if (l instanceof Positive p && p.atom().pred().equals(pred)
          || l instanceof Negated n && n.atom().pred().equals(pred)
          || l instanceof Aggregate g && mentions(g.body(), pred)) {
        return true;
      }
    }
    return false;
  }

  private static List<Rule> withAggregates(List<Rule> rules) {
    List<Rule> out = new ArrayList<>();
    for (Rule r : rules) {
      if (r.body().stream().anyMatch(l -> l instanceof Aggregate)) {
        out.add(r);
      }
    }
    return out;
  }

  private void deleteAndRederive(Component comp, List<Rule> rules) {
    Set<String> own = new LinkedHashSet<>(comp.predicates());
    Map<String, Relation> overDeleted = overDelete(comp, rules, own);
    Map<String, Relation> kept = new HashMap<>();
    for (String p : own) {
      Relation before = old.relation(p);
      Relation gone = overDeleted.get(p);
      Relation left =
          before.arity() == 2 ? before.copyWithout(gone, p) : rowsNotIn(before, 0, gone, p);
      kept.put(p, left);
      cur.put(p, left);
      grown.put(p, left.size());
    }
    Engine red = rederive(comp, rules, own, overDeleted);
    Map<Relation, Integer> grownFrom = new HashMap<>();
    for (String p : own) {
      Relation left = kept.get(p);
      Relation found = red.relations().get(RED + p);
      left.unseal();
      for (int r = 0; found != null && r < found.size(); r++) {
        left.insert(found.row(r), 0);
      }
      left.seal();
      if (left.size() > grown.get(p)) {
        grownFrom.put(left, grown.get(p));
      }
    }
    insert(comp, rules, grownFrom);
    for (String p : own) {
      note(p, overDeleted.get(p));
    }
  }

  /** The old tuples of the component with a derivation through a deleted or negated-in tuple. */
  private Map<String, Relation> overDelete(Component comp, List<Rule> rules, Set<String> own) {
    List<Rule> out = new ArrayList<>();
    Map<String, Relation> given = new HashMap<>(old.relations());
    for (Rule r : rules) {
      for (int i = 0; i < r.body().size(); i++) {
        Literal l = r.body().get(i);
        Atom through = null;
        String pred = l instanceof Positive p ? p.atom().pred() : null;
        if (pred != null && (own.contains(pred) || del.containsKey(pred))) {
          through = renamed(DEL, ((Positive) l).atom());
          if (!own.contains(pred)) {
            given.put(through.pred(), del.get(pred));
          }
        } else if (l instanceof Negated n && ins.containsKey(n.atom().pred())) {
          through = renamed(INS, n.atom());
          given.put(through.pred(), ins.get(n.atom().pred()));
        }
        if (through != null) {
          List<Literal> body = new ArrayList<>();
          body.add(new Positive(through));
          for (int j = 0; j < r.body().size(); j++) {
            if (j != i) {
              body.add(r.body().get(j));
            }
          }
          out.add(new Rule(renamed(DEL, r.head()), body, null, r.where()));
        }
      }
    }
    long total = 0;
    for (String p : own) {
      total += old.relation(p).size();
    }
    Engine e = engine(out, given);
    e.tupleLimit(Math.max(64, (long) (maxFraction * total)));
    e.probesForUpdates(true);
    e.run();
    Map<String, Relation> result = new HashMap<>();
    for (String p : own) {
      Relation r = e.relations().get(DEL + p);
      result.put(p, r != null ? r : new Relation(DEL + p, old.relation(p).arity(), symbols));
    }
    return result;
  }

  /** Over-deleted tuples derivable in one step from what is left, and newly enabled ones. */
  private Engine rederive(
      Component comp, List<Rule> rules, Set<String> own, Map<String, Relation> overDeleted) {
    List<Rule> out = new ArrayList<>();
    Map<String, Relation> given = new HashMap<>(cur);
    for (String p : own) {
      given.put(DEL + p, overDeleted.get(p));
    }
    List<Rule> withFacts = new ArrayList<>(rules);
    for (Rule f : old.program().rules()) {
      if (f.isFact() && own.contains(f.head().pred())) {
        withFacts.add(f);
      }
    }
    for (Rule r : withFacts) {
      List<Literal> body = new ArrayList<>();
      body.add(new Positive(renamed(DEL, r.head())));
      body.addAll(r.body());
      out.add(new Rule(renamed(RED, r.head()), body, null, r.where()));
      for (Literal l : r.body()) {
        if (l instanceof Negated n && del.containsKey(n.atom().pred())) {
          Atom gone = renamed(DEL, n.atom());
          given.put(gone.pred(), del.get(n.atom().pred()));
          List<Literal> enabled = new ArrayList<>();
          enabled.add(new Positive(gone));
          enabled.addAll(r.body());
          out.add(new Rule(renamed(RED, r.head()), enabled, null, r.where()));
        }
      }
    }
    Engine e = engine(out, given);
    e.run();
    return e;
  }

  /** Semi-naive insertion from the rederived rows and the lower relations' new rows. */
  private void insert(Component comp, List<Rule> rules, Map<Relation, Integer> grownFrom) {
    Engine e = engine(rules, cur);
    for (Literal l : rules.stream().flatMap(r -> r.body().stream()).toList()) {
      if (l instanceof Positive p && grown.containsKey(p.atom().pred())) {
        Relation rel = cur.get(p.atom().pred());
        if (rel.size() > grown.get(p.atom().pred()) && !comp.predicates().contains(rel.name())) {
          grownFrom.put(rel, grown.get(p.atom().pred()));
        }
      }
    }
    Set<Relation> touched = new LinkedHashSet<>(grownFrom.keySet());
    e.probesForUpdates(true);
    try {
      for (Component c : e.analysis().components()) {
        if (!e.rulesOf(c).isEmpty()) {
          Maintenance.propagate(e, c, grownFrom, touched);
        }
      }
    } finally {
      e.probesForUpdates(false);
    }
    for (Relation rel : touched) {
      rel.seal();
    }
  }

  /** Recomputes a component from the new lower relations. */
  private void recompute(Component comp) {
    Map<String, Relation> given = new HashMap<>(cur);
    for (String p : comp.predicates()) {
      given.remove(p);
    }
    List<Rule> rules = new ArrayList<>(old.rulesOf(comp));
    for (Rule f : old.program().rules()) {
      if (f.isFact() && comp.predicates().contains(f.head().pred())) {
        rules.add(f);
      }
    }
    Engine e = engine(rules, given);
    e.run();
    for (String p : comp.predicates()) {
      cur.put(p, e.relation(p)); // no diff against the old rows: readers are recomputed too
      wholesale.add(p);
    }
  }

  /** Records what really changed in a maintained relation, for the components above it. */
  private void note(String p, Relation candidates) {
    Relation now = cur.get(p);
    Relation gone = rowsNotIn(candidates, 0, now, DEL + p);
    if (gone.size() > 0) {
      del.put(p, gone);
    }
    Relation added = rowsNotIn(now, grown.get(p), old.relation(p), INS + p);
    if (added.size() > 0) {
      ins.put(p, added);
    }
  }

  private Engine engine(List<Rule> rules, Map<String, Relation> given) {
    Program p = new Program(rules, List.of());
    return new Engine(MagicSets.Rewriting.identity(p, null, ""), false, symbols, given);
  }

  private static Atom renamed(String prefix, Atom a) {
    return new Atom(prefix + a.pred(), a.args());
  }

  /** The rows of {@code from} (starting at row {@code start}) that {@code not} lacks, sealed. */
  private Relation rowsNotIn(Relation from, int start, Relation not, String name) {
    Relation out = new Relation(name, from.arity(), symbols);
    for (int r = start; r < from.size(); r++) {
      int[] t = from.row(r);
      if (not == null || !not.contains(t)) {
        out.insert(t, 0);
      }
    }
    out.seal();
    return out;
  }
}
