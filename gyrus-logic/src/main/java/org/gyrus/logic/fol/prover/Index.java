package org.gyrus.logic.fol.prover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gyrus.logic.fol.Term;
import org.gyrus.logic.fol.cnf.Literal;

/**
 * Term indexes over the active clauses, keyed by top symbol (a depth-one discrimination tree):
 * eligible literals by polarity and predicate (resolution partners), maximal sides of eligible
 * positive equations (superposition from), non-variable subterms of eligible literals
 * (superposition into), and rewrite rules from unit equations (demodulation). Dead clauses are
 * skipped by readers and purged when they pile up.
 */
final class Index {
  record Lit(Clause c, int lit) {}

  record From(Clause c, int lit, int side) {
    Term lhs() {
      return c.lits.get(lit).atom().args().get(side);
    }

    Term rhs() {
      return c.lits.get(lit).atom().args().get(1 - side);
    }
  }

  record Into(Clause c, int lit, List<Integer> path) {}

  final Map<String, List<Lit>> lits = new HashMap<>();
  final Map<String, List<From>> from = new HashMap<>();
  final List<From> varFrom = new ArrayList<>();
  final Map<String, List<Into>> into = new HashMap<>();
  final List<Into> allInto = new ArrayList<>();
  final Map<String, List<From>> rules = new HashMap<>();
  final List<Clause> active = new ArrayList<>();
  private int deadSinceCompaction;

  static String top(Term t) {
    Term.Fn f = (Term.Fn) t;
    return f.name() + "/" + f.args().size();
  }

  void add(Clause c) {
    c.active = true;
    active.add(c);
    for (int i = 0; i < c.lits.size(); i++) {
      if (!c.eligible[i]) {
        continue;
      }
      Literal l = c.lits.get(i);
      final int li = i;
      if (l.isEquality()) {
        if (l.positive()) {
          for (int side = 0; side < 2; side++) {
            Term lhs = l.atom().args().get(side);
            Term rhs = l.atom().args().get(1 - side);
            Kbo.Cmp cmp = Kbo.compare(lhs, rhs);
            if (cmp == Kbo.Cmp.LT || cmp == Kbo.Cmp.EQ) {
              continue;
            }
            From f = new From(c, i, side);
            if (lhs instanceof Term.Var) {
              varFrom.add(f);
            } else {
              from.computeIfAbsent(top(lhs), k -> new ArrayList<>()).add(f);
              if (c.lits.size() == 1) {
                rules.computeIfAbsent(top(lhs), k -> new ArrayList<>()).add(f);
              }
            }
          }
        }
      } else {
        lits.computeIfAbsent(l.key(), k -> new ArrayList<>()).add(new Lit(c, i));
      }
      Positions.nonVarSubterms(
          l,
          (path, t) -> {
            Into e = new Into(c, li, path);
            into.computeIfAbsent(top(t), k -> new ArrayList<>()).add(e);
            allInto.add(e);
          });
    }
  }

  void kill(Clause c) {
    if (!c.dead) {
      c.dead = true;
      deadSinceCompaction++;
      if (deadSinceCompaction > 200 && deadSinceCompaction > active.size() / 2) {
        compact();
      }
    }
  }

  private void compact() {
    deadSinceCompaction = 0;
    active.removeIf(c -> c.dead);
    lits.values().forEach(l -> l.removeIf(e -> e.c().dead));
    from.values().forEach(l -> l.removeIf(e -> e.c().dead));
    varFrom.removeIf(e -> e.c().dead);
    into.values().forEach(l -> l.removeIf(e -> e.c().dead));
    allInto.removeIf(e -> e.c().dead);
    rules.values().forEach(l -> l.removeIf(e -> e.c().dead));
  }
}
