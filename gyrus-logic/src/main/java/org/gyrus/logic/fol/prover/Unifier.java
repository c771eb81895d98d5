package org.gyrus.logic.fol.prover;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gyrus.logic.fol.Term;

/** Syntactic unification (with occurs check) and one-way matching. */
public final class Unifier {
  private Unifier() {}

  /** The most general unifier of a and b, fully applied (idempotent), or null. */
  public static Map<Term.Var, Term> unify(Term a, Term b) {
    Map<Term.Var, Term> sub = new HashMap<>();
    return unify(a, b, sub) ? solved(sub) : null;
  }

  /** Extends a triangular substitution so that a and b become equal. */
  public static boolean unify(Term a, Term b, Map<Term.Var, Term> sub) {
    a = deref(a, sub);
    b = deref(b, sub);
    if (a.equals(b)) {
      return true;
    }
    if (a instanceof Term.Var va) {
      if (occurs(va, b, sub)) {
        return false;
      }
      sub.put(va, b);
      return true;
    }
    if (b instanceof Term.Var vb) {
      if (occurs(vb, a, sub)) {
        return false;
      }
      sub.put(vb, a);
      return true;
    }
    Term.Fn fa = (Term.Fn) a;
    Term.Fn fb = (Term.Fn) b;
    if (!fa.name().equals(fb.name()) || fa.args().size() != fb.args().size()) {
      return false;
    }
    for (int i = 0; i < fa.args().size(); i++) {
      if (!unify(fa.args().get(i), fb.args().get(i), sub)) {
        return false;
      }
    }
    return true;
  }

  private static Term deref(Term t, Map<Term.Var, Term> sub) {
    while (t instanceof Term.Var v) {
      Term n = sub.get(v);
      if (n == null) {
        return t;
      }
      t = n;
    }
    return t;
  }

  private static boolean occurs(Term.Var v, Term t, Map<Term.Var, Term> sub) {
    t = deref(t, sub);
    if (t instanceof Term.Var w) {
      return w.equals(v);
    }
    for (Term a : ((Term.Fn) t).args()) {
      if (occurs(v, a, sub)) {
        return true;
      }
    }
    return false;
  }

  /** Turns a triangular substitution into an idempotent one. */
  public static Map<Term.Var, Term> solved(Map<Term.Var, Term> sub) {
    Map<Term.Var, Term> out = new HashMap<>();
    for (Term.Var v : sub.keySet()) {
      out.put(v, resolve(v, sub));
    }
    return out;
  }

  private static Term resolve(Term t, Map<Term.Var, Term> sub) {
    t = deref(t, sub);
    if (t instanceof Term.Var) {
      return t;
    }
    Term.Fn f = (Term.Fn) t;
    if (f.args().isEmpty()) {
      return f;
    }
    Term[] out = new Term[f.args().size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = resolve(f.args().get(i), sub);
    }
    return new Term.Fn(f.name(), List.of(out));
  }

  /**
   * One-way matching: extends {@code sub} (over the pattern's variables) so that pattern·sub equals
   * target; the target's variables are treated as constants.
   */
  public static boolean match(Term pattern, Term target, Map<Term.Var, Term> sub) {
    if (pattern instanceof Term.Var v) {
      Term bound = sub.get(v);
      if (bound == null) {
        sub.put(v, target);
        return true;
      }
      return bound.equals(target);
    }
    if (!(target instanceof Term.Fn ft)) {
      return false;
    }
    Term.Fn fp = (Term.Fn) pattern;
    if (!fp.name().equals(ft.name()) || fp.args().size() != ft.args().size()) {
      return false;
    }
    for (int i = 0; i < fp.args().size(); i++) {
      if (!match(fp.args().get(i), ft.args().get(i), sub)) {
        return false;
      }
    }
    return true;
  }
}
