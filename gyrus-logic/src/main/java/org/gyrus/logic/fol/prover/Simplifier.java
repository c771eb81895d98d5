package org.gyrus.logic.fol.prover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gyrus.logic.fol.Term;
import org.gyrus.logic.fol.cnf.Literal;

/**
 * Simplification against the active set: demodulation by unit equations (each rewrite is a proof
 * step of its own) and subsumption (multiset: distinct literals of the subsumer map to distinct
 * literals), prefiltered by the clauses' predicate-signature bits (a feature-vector index).
 */
final class Simplifier {
  /** A rewrite found: the rule used, where, and the instance of the rule. */
  record Rewrite(Index.From rule, int lit, List<Integer> path, Map<Term.Var, Term> sub) {}

  private final Index index;

  Simplifier(Index index) {
    this.index = index;
  }

  /** The first applicable rewrite in the clause, or null when it is in normal form. */
  Rewrite findRewrite(List<Literal> lits, Clause self) {
    for (int i = 0; i < lits.size(); i++) {
      Literal l = lits.get(i);
      Rewrite[] found = new Rewrite[1];
      final int li = i;
      Positions.nonVarSubterms(
          l,
          (path, t) -> {
            if (found[0] != null) {
              return;
            }
            boolean topOfPositiveSide = l.isEquality() && path.size() == 1 && l.positive();
            List<Index.From> rules = index.rules.get(Index.top(t));
            if (rules == null) {
              return;
            }
            for (Index.From r : rules) {
              if (r.c().dead || r.c() == self) {
                continue;
              }
              Map<Term.Var, Term> sub = new HashMap<>();
              if (!Unifier.match(r.lhs(), t, sub)) {
                continue;
              }
              Term rhs = r.rhs().apply(sub);
              if (Kbo.compare(t, rhs) != Kbo.Cmp.GT) {
                continue;
              }
              // At the top of a positive equation's side the instance t = rhs must be smaller
              // than some literal of the clause, or the rewrite is not a simplification.
              if (topOfPositiveSide && !dominated(Literal.eq(true, t, rhs), lits)) {
                continue;
              }
              found[0] = new Rewrite(r, li, path, sub);
              return;
            }
          });
      if (found[0] != null) {
        return found[0];
      }
    }
    return null;
  }

  private static boolean dominated(Literal instance, List<Literal> lits) {
    for (Literal k : lits) {
      if (Kbo.compare(k, instance) == Kbo.Cmp.GT) {
        return true;
      }
    }
    return false;
  }

  /** Whether some active clause subsumes {@code lits}. */
  Clause subsumedBy(List<Literal> lits, long sig) {
    for (Clause c : index.active) {
      if (!c.dead
          && c.lits.size() <= lits.size()
          && (c.sig & ~sig) == 0
          && subsumes(c.lits, lits)) {
        return c;
      }
    }
    return null;
  }

  /** Active clauses that {@code g} subsumes. */
  List<Clause> subsumedActive(Clause g) {
    List<Clause> out = new ArrayList<>();
    for (Clause c : index.active) {
      if (!c.dead
          && c != g
          && g.lits.size() <= c.lits.size()
          && (g.sig & ~c.sig) == 0
          && subsumes(g.lits, c.lits)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Active clauses that unit equation {@code g} can rewrite. */
  List<Clause> rewritableActive(Clause g) {
    List<Clause> out = new ArrayList<>();
    Index probe = new Index();
    probe.add(g);
    Simplifier s = new Simplifier(probe);
    for (Clause c : index.active) {
      if (!c.dead && c != g && s.findRewrite(c.lits, c) != null) {
        out.add(c);
      }
    }
    g.active = true;
    return out;
  }

  static boolean subsumes(List<Literal> c, List<Literal> d) {
    return extend(c, 0, d, new boolean[d.size()], new HashMap<>());
  }

  private static boolean extend(
      List<Literal> c, int k, List<Literal> d, boolean[] used, Map<Term.Var, Term> sub) {
    if (k == c.size()) {
      return true;
    }
    Literal l = c.get(k);
    for (int j = 0; j < d.size(); j++) {
      Literal m = d.get(j);
      if (used[j] || m.positive() != l.positive() || !m.atom().name().equals(l.atom().name())) {
        continue;
      }
      for (int flip = 0; flip < (l.isEquality() ? 2 : 1); flip++) {
        Map<Term.Var, Term> s = new HashMap<>(sub);
        Term target = m.atom();
        if (flip == 1) {
          target = new Term.Fn(Literal.EQ, List.of(m.atom().args().get(1), m.atom().args().get(0)));
        }
        if (Unifier.match(l.atom(), target, s)) {
          used[j] = true;
          if (extend(c, k + 1, d, used, s)) {
            return true;
          }
          used[j] = false;
        }
      }
    }
    return false;
  }
}
