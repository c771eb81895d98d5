package org.gyrus.logic.ilp;

import java.util.List;

/** A Prolog term as read from bias / background / example files. */
public sealed interface Term permits Term.Sym, Term.Int, Term.Var, Term.Compound {

  /** An atom ({@code train}, {@code 'Quoted'}); {@code []} is the empty list. */
  record Sym(String name) implements Term {
    @Override
    public String toString() {
      return name;
    }
  }

  /** An integer. */
  record Int(long value) implements Term {
    @Override
    public String toString() {
      return Long.toString(value);
    }
  }

  /** A variable ({@code X}, {@code _}). */
  record Var(String name) implements Term {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * {@code name(args)}; a parenthesised tuple {@code (a,b,)} is {@code ","(a, b)}, a list cell
   * {@code [H|T]} is {@code "."(H, T)}, an operator goal {@code X < Y} is {@code "<"(X, Y)}.
   */
  record Compound(String name, List<Term> args) implements Term {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(name).append('(');
      for (int i = 0; i < args.size(); i++) {
        sb.append(i == 0 ? "" : ",").append(args.get(i));
      }
      return sb.append(')').toString();
    }
  }

  /** The functor name of an atom or compound; null for numbers and variables. */
  static String functor(Term t) {
    if (t instanceof Sym s) {
      return s.name();
    }
    return t instanceof Compound c ? c.name() : null;
  }

  /** The arguments of a compound, empty for anything else. */
  static List<Term> args(Term t) {
    return t instanceof Compound c ? c.args() : List.of();
  }
}
