package org.gyrus.nesy.symreg;

import java.util.TreeMap;

/** Trigonometric identities applied before comparing canonical forms. */
final class Trig {
  private Trig() {}

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
