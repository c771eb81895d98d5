package org.gyrus.logic.fol.prover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gyrus.logic.fol.Term;
import org.gyrus.logic.fol.cnf.Literal;

/**
 * Knuth-Bendix ordering with unit weights; symbols are ordered by arity, then name, with ⊤ (the
 * right-hand side of a predicate literal read as an equation) smallest. Literals are compared as
 * multisets: {@code s = t} as {s, t}, {@code s != t} as {s, s, t, t}, {@code P} as {P, ⊤}.
 */
public final class Kbo {
  /** Outcome of a comparison in a partial order. */
  public enum Cmp {
    GT,
    LT,
    EQ,
    INC
  }

  static final Term.Fn TOP = Term.Fn.constant("$true");

  private Kbo() {}

  public static Cmp compare(Term s, Term t) {
    if (s.equals(t)) {
      return Cmp.EQ;
    }
    if (t instanceof Term.Var v) {
      return s.contains(v) ? Cmp.GT : Cmp.INC;
    }
    if (s instanceof Term.Var v) {
      return t.contains(v) ? Cmp.LT : Cmp.INC;
    }
    Map<Term.Var, Integer> balance = new HashMap<>();
    count(s, balance, 1);
    count(t, balance, -1);
    boolean sCovers = true;
    boolean tCovers = true;
    for (int b : balance.values()) {
      sCovers &= b >= 0;
      tCovers &= b <= 0;
    }
    int ws = s.size();
    int wt = t.size();
    if (ws > wt) {
      return sCovers ? Cmp.GT : Cmp.INC;
    }
    if (ws < wt) {
      return tCovers ? Cmp.LT : Cmp.INC;
    }
    Term.Fn fs = (Term.Fn) s;
    Term.Fn ft = (Term.Fn) t;
    int prec = precedence(fs, ft);
    Cmp head;
    if (prec != 0) {
      head = prec > 0 ? Cmp.GT : Cmp.LT;
    } else {
      head = Cmp.EQ;
      for (int i = 0; i < fs.args().size() && head == Cmp.EQ; i++) {
        head = compare(fs.args().get(i), ft.args().get(i));
      }
    }
    if (head == Cmp.GT) {
      return sCovers ? Cmp.GT : Cmp.INC;
    }
    if (head == Cmp.LT) {
      return tCovers ? Cmp.LT : Cmp.INC;
    }
    return head == Cmp.EQ ? Cmp.EQ : Cmp.INC;
  }

  private static int precedence(Term.Fn a, Term.Fn b) {
    boolean ta = a.name().equals(TOP.name());
    boolean tb = b.name().equals(TOP.name());
    if (ta != tb) {
      return ta ? -1 : 1;
    }
    int c = Integer.compare(a.args().size(), b.args().size());
    return c != 0 ? c : a.name().compareTo(b.name());
  }

  private static void count(Term t, Map<Term.Var, Integer> balance, int sign) {
    if (t instanceof Term.Var v) {
      balance.merge(v, sign, Integer::sum);
    } else {
      for (Term a : ((Term.Fn) t).args()) {
        count(a, balance, sign);
      }
    }
  }

  static List<Term> multiset(Literal l) {
    List<Term> m = new ArrayList<>(4);
    Term a;
    Term b;
    if (l.isEquality()) {
      a = l.atom().args().get(0);
      b = l.atom().args().get(1);
    } else {
      a = l.atom();
      b = TOP;
    }
    m.add(a);
    m.add(b);
    if (!l.positive()) {
      m.add(a);
      m.add(b);
    }
    return m;
  }

  public static Cmp compare(Literal x, Literal y) {
    if (x.equals(y)) {
      return Cmp.EQ;
    }
    List<Term> mx = multiset(x);
    List<Term> my = multiset(y);
    // cancel equal elements
    List<Term> rx = new ArrayList<>(mx);
    List<Term> ry = new ArrayList<>();
    for (Term t : my) {
      if (!rx.remove(t)) {
        ry.add(t);
      }
    }
    if (rx.isEmpty() && ry.isEmpty()) {
      return Cmp.EQ;
    }
    if (dominates(rx, ry)) {
      return Cmp.GT;
    }
    if (dominates(ry, rx)) {
      return Cmp.LT;
    }
    return Cmp.INC;
  }

  private static boolean dominates(List<Term> m, List<Term> n) {
    if (m.isEmpty()) {
      return false;
    }
    for (Term t : n) {
      boolean covered = false;
      for (Term s : m) {
        if (compare(s, t) == Cmp.GT) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        return false;
      }
    }
    return true;
  }
}
