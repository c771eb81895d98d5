package org.gyrus.nesy.symreg;

import java.util.TreeMap;

/** Trigonometric identities applied before comparing canonical forms. */
final class Trig {
  private Trig() {}

  /**
   * Expands sin/cos (whole positive powers) of sums and of small integer multiples into products of
   * sin/cos of single terms: sin(a + b) = sin a cos b + cos a sin b, sin(2u) = 2 sin u cos u.
   */
  static Canon expandAngles(Canon c) {
    Canon r = Canon.constant(0);
    for (Term t : c.terms().values()) {
      Canon product = Canon.of(new Term(t.coef(), new java.util.TreeMap<>()));
      for (Term.Power p : t.factors().values()) {
        String kind = p.atom().kind();
        boolean trig = kind.equals("sin") || kind.equals("cos");
        if (trig && Canon.isSmallPositiveInt(p.exp()) && expandable(p.atom().arg())) {
          Canon e = kind.equals("sin") ? sin(p.atom().arg()) : cos(p.atom().arg());
          product = product.mul(e.powInt((int) p.exp()));
        } else {
          TreeMap<String, Term.Power> f = new TreeMap<>();
          f.put(p.atom().key(), p);
          product = product.mul(Canon.of(new Term(1, f)));
        }
      }
      r = r.add(product);
    }
    return r;
  }

  private static boolean expandable(Canon arg) {
    if (arg.terms().size() > 1) {
      return arg.terms().size() <= 6;
    }
    double k = Math.abs(arg.leading().coef());
    return k == Math.rint(k) && k >= 2 && k <= 6;
  }

  private static Canon sin(Canon a) {
    if (a.terms().size() > 1) {
      Canon[] split = split(a);
      return sin(split[0]).mul(cos(split[1])).add(cos(split[0]).mul(sin(split[1])));
    }
    if (!expandable(a)) {
      return CanonBuilder.unary(Op.SIN, a);
    }
    Canon u = a.scale(1 / a.leading().coef());
    Canon rest = a.add(u.scale(-1));
    return sin(u).mul(cos(rest)).add(cos(u).mul(sin(rest)));
  }

  private static Canon cos(Canon a) {
    if (a.terms().size() > 1) {
      Canon[] split = split(a);
      return cos(split[0]).mul(cos(split[1])).add(sin(split[0]).mul(sin(split[1])).scale(-1));
    }
    if (!expandable(a)) {
      return CanonBuilder.unary(Op.COS, a);
    }
    Canon u = a.scale(1 / a.leading().coef());
    Canon rest = a.add(u.scale(-1));
    return cos(u).mul(cos(rest)).add(sin(u).mul(sin(rest)).scale(-1));
  }

  /** The first term and the rest of a sum. */
  private static Canon[] split(Canon a) {
    Canon first = Canon.of(a.leading());
    return new Canon[] {first, a.add(first.scale(-1))};
  }

  /** Rewrites cos(a)^n, n >= 2 an integer, as cos(a)^(n mod 2) * (1 - sin(a)^2)^(n div 2). */
  static Canon pythagoras(Canon c) {
    Canon r = Canon.constant(0);
    for (Term t : c.terms().values()) {
      Term.Power cos = null;
      for (Term.Power p : t.factors().values()) {
        if (p.atom().kind().equals("cos") && p.exp() >= 2 && p.exp() == Math.rint(p.exp())) {
          cos = p;
          break;
        }
      }
      if (cos == null) {
        r = r.add(Canon.of(t));
        continue;
      }
      TreeMap<String, Term.Power> f = new TreeMap<>(t.factors());
      f.remove(cos.atom().key());
      int n = (int) cos.exp();
      if (n % 2 == 1) {
        f.put(cos.atom().key(), new Term.Power(cos.atom(), 1));
      }
      Canon sin = CanonBuilder.unary(Op.SIN, cos.atom().arg());
      Canon oneMinusSin2 = Canon.constant(1).add(sin.mul(sin).scale(-1));
      r = r.add(pythagoras(Canon.of(new Term(t.coef(), f)).mul(oneMinusSin2.powInt(n / 2))));
    }
    return r;
  }
}
