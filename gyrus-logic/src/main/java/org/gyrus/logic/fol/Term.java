package org.gyrus.logic.fol;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A first-order term: a variable or a function symbol applied to terms (a constant has none). */
public sealed interface Term permits Term.Var, Term.Fn {

  /** A variable, named. */
  record Var(String name) implements Term {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A function application; a constant when {@code args} is empty. */
  record Fn(String name, List<Term> args) implements Term {
    public Fn {
      args = List.copyOf(args);
    }

    public static Fn constant(String name) {
      return new Fn(name, List.of());
    }

    @Override
    public String toString() {
      if (args.isEmpty()) {
        return name;
      }
      StringBuilder sb = new StringBuilder(name).append('(');
      for (int i = 0; i < args.size(); i++) {
        sb.append(i > 0 ? "," : "").append(args.get(i));
      }
      return sb.append(')').toString();
    }
  }

  /** Applies a substitution (variables not in the map stay). */
  default Term apply(Map<Var, Term> sub) {
    if (sub.isEmpty()) {
      return this;
    }
    if (this instanceof Var v) {
      Term t = sub.get(v);
      return t == null ? v : t;
    }
    Fn f = (Fn) this;
    if (f.args().isEmpty()) {
      return f;
    }
    Term[] out = new Term[f.args().size()];
    boolean changed = false;
    for (int i = 0; i < out.length; i++) {
      Term a = f.args().get(i);
      out[i] = a.apply(sub);
      changed |= out[i] != a;
    }
    return changed ? new Fn(f.name(), List.of(out)) : f;
  }

  /** Collects the variables of this term. */
  default void collectVars(Set<Var> into) {
    if (this instanceof Var v) {
      into.add(v);
    } else {
      for (Term a : ((Fn) this).args()) {
        a.collectVars(into);
      }
    }
  }

  /** Whether variable {@code v} occurs in this term. */
  default boolean contains(Var v) {
    if (this instanceof Var w) {
      return w.equals(v);
    }
    for (Term a : ((Fn) this).args()) {
      if (a.contains(v)) {
        return true;
      }
    }
    return false;
  }

  /** Number of symbol and variable occurrences. */
  default int size() {
    if (this instanceof Var) {
      return 1;
    }
    int n = 1;
    for (Term a : ((Fn) this).args()) {
      n += a.size();
    }
    return n;
  }
}
