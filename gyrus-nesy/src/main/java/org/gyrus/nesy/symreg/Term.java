package org.gyrus.nesy.symreg;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** One term of a {@link Canon} sum: a coefficient times a product of atoms raised to powers. */
record Term(double coef, SortedMap<String, Term.Power> factors) {

  /** An atom of the canonical form: a variable, or a function of a canonical argument. */
  record Atom(String kind, int var, Canon arg) {
    static Atom variable(int index) {
      return new Atom("x", index, null);
    }

    String key() {
      if (kind.equals("x")) {
        return "x" + (var + 1);
      }
      return kind.equals("poly") ? "(" + arg.key() + ")" : kind + "(" + arg.key() + ")";
    }
  }

  record Power(Atom atom, double exp) {}

  Term {
    factors = Collections.unmodifiableSortedMap(new TreeMap<>(factors));
  }

  static Term constant(double c) {
    return new Term(c, new TreeMap<>());
  }

  boolean isConstant() {
    return factors.isEmpty();
  }

  /** Identifies the monomial (the coefficient left out): terms with equal keys are summed. */
  String monoKey() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Power> f : factors.entrySet()) {
      if (sb.length() > 0) {
        sb.append('*');
      }
      sb.append(f.getKey());
      if (f.getValue().exp() != 1) {
        sb.append('^').append(number(f.getValue().exp()));
      }
    }
    return sb.toString();
  }

  /** Numbers inside keys are rounded so that fitted constants equal to 4 digits coincide. */
  static String number(double v) {
    double r = Double.parseDouble(String.format(Locale.ROOT, "%.4g", v));
    if (r == Math.rint(r) && Math.abs(r) < 1e9) {
      return Long.toString((long) r);
    }
    return String.format(Locale.ROOT, "%.4g", r);
  }
}
