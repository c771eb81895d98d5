package org.gyrus.logic.fol.cnf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gyrus.logic.fol.Formula;
import org.gyrus.logic.fol.Term;

/**
 * Turns closed formulas into clauses: negation normal form, Skolemisation (Skolem functions take
 * only the universal variables the existential's scope actually uses), then CNF by distribution,
 * introducing a definition {@code $def_n(vars)} for a disjunct whenever distributing would multiply
 * the clause count beyond {@code distributionLimit} (Tseitin-style, one polarity: the result is
 * equisatisfiable). One clausifier numbers its Skolem and definition symbols uniquely.
 */
public final class Clausifier {
  private final int distributionLimit;
  private int skolems;
  private int definitions;
  private int vars;

  public Clausifier() {
    this(16);
  }

  public Clausifier(int distributionLimit) {
    this.distributionLimit = distributionLimit;
  }

  /** Clauses of a formula (its free variables are read universally). */
  public List<List<Literal>> clausify(Formula f) {
    List<Formula> defs = new ArrayList<>();
    Formula renamed = renameEquivalenceOperands(f.closed(), defs);
    List<List<Literal>> out = clausifyRenamed(renamed);
    for (int i = 0; i < defs.size(); i++) {
      out.addAll(clausifyRenamed(defs.get(i)));
    }
    return out;
  }

  /**
   * An operand of ↔ or ⊕ occurs in both polarities, so NNF copies it; nested equivalences then grow
   * exponentially (Pelletier 34). Operands holding a quantifier or another equivalence are replaced
   * by a fresh atom d(free vars) defined by ∀vars (d ↔ operand), which keeps the size linear and
   * preserves satisfiability.
   */
  private Formula renameEquivalenceOperands(Formula f, List<Formula> defs) {
    if (f instanceof Formula.Not n) {
      return new Formula.Not(renameEquivalenceOperands(n.body(), defs));
    }
    if (f instanceof Formula.Quant q) {
      return new Formula.Quant(q.universal(), q.var(), renameEquivalenceOperands(q.body(), defs));
    }
    if (f instanceof Formula.Bin b) {
      Formula l = renameEquivalenceOperands(b.left(), defs);
      Formula r = renameEquivalenceOperands(b.right(), defs);
      if (b.op() == Formula.Conn.IFF || b.op() == Formula.Conn.XOR) {
        l = hard(l) ? name(l, defs) : l;
        r = hard(r) ? name(r, defs) : r;
      }
      return new Formula.Bin(b.op(), l, r);
    }
    return f;
  }

  private static boolean hard(Formula f) {
    if (f instanceof Formula.Quant) {
      return true;
    }
    if (f instanceof Formula.Not n) {
      return hard(n.body());
    }
    if (f instanceof Formula.Bin b) {
      return b.op() == Formula.Conn.IFF
          || b.op() == Formula.Conn.XOR
          || hard(b.left())
          || hard(b.right());
    }
    return false;
  }

  private Formula name(Formula f, List<Formula> defs) {
    List<Term> vars = new ArrayList<>(f.freeVars());
    Formula.Atom d = new Formula.Atom("$def" + (++definitions), vars);
    defs.add(new Formula.Bin(Formula.Conn.IFF, d, f).closed());
    return d;
  }

  private List<List<Literal>> clausifyRenamed(Formula f) {
    Formula nnf = Nnf.of(f, true);
    Formula qf = skolemize(nnf, new HashMap<>(), new ArrayList<>());
    List<List<Literal>> out = new ArrayList<>();
    for (List<Literal> c : cnf(qf, out)) {
      out.add(c);
    }
    List<List<Literal>> clean = new ArrayList<>();
    for (List<Literal> c : out) {
      List<Literal> n = Literal.normalize(c);
      if (!Literal.isTautology(n)) {
        clean.add(n);
      }
    }
    return clean;
  }

