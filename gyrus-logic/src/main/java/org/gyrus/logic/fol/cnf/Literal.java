package org.gyrus.logic.fol.cnf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gyrus.logic.fol.Term;

/**
 * A literal. The atom is a {@link Term.Fn} whose name is the predicate; equality is the predicate
 * {@value #EQ} with two arguments, so unification over atoms is unification over terms.
 */
public record Literal(boolean positive, Term.Fn atom) {
  public static final String EQ = "=";

  public static Literal eq(boolean positive, Term l, Term r) {
    return new Literal(positive, new Term.Fn(EQ, List.of(l, r)));
  }

  public boolean isEquality() {
    return atom.name().equals(EQ) && atom.args().size() == 2;
  }

  public Literal negate() {
    return new Literal(!positive, atom);
  }

  public Literal apply(Map<Term.Var, Term> sub) {
    Term a = atom.apply(sub);
    return a == atom ? this : new Literal(positive, (Term.Fn) a);
  }

  /** Predicate name/arity with polarity, the key of literal indexes. */
  public String key() {
    return (positive ? "+" : "-") + atom.name() + "/" + atom.args().size();
  }

  public int weight() {
    return atom.size();
  }

  @Override
  public String toString() {
    if (isEquality()) {
      return atom.args().get(0) + (positive ? " = " : " != ") + atom.args().get(1);
    }
    return (positive ? "" : "~") + atom;
  }

  /**
   * Drops duplicate literals and literals {@code t != t}; the normal form every derived clause is
   * put into (both steps are sound: factoring with the identity, equality resolution).
   */
  public static List<Literal> normalize(List<Literal> lits) {
    Set<Literal> seen = new LinkedHashSet<>();
    for (Literal l : lits) {
      if (!l.positive()
          && l.isEquality()
          && l.atom().args().get(0).equals(l.atom().args().get(1))) {
        continue;
      }
      seen.add(l);
    }
    return new ArrayList<>(seen);
  }

  /** True when the clause contains L and ~L, or t = t. */
  public static boolean isTautology(List<Literal> lits) {
    Set<Literal> set = new java.util.HashSet<>(lits);
    for (Literal l : lits) {
      if (l.positive() && l.isEquality() && l.atom().args().get(0).equals(l.atom().args().get(1))) {
        return true;
      }
      if (l.positive() && set.contains(l.negate())) {
        return true;
      }
    }
    return false;
  }

  public static String clauseToString(List<Literal> lits) {
    if (lits.isEmpty()) {
      return "$false";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lits.size(); i++) {
      sb.append(i > 0 ? " | " : "").append(lits.get(i));
    }
    return sb.toString();
  }
}
