package org.gyrus.nesy.symreg;

import java.util.Map;
import java.util.TreeMap;

/** Builds {@link Canon} forms bottom-up; the rewriting rules for each function live here. */
final class CanonBuilder {
  private CanonBuilder() {}

  static Canon build(Expr e) {
    if (e instanceof Expr.Const c) {
      return Canon.constant(c.value());
    }
    if (e instanceof Expr.Var v) {
      return Canon.atom(Term.Atom.variable(v.index()));
    }
    if (e instanceof Expr.Unary u) {
      return unary(u.op(), build(u.arg()));
    }
    Expr.Binary b = (Expr.Binary) e;
    Canon l = build(b.left());
    Canon r = build(b.right());
    switch (b.op()) {
      case ADD:
        return l.add(r);
      case SUB:
        return l.add(r.scale(-1));
      case MUL:
        return l.mul(r);
      case DIV:
        return l.mul(r.pow(-1));
      case POW:
        return r.isConstant() ? l.pow(r.constantValue()) : exp(r.mul(log(l)));
      default:
        throw new IllegalStateException("binary " + b.op());
    }
  }

  static Canon unary(Op op, Canon a) {
    switch (op) {
      case SIN:
        return odd("sin", a, Math::sin);
      case TAN:
        return odd("tan", a, Math::tan);
      case TANH:
        return odd("tanh", a, Math::tanh);
      case COS:
        return even("cos", a, Math::cos);
      case ABS:
        return even("abs", a, Math::abs);
      case EXP:
        return exp(a);
      case EXPNEG:
        return exp(a.scale(-1));
      case LOG:
        return log(a);
      case SQRT:
        return a.pow(0.5);
      case N2:
        return a.pow(2);
      case N3:
        return a.pow(3);
      case NEG:
        return a.scale(-1);
      case INV:
        return a.pow(-1);
      default:
        throw new IllegalStateException("unary " + op);
    }
  }

  private static Canon odd(String kind, Canon a, java.util.function.DoubleUnaryOperator f) {
    if (a.isConstant()) {
      return Canon.constant(f.applyAsDouble(a.constantValue()));
    }
    if (a.leading().coef() < 0) {
      return Canon.atom(new Term.Atom(kind, 0, a.scale(-1))).scale(-1);
    }
    return Canon.atom(new Term.Atom(kind, 0, a));
  }

  private static Canon even(String kind, Canon a, java.util.function.DoubleUnaryOperator f) {
    if (a.isConstant()) {
      return Canon.constant(f.applyAsDouble(a.constantValue()));
    }
    return Canon.atom(new Term.Atom(kind, 0, a.leading().coef() < 0 ? a.scale(-1) : a));
  }

  /** exp of a sum: constants become a coefficient, k*log(b) terms become b^k, the rest an atom. */
  static Canon exp(Canon a) {
    double coef = 1;
    Canon result = Canon.constant(1);
    Canon rest = Canon.constant(0);
    for (Term t : a.terms().values()) {
      if (t.isConstant()) {
        coef *= Math.exp(t.coef());
        continue;
      }
      Term.Power only = t.factors().size() == 1 ? t.factors().values().iterator().next() : null;
      if (only != null && only.exp() == 1 && only.atom().kind().equals("log")) {
        result = result.mul(only.atom().arg().pow(t.coef()));
      } else {
        rest = rest.add(Canon.of(t));
      }
    }
    if (!rest.isZero()) {
      result = result.mul(Canon.atom(new Term.Atom("exp", 0, rest)));
    }
    return result.scale(coef);
  }

  /** log of a product splits into a sum of logs; log(exp(a)) = a; other sums stay atoms. */
  static Canon log(Canon a) {
    if (a.isZero()) {
      return Canon.constant(Double.NaN);
    }
    if (a.terms().size() > 1) {
      Canon.Factored f = a.factor();
      return log(f.content()).add(Canon.atom(new Term.Atom("log", 0, f.primitive())));
    }
    Term t = a.leading();
    Canon sum = Canon.constant(Math.log(Math.abs(t.coef())));
    for (Map.Entry<String, Term.Power> e : t.factors().entrySet()) {
      Term.Atom atom = e.getValue().atom();
      Canon logAtom;
      if (atom.kind().equals("exp")) {
        logAtom = atom.arg();
      } else if (atom.kind().equals("poly")) {
        logAtom = Canon.atom(new Term.Atom("log", 0, atom.arg()));
      } else {
        TreeMap<String, Term.Power> single = new TreeMap<>();
        single.put(e.getKey(), new Term.Power(atom, 1));
        logAtom = Canon.atom(new Term.Atom("log", 0, Canon.of(new Term(1, single))));
      }
      sum = sum.add(logAtom.scale(e.getValue().exp()));
    }
    return sum;
  }
}
