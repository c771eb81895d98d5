package org.gyrus.logic.fol;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Helpers over formulas: free variables, symbols, substitution. */
public final class Formulas {
  private Formulas() {}

  static void collectFree(Formula f, Set<Term.Var> bound, Set<Term.Var> out) {
    if (f instanceof Formula.Atom a) {
      for (Term t : a.args()) {
        addFree(t, bound, out);
      }
    } else if (f instanceof Formula.Equal e) {
      addFree(e.left(), bound, out);
      addFree(e.right(), bound, out);
    } else if (f instanceof Formula.Not n) {
      collectFree(n.body(), bound, out);
    } else if (f instanceof Formula.Bin b) {
      collectFree(b.left(), bound, out);
      collectFree(b.right(), bound, out);
    } else if (f instanceof Formula.Quant q) {
      Set<Term.Var> inner = new HashSet<>(bound);
      inner.add(q.var());
      collectFree(q.body(), inner, out);
    }
  }

  private static void addFree(Term t, Set<Term.Var> bound, Set<Term.Var> out) {
    Set<Term.Var> vs = new java.util.LinkedHashSet<>();
    t.collectVars(vs);
    for (Term.Var v : vs) {
      if (!bound.contains(v)) {
        out.add(v);
      }
    }
  }

  /** Replaces free occurrences of variables (capture is avoided by the callers' fresh names). */
  public static Formula substitute(Formula f, Map<Term.Var, Term> sub) {
    if (sub.isEmpty()) {
      return f;
    }
    if (f instanceof Formula.Atom a) {
      return new Formula.Atom(a.pred(), a.args().stream().map(t -> t.apply(sub)).toList());
    } else if (f instanceof Formula.Equal e) {
      return new Formula.Equal(e.left().apply(sub), e.right().apply(sub));
    } else if (f instanceof Formula.Not n) {
      return new Formula.Not(substitute(n.body(), sub));
    } else if (f instanceof Formula.Bin b) {
      return new Formula.Bin(b.op(), substitute(b.left(), sub), substitute(b.right(), sub));
    } else if (f instanceof Formula.Quant q) {
      if (!sub.containsKey(q.var())) {
        return new Formula.Quant(q.universal(), q.var(), substitute(q.body(), sub));
      }
      Map<Term.Var, Term> inner = new java.util.HashMap<>(sub);
      inner.remove(q.var());
      return new Formula.Quant(q.universal(), q.var(), substitute(q.body(), inner));
    }
    return f;
  }

  /** Predicate symbols as name/arity, and function symbols as name/arity, collected. */
  public static void symbols(Formula f, Set<String> preds, Set<String> funs) {
    if (f instanceof Formula.Atom a) {
      preds.add(a.pred() + "/" + a.args().size());
      a.args().forEach(t -> termSymbols(t, funs));
    } else if (f instanceof Formula.Equal e) {
      termSymbols(e.left(), funs);
      termSymbols(e.right(), funs);
    } else if (f instanceof Formula.Not n) {
      symbols(n.body(), preds, funs);
    } else if (f instanceof Formula.Bin b) {
      symbols(b.left(), preds, funs);
      symbols(b.right(), preds, funs);
    } else if (f instanceof Formula.Quant q) {
      symbols(q.body(), preds, funs);
    }
  }

  private static void termSymbols(Term t, Set<String> funs) {
    if (t instanceof Term.Fn fn) {
      funs.add(fn.name() + "/" + fn.args().size());
      fn.args().forEach(a -> termSymbols(a, funs));
    }
  }

  /** Conjunction of a list (⊤ when empty). */
  public static Formula conj(List<Formula> fs) {
    if (fs.isEmpty()) {
      return new Formula.Truth(true);
    }
    Formula out = fs.get(0);
    for (int i = 1; i < fs.size(); i++) {
      out = Formula.and(out, fs.get(i));
    }
    return out;
  }
}
