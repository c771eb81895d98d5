package org.gyrus.logic.fol;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A first-order formula, immutable. Equality is its own node; {@code Truth} is ⊤ or ⊥. */
public sealed interface Formula
    permits Formula.Atom, Formula.Equal, Formula.Not, Formula.Bin, Formula.Quant, Formula.Truth {

  /** Binary connectives, in increasing binding strength order of FOLIO's notation. */
  enum Conn {
    IFF,
    IMPLIES,
    XOR,
    OR,
    AND
  }

  /** A predicate applied to terms. */
  record Atom(String pred, List<Term> args) implements Formula {
    public Atom {
      args = List.copyOf(args);
    }
  }

  /** {@code left = right}. */
  record Equal(Term left, Term right) implements Formula {}

  /** Negation. */
  record Not(Formula body) implements Formula {}

  /** A binary connective. */
  record Bin(Conn op, Formula left, Formula right) implements Formula {}

  /** ∀ when {@code universal}, otherwise ∃. */
  record Quant(boolean universal, Term.Var var, Formula body) implements Formula {}

  /** ⊤ or ⊥. */
  record Truth(boolean value) implements Formula {}

  static Formula and(Formula a, Formula b) {
    return new Bin(Conn.AND, a, b);
  }

  static Formula or(Formula a, Formula b) {
    return new Bin(Conn.OR, a, b);
  }

  static Formula not(Formula a) {
    return new Not(a);
  }

  static Formula implies(Formula a, Formula b) {
    return new Bin(Conn.IMPLIES, a, b);
  }

  static Formula forall(Term.Var v, Formula body) {
    return new Quant(true, v, body);
  }

  static Formula exists(Term.Var v, Formula body) {
    return new Quant(false, v, body);
  }

  /** The free variables, in order of first occurrence. */
  default Set<Term.Var> freeVars() {
    Set<Term.Var> out = new LinkedHashSet<>();
    Formulas.collectFree(this, Set.of(), out);
    return out;
  }

  /** The universal closure of this formula over its free variables. */
  default Formula closed() {
    Formula f = this;
    List<Term.Var> free = List.copyOf(freeVars());
    for (int i = free.size() - 1; i >= 0; i--) {
      f = new Quant(true, free.get(i), f);
    }
    return f;
  }
}
