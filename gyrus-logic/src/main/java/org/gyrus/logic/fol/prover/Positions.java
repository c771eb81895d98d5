package org.gyrus.logic.fol.prover;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.gyrus.logic.fol.Term;
import org.gyrus.logic.fol.cnf.Literal;

/**
 * Positions inside a literal's atom: a path of argument indices, never empty (the atom itself is
 * not a term position).
 */
public final class Positions {
  private Positions() {}

  public static Term at(Term t, List<Integer> path, int from) {
    for (int k = from; k < path.size(); k++) {
      if (!(t instanceof Term.Fn f) || path.get(k) >= f.args().size()) {
        return null;
      }
      t = f.args().get(path.get(k));
    }
    return t;
  }

  public static Term at(Literal l, List<Integer> path) {
    return at(l.atom(), path, 0);
  }

  public static Term replace(Term t, List<Integer> path, int from, Term by) {
    if (from == path.size()) {
      return by;
    }
    Term.Fn f = (Term.Fn) t;
    List<Term> args = new ArrayList<>(f.args());
    int i = path.get(from);
    args.set(i, replace(args.get(i), path, from + 1, by));
    return new Term.Fn(f.name(), args);
  }

  public static Literal replace(Literal l, List<Integer> path, Term by) {
    return new Literal(l.positive(), (Term.Fn) replace(l.atom(), path, 0, by));
  }

  /** Visits every non-variable proper subterm of the atom with its path. */
  public static void nonVarSubterms(Literal l, BiConsumer<List<Integer>, Term.Fn> visit) {
    List<Term> args = l.atom().args();
    for (int i = 0; i < args.size(); i++) {
      List<Integer> path = new ArrayList<>();
      path.add(i);
      walk(args.get(i), path, visit);
    }
  }

  private static void walk(Term t, List<Integer> path, BiConsumer<List<Integer>, Term.Fn> visit) {
    if (t instanceof Term.Fn f) {
      visit.accept(List.copyOf(path), f);
      for (int i = 0; i < f.args().size(); i++) {
        path.add(i);
        walk(f.args().get(i), path, visit);
        path.remove(path.size() - 1);
      }
    }
  }
}
