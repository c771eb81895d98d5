package org.gyrus.logic.datalog.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gyrus.logic.datalog.Analysis.Component;
import org.gyrus.logic.datalog.Ast.Aggregate;
import org.gyrus.logic.datalog.Ast.Literal;
import org.gyrus.logic.datalog.Ast.Negated;
import org.gyrus.logic.datalog.Ast.Positive;
import org.gyrus.logic.datalog.Ast.Rule;

/**
 * Semi-naive propagation of added input tuples through a finished model: each component whose rules
 * read a grown relation runs the usual delta rounds, with the grown lower relations as extra delta
 * atoms in the first round. Sound only when nothing affected is negated or aggregated (see {@link
 * #monotone}); otherwise the caller recomputes.
 */
final class Maintenance {
  private Maintenance() {}

  /**
   * Whether growing these predicates can only add tuples: no rule negates or aggregates a predicate
   * that depends on them. Returns null when monotone, else the reason.
   */
  static String nonMonotoneReason(Engine engine, Set<String> grown) {
    Set<String> affected = affected(engine.program(), grown);
    for (Rule r : engine.program().rules()) {
      for (Literal l : r.body()) {
        if (!(l instanceof Positive) && mentions(List.of(l), affected, true)) {
          return "the changed relations reach " + l + " in " + r.where();
        }
      }
    }
    return null;
  }

  /** The changed predicates and every predicate whose rules read one of them, transitively. */
  static Set<String> affected(org.gyrus.logic.datalog.Ast.Program program, Set<String> changed) {
    Set<String> affected = new HashSet<>(changed);
    List<Rule> rules = new ArrayList<>();
    for (Rule r : program.rules()) {
      if (!r.isFact()) {
        rules.add(r);
      }
    }
    boolean more = true;
    while (more) {
      more = false;
      for (Rule r : rules) {
        if (!affected.contains(r.head().pred()) && mentions(r.body(), affected, true)) {
          affected.add(r.head().pred());
          more = true;
        }
      }
    }
    return affected;
  }

  private static boolean mentions(List<Literal> body, Set<String> preds, boolean anyKind) {
    for (Literal l : body) {
      if (l instanceof Positive p && preds.contains(p.atom().pred())) {
        return true;
      } else if (l instanceof Negated n && anyKind && preds.contains(n.atom().pred())) {
        return true;
      } else if (l instanceof Aggregate g && anyKind && mentions(g.body(), preds, true)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Inserts the tuples (already interned) and propagates them; returns the number of new tuples,
   * input and derived.
   */
  static long add(Engine engine, Map<String, List<int[]>> added) {
    Map<Relation, Integer> grownFrom = new HashMap<>();
    long fresh = 0;
    for (Map.Entry<String, List<int[]>> e : added.entrySet()) {
      Relation rel = engine.relation(e.getKey());
      rel.unseal();
      int old = rel.size();
      for (int[] t : e.getValue()) {
        fresh += rel.insert(t, 0) ? 1 : 0;
      }
      rel.catchUpIndexes();
      if (rel.size() > old) {
        grownFrom.put(rel, old);
      }
    }
    Set<Relation> touched = new LinkedHashSet<>(grownFrom.keySet());
    engine.probesForUpdates(true);
    try {
      for (Component comp : engine.analysis().components()) {
        fresh += propagate(engine, comp, grownFrom, touched);
      }
    } finally {
      engine.probesForUpdates(false);
    }
    for (Relation rel : touched) {
      rel.seal();
    }
    return fresh;
  }

  static long propagate(
      Engine engine, Component comp, Map<Relation, Integer> grownFrom, Set<Relation> touched) {
    List<Rule> rules = engine.rulesOf(comp);
    Set<String> active = new HashSet<>(comp.predicates());
    List<Relation> lower = new ArrayList<>();
    for (Rule r : rules) {
      for (Literal l : r.body()) {
        if (l instanceof Positive p && !active.contains(p.atom().pred())) {
          Relation rel = engine.relation(p.atom().pred());
          if (grownFrom.containsKey(rel)) {
            active.add(p.atom().pred());
            lower.add(rel);
          }
        }
      }
    }
    boolean ownDelta = false;
    for (String p : comp.predicates()) {
      ownDelta |= grownFrom.containsKey(engine.relation(p));
    }
    if (lower.isEmpty() && !ownDelta) {
      return 0;
    }
    List<PlanCompiler.Variant> variants = new ArrayList<>();
    for (Rule r : rules) {
      int n = Engine.recursiveAtoms(r, active);
      for (int d = 0; d < n; d++) {
        variants.add(PlanCompiler.compile(engine, r, active, d));
      }
    }
    List<Relation> own = new ArrayList<>();
    Map<Relation, Integer> oldSize = new HashMap<>();
    for (String p : comp.predicates()) {
      Relation rel = engine.relation(p);
      rel.unseal();
      rel.freeze();
      own.add(rel);
      oldSize.put(rel, rel.size());
      if (grownFrom.containsKey(rel)) { // rows seeded by delete-and-rederive are a first delta
        rel.deltaStart = grownFrom.get(rel);
      }
    }
    for (Relation rel : lower) {
      rel.unseal();
      rel.catchUpIndexes();
      rel.deltaStart = grownFrom.get(rel);
      rel.stableEnd = rel.size();
    }
    rounds(engine, variants, own, lower);
    long fresh = 0;
    for (Relation rel : own) {
      touched.add(rel);
      if (rel.size() > oldSize.get(rel)) {
        fresh += rel.size() - oldSize.get(rel);
        grownFrom.putIfAbsent(rel, oldSize.get(rel));
      }
    }
    touched.addAll(lower);
    return fresh;
  }

  private static void rounds(
      Engine engine,
      List<PlanCompiler.Variant> variants,
      List<Relation> own,
      List<Relation> lower) {
    while (true) {
      boolean any = false;
      for (Relation rel : own) {
        any |= rel.stableEnd > rel.deltaStart;
      }
      for (Relation rel : lower) {
        any |= rel.stableEnd > rel.deltaStart;
      }
      if (!any) {
        return;
      }
      engine.round().value++;
      for (PlanCompiler.Variant v : variants) {
        v.run();
      }
      for (Relation rel : own) {
        rel.catchUpIndexes();
        rel.deltaStart = rel.stableEnd;
        rel.stableEnd = rel.size();
      }
      for (Relation rel : lower) {
        rel.deltaStart = rel.size();
        rel.stableEnd = rel.size();
      }
    }
  }
}
