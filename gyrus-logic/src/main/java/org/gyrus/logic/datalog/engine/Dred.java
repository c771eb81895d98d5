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
 * Delete-and-rederive over a finished model, one component at a time in dependency order, changing
 * the model's relations in place. For a component whose inputs lost tuples ({@code del}) or gained
 * some ({@code ins}):
 *
 * <ol>
 *   <li>over-delete: every old tuple with a derivation through a deleted tuple, or through a
 *       negated atom that became true, found by semi-naive evaluation of rewritten rules ({@code
 *       del$h :- del$b, ...}) over the relations as they were (a lower relation already updated
 *       gets its deleted rows back for the while: {@link Relation#withRows});
 *   <li>remove those in place ({@link Relation#removeAll}), then rederive: over-deleted tuples with
 *       a one-step derivation from what is left, plus tuples newly enabled by a negated atom that
 *       became false;
 *   <li>insert: semi-naive propagation from those and the lower relations' new rows.
 * </ol>
 *
 * <p>Components whose rules aggregate over a changed relation are recomputed; so is a component
 * whose over-deletion passes {@code maxFraction} of its tuples or, for a large one ({@link
 * #LARGE}), is projected to: past a tenth of that budget its semi-naive rounds do not shrink fast
 * enough. One giant strongly connected component over-deletes nearly everything, and the projection
 * stops it after a small part of the budget. A small recomputed relation is compared with its old
 * rows, so readers are still maintained; a large one is not, and every component that reads it is
 * recomputed too. A failed update leaves the relations half changed: the caller restores the inputs
 * and recomputes.
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

  /**
   * Components of more tuples than this are large: their over-deletion may stop early on a
   * projection, and when recomputed they are not compared with their old rows (that would cost
   * about as much again): the old rows are freed first and readers are recomputed too. A smaller
   * recomputed component is diffed, so that its readers can still be maintained.
   */
  static final long LARGE = 1 << 20;

  /**
   * Relations recomputed because their over-deletion passed the limit: a large component reading
   * one is recomputed without trying (measured on RBAC: maintaining the 1.76 M-tuple {@code can}
   * after 7.5% of {@code anc} changed cost 3x its recomputation).
   */
  private final Set<String> overflowed = new java.util.HashSet<>();

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
   * Brings {@code old}'s model up to date with its input relations, already changed in place: for
   * each changed input, the rows from {@code grownFrom} on are new, {@code removed} has the rows
   * gone and {@code added} the rows new (neither holds a row that is in both).
   */
  static Result run(
      Engine old,
      Map<String, Integer> grownFrom,
      Map<String, Relation> removed,
      Map<String, Relation> added,
      double maxFraction) {
    Dred d = new Dred(old, maxFraction);
    for (Map.Entry<String, Integer> e : grownFrom.entrySet()) {
      String p = e.getKey();
      d.grown.put(p, e.getValue());
      if (removed.containsKey(p) && removed.get(p).size() > 0) {
        d.del.put(p, removed.get(p));
      }
      if (added.containsKey(p) && added.get(p).size() > 0) {
        d.ins.put(p, added.get(p));
      }
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

  private void maintain(Component comp) {
    List<Rule> rules = old.rulesOf(comp);
    if (rules.isEmpty() || !readsChanged(rules)) {
      return;
    }
    String why = readsChanged(withAggregates(rules)) ? "an aggregate reads a change" : null;
    boolean large = total(comp.predicates()) > LARGE;
    for (Rule r : rules) {
      for (String p : wholesale) {
        if (why == null && mentions(r.body(), p)) {
          why = "reads the recomputed " + p;
        }
      }
      for (String p : overflowed) { // a large share of p changed: so will a large share here
        if (why == null && large && mentions(r.body(), p)) {
          why = "reads " + p + ", recomputed past its over-deletion limit";
        }
      }
    }
    boolean overDeleted = false;
    if (why == null) {
      try {
        deleteAndRederive(comp, rules);
        maintained++;
        return;
      } catch (Engine.LimitExceeded e) {
        why = overDeletionStopped(comp, e);
        overDeleted = true;
      }
    }
    recompute(comp);
    if (overDeleted) {
      overflowed.addAll(comp.predicates());
    }
    recomputed.add(String.join("/", comp.predicates()) + " (" + why + ")");
  }

  private String overDeletionStopped(Component comp, Engine.LimitExceeded e) {
    long budget = Math.round(maxFraction * 100);
    if (e.growth < 0) {
      return "over-deletion passed " + budget + "% of its tuples";
    }
    double share = 100.0 * e.tuples / Math.max(1, total(comp.predicates()));
    return String.format(
        java.util.Locale.ROOT,
        "over-deletion stopped early at %.1f%% of its tuples, rounds growing %.2fx: projected past"
            + " %d%%",
        share,
        e.growth,
        budget);
  }

  private long total(Iterable<String> preds) {
    long n = 0;
    for (String p : preds) {
      n += cur.get(p).size();
    }
    return n;
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
    Map<String, Relation> overDeleted = overDelete(rules, own);
    for (String p : own) {
      Relation rel = cur.get(p);
      rel.removeAll(overDeleted.get(p));
      grown.put(p, rel.size());
    }
    Engine red = rederive(rules, own, overDeleted);
    Map<Relation, Integer> grownFrom = new HashMap<>();
    for (String p : own) {
      Relation rel = cur.get(p);
      Relation found = red.relations().get(RED + p);
      rel.unseal();
      for (int r = 0; found != null && r < found.size(); r++) {
        rel.insert(found.row(r), 0);
      }
      rel.seal();
      if (rel.size() > grown.get(p)) {
        grownFrom.put(rel, grown.get(p));
      }
    }
    insert(comp, rules, grownFrom);
    for (String p : own) {
      note(p, overDeleted.get(p));
    }
  }

  /**
   * The old tuples of the component with a derivation through a deleted or negated-in tuple. The
   * other atoms read the relations as they were, or a superset (a deleted row back, an added one
   * kept; a negated atom over a changed relation also passes where an added row now fails it): an
   * over-deletion too large only costs rederivation.
   */
  private Map<String, Relation> overDelete(List<Rule> rules, Set<String> own) {
    List<Rule> out = new ArrayList<>();
    Map<String, Relation> given = new HashMap<>(cur);
    Set<String> lowerDeleted = new LinkedHashSet<>();
    for (Rule r : rules) {
      for (int i = 0; i < r.body().size(); i++) {
        Literal l = r.body().get(i);
        Atom through = null;
        String pred = l instanceof Positive p ? p.atom().pred() : null;
        if (pred != null && (own.contains(pred) || del.containsKey(pred))) {
          through = renamed(DEL, ((Positive) l).atom());
          if (!own.contains(pred)) {
            given.put(through.pred(), del.get(pred));
            lowerDeleted.add(pred);
          }
        } else if (l instanceof Negated n && ins.containsKey(n.atom().pred())) {
          through = renamed(INS, n.atom());
          given.put(through.pred(), ins.get(n.atom().pred()));
        }
        if (through != null) {
          List<Literal> rest = new ArrayList<>(r.body());
          rest.remove(i);
          for (List<Literal> body : negationsAsBefore(rest, given)) {
            body.add(0, new Positive(through));
            out.add(new Rule(renamed(DEL, r.head()), body, null, r.where()));
          }
        }
      }
    }
    long limit = Math.max(64, (long) (maxFraction * total(own)));
    Engine e = engine(out, given);
    e.tupleLimit(limit);
    if (maxFraction < 1 && total(own) > LARGE) {
      e.projectedLimit(limit / 10);
    }
    e.probesForUpdates(true);
    withDeletedRows(new ArrayList<>(lowerDeleted), 0, e::run);
    Map<String, Relation> result = new HashMap<>();
    for (String p : own) {
      Relation r = e.relations().get(DEL + p);
      Relation was = cur.get(p);
      // the superset read above can derive tuples that were never there: not over-deleted
      result.put(
          p, r != null ? rowsIn(r, was, DEL + p) : new Relation(DEL + p, was.arity(), symbols));
    }
    return result;
  }

  /**
   * Bodies where each negated atom over a relation that gained rows either stays ({@code !n} over
   * the new rows) or reads the added rows ({@code ins$n}): together they pass wherever {@code !n}
   * over the old rows did.
   */
  private List<List<Literal>> negationsAsBefore(List<Literal> body, Map<String, Relation> given) {
    List<List<Literal>> out = new ArrayList<>();
    out.add(new ArrayList<>());
    for (Literal l : body) {
      List<List<Literal>> next = new ArrayList<>();
      for (List<Literal> b : out) {
        List<Literal> same = new ArrayList<>(b);
        same.add(l);
        next.add(same);
        if (l instanceof Negated n && ins.containsKey(n.atom().pred())) {
          Atom added = renamed(INS, n.atom());
          given.put(added.pred(), ins.get(n.atom().pred()));
          List<Literal> alt = new ArrayList<>(b);
          alt.add(new Positive(added));
          next.add(alt);
        }
      }
      out = next;
    }
    return out;
  }

  /** Runs {@code body} with the deleted rows of these lower relations back in them. */
  private <T> T withDeletedRows(List<String> preds, int from, java.util.function.Supplier<T> body) {
    if (from == preds.size()) {
      return body.get();
    }
    String p = preds.get(from);
    return cur.get(p).withRows(del.get(p), () -> withDeletedRows(preds, from + 1, body));
  }

  /** Over-deleted tuples derivable in one step from what is left, and newly enabled ones. */
  private Engine rederive(List<Rule> rules, Set<String> own, Map<String, Relation> overDeleted) {
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
    boolean large = total(comp.predicates()) > LARGE;
    Map<String, Relation> given = new HashMap<>(cur);
    for (String p : comp.predicates()) {
      given.remove(p);
      if (large) {
        cur.get(p).clear(); // never compared with the new rows: freed before they come
      }
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
      if (large) {
        cur.put(p, e.relation(p)); // no diff against the old rows: readers are recomputed too
        wholesale.add(p);
      } else {
        keepChanges(p, e.relation(p));
      }
    }
  }

  /**
   * Turns the old relation of {@code p} into {@code now} in place, the added rows last, and records
   * the rows gone and added for the components above.
   */
  private void keepChanges(String p, Relation now) {
    Relation rel = cur.get(p);
    Relation gone = rowsNotIn(rel, 0, now, DEL + p);
    Relation added = rowsNotIn(now, 0, rel, INS + p);
    rel.removeAll(gone);
    grown.put(p, rel.size());
    rel.unseal();
    for (int r = 0; r < added.size(); r++) {
      rel.insert(added.row(r), 0);
    }
    rel.seal();
    if (gone.size() > 0) {
      del.put(p, gone);
    }
    if (added.size() > 0) {
      ins.put(p, added);
    }
  }

  /**
   * Records what really changed in a maintained relation, for the components above it: the
   * over-deleted tuples not rederived are gone; the rows appended since the removal that were not
   * over-deleted are new (every other old row stayed).
   */
  private void note(String p, Relation candidates) {
    Relation now = cur.get(p);
    Relation gone = rowsNotIn(candidates, 0, now, DEL + p);
    if (gone.size() > 0) {
      del.put(p, gone);
    }
    Relation added = rowsNotIn(now, grown.get(p), candidates, INS + p);
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

  /** The rows of {@code from} that {@code in} holds, sealed ({@code from} itself when all are). */
  private Relation rowsIn(Relation from, Relation in, String name) {
    Relation out = new Relation(name, from.arity(), symbols);
    for (int r = 0; r < from.size(); r++) {
      int[] t = from.row(r);
      if (in.contains(t)) {
        out.insert(t, 0);
      }
    }
    if (out.size() == from.size()) {
      return from;
    }
    out.seal();
    return out;
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