  private Formula skolemize(Formula f, Map<Term.Var, Term> sub, List<Term.Var> universals) {
    if (f instanceof Formula.Quant q) {
      Map<Term.Var, Term> inner = new HashMap<>(sub);
      if (q.universal()) {
        Term.Var fresh = new Term.Var("X" + (++vars));
        inner.put(q.var(), fresh);
        List<Term.Var> us = new ArrayList<>(universals);
        us.add(fresh);
        return skolemize(q.body(), inner, us);
      }
      Set<Term.Var> used = new LinkedHashSet<>();
      for (Term.Var free : f.freeVars()) {
        Term image = sub.getOrDefault(free, free);
        image.collectVars(used);
      }
      List<Term> args = new ArrayList<>(used);
      inner.put(q.var(), new Term.Fn("$sk" + (++skolems), args));
      return skolemize(q.body(), inner, universals);
    }
    if (f instanceof Formula.Bin b) {
      return new Formula.Bin(
          b.op(), skolemize(b.left(), sub, universals), skolemize(b.right(), sub, universals));
    }
    if (f instanceof Formula.Not n) {
      return new Formula.Not(skolemize(n.body(), sub, universals));
    }
    return org.gyrus.logic.fol.Formulas.substitute(f, sub);
  }

  /** CNF of a quantifier-free NNF formula; definitions go straight into {@code defs}. */
  private List<List<Literal>> cnf(Formula f, List<List<Literal>> defs) {
    if (f instanceof Formula.Truth t) {
      return t.value() ? List.of() : List.of(List.of());
    }
    if (f instanceof Formula.Bin b && b.op() == Formula.Conn.AND) {
      List<List<Literal>> out = new ArrayList<>(cnf(b.left(), defs));
      out.addAll(cnf(b.right(), defs));
      return out;
    }
    if (f instanceof Formula.Bin b && b.op() == Formula.Conn.OR) {
      List<List<Literal>> l = cnf(b.left(), defs);
      List<List<Literal>> r = cnf(b.right(), defs);
      if (l.size() > 1 && r.size() > 1 && (long) l.size() * r.size() > distributionLimit) {
        if (l.size() >= r.size()) {
          l = define(l, defs);
        } else {
          r = define(r, defs);
        }
        if (l.size() > 1 && r.size() > 1 && (long) l.size() * r.size() > distributionLimit) {
          r = define(r, defs);
        }
      }
      List<List<Literal>> out = new ArrayList<>();
      for (List<Literal> a : l) {
        for (List<Literal> c : r) {
          List<Literal> u = new ArrayList<>(a);
          u.addAll(c);
          out.add(u);
        }
      }
      return out;
    }
    return List.of(List.of(literal(f)));
  }

  /** Replaces a conjunction of clauses by one atom d(vars) with d → each clause. */
  private List<List<Literal>> define(List<List<Literal>> clauses, List<List<Literal>> defs) {
    Set<Term.Var> vs = new LinkedHashSet<>();
    for (List<Literal> c : clauses) {
      for (Literal l : c) {
        l.atom().collectVars(vs);
      }
    }
    Term.Fn d = new Term.Fn("$def" + (++definitions), new ArrayList<>(vs));
    for (List<Literal> c : clauses) {
      List<Literal> u = new ArrayList<>();
      u.add(new Literal(false, d));
      u.addAll(c);
      defs.add(u);
    }
    return List.of(List.of(new Literal(true, d)));
  }

  private static Literal literal(Formula f) {
    boolean positive = true;
    if (f instanceof Formula.Not n) {
      positive = false;
      f = n.body();
    }
    if (f instanceof Formula.Atom a) {
      return new Literal(positive, new Term.Fn(a.pred(), a.args()));
    }
    if (f instanceof Formula.Equal e) {
      return Literal.eq(positive, e.left(), e.right());
    }
    throw new IllegalStateException("not a literal after NNF: " + f);
  }
}
