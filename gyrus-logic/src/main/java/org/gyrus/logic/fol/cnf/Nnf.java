package org.gyrus.logic.fol.cnf;

import org.gyrus.logic.fol.Formula;

/** Negation normal form: only ∧, ∨, quantifiers and negated atoms remain; ⊤/⊥ are folded away. */
public final class Nnf {
  private Nnf() {}

  /** NNF of {@code f} when {@code positive}, of ¬f otherwise. */
  public static Formula of(Formula f, boolean positive) {
    if (f instanceof Formula.Atom || f instanceof Formula.Equal) {
      return positive ? f : new Formula.Not(f);
    }
    if (f instanceof Formula.Truth t) {
      return new Formula.Truth(t.value() == positive);
    }
    if (f instanceof Formula.Not n) {
      return of(n.body(), !positive);
    }
    if (f instanceof Formula.Quant q) {
      Formula body = of(q.body(), positive);
      if (body instanceof Formula.Truth) {
        return body; // domains are non-empty
      }
      return new Formula.Quant(q.universal() == positive, q.var(), body);
    }
    Formula.Bin b = (Formula.Bin) f;
    Formula l = b.left();
    Formula r = b.right();
    return switch (b.op()) {
      case AND -> positive ? and(of(l, true), of(r, true)) : or(of(l, false), of(r, false));
      case OR -> positive ? or(of(l, true), of(r, true)) : and(of(l, false), of(r, false));
      case IMPLIES -> positive ? or(of(l, false), of(r, true)) : and(of(l, true), of(r, false));
      case IFF -> iff(l, r, positive);
      case XOR -> iff(l, r, !positive);
    };
  }

  private static Formula iff(Formula l, Formula r, boolean positive) {
    if (positive) {
      return and(or(of(l, false), of(r, true)), or(of(l, true), of(r, false)));
    }
    return and(or(of(l, true), of(r, true)), or(of(l, false), of(r, false)));
  }

  static Formula and(Formula a, Formula b) {
    if (a instanceof Formula.Truth t) {
      return t.value() ? b : a;
    }
    if (b instanceof Formula.Truth t) {
      return t.value() ? a : b;
    }
    return new Formula.Bin(Formula.Conn.AND, a, b);
  }

  static Formula or(Formula a, Formula b) {
    if (a instanceof Formula.Truth t) {
      return t.value() ? a : b;
    }
    if (b instanceof Formula.Truth t) {
      return t.value() ? b : a;
    }
    return new Formula.Bin(Formula.Conn.OR, a, b);
  }
}
