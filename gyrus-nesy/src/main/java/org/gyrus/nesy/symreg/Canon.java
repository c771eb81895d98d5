package org.gyrus.nesy.symreg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Canonical form of a formula: a sum of terms, each a coefficient times powers of atoms (variables,
 * sin/cos/tan/tanh/log/exp/abs of canonical arguments, and non-monomial bases raised to
 * non-expanded powers). Products are expanded, like powers of atoms merge, {@code exp(a)*exp(b) =
 * exp(a+b)}, {@code exp(k*log(a)) = a^k}, {@code log(a*b) = log a + log b}, {@code log(exp(a)) =
 * a}, odd/even functions take a positive leading coefficient. Immutable.
 */
public final class Canon {
  static final double EPS = 1e-9;
  private final SortedMap<String, Term> terms;

  private Canon(SortedMap<String, Term> terms) {
    this.terms = terms;
  }

  static Canon constant(double c) {
    return c == 0 ? new Canon(new TreeMap<>()) : of(Term.constant(c));
  }

  static Canon of(Term t) {
    TreeMap<String, Term> m = new TreeMap<>();
    if (t.coef() != 0) {
      m.put(t.monoKey(), t);
    }
    return new Canon(m);
  }

  static Canon atom(Term.Atom a) {
    TreeMap<String, Term.Power> f = new TreeMap<>();
    f.put(a.key(), new Term.Power(a, 1));
    return of(new Term(1, f));
  }

  /** The canonical form of {@code e}. */
  public static Canon of(Expr e) {
    return CanonBuilder.build(e);
  }

  public String key() {
    if (terms.isEmpty()) {
      return "0";
    }
    StringBuilder sb = new StringBuilder();
    for (Term t : terms.values()) {
      if (sb.length() > 0) {
        sb.append(" + ");
      }
      String mono = t.monoKey();
      String c = Term.number(t.coef());
      if (mono.isEmpty()) {
        sb.append(c);
      } else {
        sb.append(c.equals("1") ? "" : c.equals("-1") ? "-" : c + "*").append(mono);
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return key().replace("+ -", "- ").replaceAll("\\^(-[0-9.e]+)", "^($1)");
  }

  SortedMap<String, Term> terms() {
    return terms;
  }

  boolean isZero() {
    return terms.isEmpty();
  }

  /** The value if this is a number, else NaN. */
  double constantValue() {
    if (terms.isEmpty()) {
      return 0;
    }
    Term t = terms.values().iterator().next();
    return terms.size() == 1 && t.isConstant() ? t.coef() : Double.NaN;
  }

  boolean isConstant() {
    return !Double.isNaN(constantValue());
  }

  Term leading() {
    return terms.get(terms.firstKey());
  }

  double maxAbsCoef() {
    double m = 0;
    for (Term t : terms.values()) {
      m = Math.max(m, Math.abs(t.coef()));
    }
    return m;
  }

  Canon add(Canon o) {
    TreeMap<String, Term> m = new TreeMap<>(terms);
    for (Map.Entry<String, Term> e : o.terms.entrySet()) {
      Term mine = m.get(e.getKey());
      if (mine == null) {
        m.put(e.getKey(), e.getValue());
        continue;
      }
      double c = mine.coef() + e.getValue().coef();
      if (Math.abs(c) <= EPS * Math.max(Math.abs(mine.coef()), Math.abs(e.getValue().coef()))) {
        m.remove(e.getKey());
      } else {
        m.put(e.getKey(), new Term(c, mine.factors()));
      }
    }
    dropNegligible(m);
    return new Canon(m);
  }

  /** Terms below 1e-10 of the largest coefficient are round-off of fitted constants. */
  private static void dropNegligible(TreeMap<String, Term> m) {
    double max = 0;
    for (Term t : m.values()) {
      max = Math.max(max, Math.abs(t.coef()));
    }
    double floor = 1e-10 * max;
    m.values().removeIf(t -> Math.abs(t.coef()) < floor);
  }

  Canon scale(double c) {
    if (c == 0) {
      return constant(0);
    }
    TreeMap<String, Term> m = new TreeMap<>();
    for (Map.Entry<String, Term> e : terms.entrySet()) {
      m.put(e.getKey(), new Term(e.getValue().coef() * c, e.getValue().factors()));
    }
    return new Canon(m);
  }

  Canon mul(Canon o) {
    Canon sum = constant(0);
    for (Term a : terms.values()) {
      for (Term b : o.terms.values()) {
        sum = sum.add(mulTerms(a, b));
      }
    }
    return sum;
  }

  static Canon mulTerms(Term a, Term b) {
    TreeMap<String, Term.Power> f = new TreeMap<>(a.factors());
    for (Map.Entry<String, Term.Power> e : b.factors().entrySet()) {
      Term.Power mine = f.get(e.getKey());
      double exp = snap(e.getValue().exp() + (mine == null ? 0 : mine.exp()));
      if (Math.abs(exp) < EPS) {
        f.remove(e.getKey());
      } else {
        f.put(e.getKey(), new Term.Power(e.getValue().atom(), exp));
      }
    }
    return normalize(a.coef() * b.coef(), f);
  }

  /** Merges exp factors into one exp(sum) and expands bases with small positive integer powers. */
  static Canon normalize(double coef, SortedMap<String, Term.Power> factors) {
    List<Term.Power> exps = new ArrayList<>();
    Term.Power expandable = null;
    for (Term.Power p : factors.values()) {
      if (p.atom().kind().equals("exp")) {
        exps.add(p);
      } else if (p.atom().kind().equals("poly") && isSmallPositiveInt(p.exp())) {
        expandable = p;
      }
    }
    boolean mergeExps = exps.size() > 1 || (exps.size() == 1 && exps.get(0).exp() != 1);
    if (!mergeExps && expandable == null) {
      return of(new Term(coef, factors));
    }
    TreeMap<String, Term.Power> rest = new TreeMap<>(factors);
    Canon extra;
    if (mergeExps) {
      Canon arg = constant(0);
      for (Term.Power p : exps) {
        rest.remove(p.atom().key());
        arg = arg.add(p.atom().arg().scale(p.exp()));
      }
      extra = CanonBuilder.exp(arg);
    } else {
      rest.remove(expandable.atom().key());
      extra = expandable.atom().arg().powInt((int) expandable.exp());
    }
    return of(new Term(coef, rest)).mul(extra);
  }

  /** Exponents within 1e-9 of a whole number are that number (fitted constants, round-off). */
  static double snap(double p) {
    double r = Math.rint(p);
    return Math.abs(p - r) < 1e-9 ? r : p;
  }

  static boolean isSmallPositiveInt(double p) {
    return p == Math.rint(p) && p >= 1 && p <= 6;
  }

  Canon powInt(int k) {
    Canon r = constant(1);
    for (int i = 0; i < k; i++) {
      r = r.mul(this);
    }
    return r;
  }

  /** This raised to {@code p}; non-monomial bases stay as an atom unless p is a small integer. */
  Canon pow(double power) {
    double p = snap(power);
    if (p == 0) {
      return constant(1);
    }
    if (terms.isEmpty()) {
      return p > 0 ? this : constant(Double.NaN);
    }
    if (terms.size() == 1) {
      Term t = leading();
      TreeMap<String, Term.Power> f = new TreeMap<>();
      for (Map.Entry<String, Term.Power> e : t.factors().entrySet()) {
        f.put(e.getKey(), new Term.Power(e.getValue().atom(), e.getValue().exp() * p));
      }
      return normalize(Math.pow(t.coef(), p), f);
    }
    if (isSmallPositiveInt(p)) {
      return powInt((int) p);
    }
    Factored fa = factor();
    Canon base = atom(new Term.Atom("poly", 0, fa.primitive));
    return fa.content.pow(p).mul(base.pow(p));
  }

  /** This = content * primitive, content a positive single term, primitive led by +-1. */
  record Factored(Canon content, Canon primitive) {}

  Factored factor() {
    Term lead = leading();
    TreeMap<String, Term.Power> common = new TreeMap<>();
    for (Map.Entry<String, Term.Power> e : lead.factors().entrySet()) {
      if (e.getValue().atom().kind().equals("exp")) {
        continue;
      }
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (Term t : terms.values()) {
        Term.Power p = t.factors().get(e.getKey());
        double exp = p == null ? 0 : p.exp();
        min = Math.min(min, exp);
        max = Math.max(max, exp);
      }
      double c = min > 0 ? min : max < 0 ? max : 0;
      if (c != 0) {
        common.put(e.getKey(), new Term.Power(e.getValue().atom(), c));
      }
    }
    // a positive content keeps fractional powers real: sqrt(x - 1) = 1 * (-1 + x)^0.5
    Canon content = of(new Term(Math.abs(lead.coef()), common));
    return new Factored(content, mul(content.pow(-1)));
  }

  /** Same formula up to the given relative tolerance on coefficients (exact for exact inputs). */
  public static boolean equivalent(Expr a, Expr b) {
    Canon ca = of(a);
    Canon cb = of(b);
    // a = b iff exp(a) = exp(b): turns sums of logs into one log of a product, which the
    // term-wise comparison cannot see (log(x+1) + log(x^2+1) vs log(x^3+x^2+x+1)).
    return equivalent(ca, cb, 1e-4)
        || equivalent(CanonBuilder.exp(ca), CanonBuilder.exp(cb), 1e-4)
        || equivalent(Trig.expandAngles(ca), Trig.expandAngles(cb), 1e-4);
  }

  /** Numeric value of this canonical form at each row (for checking the rewriting). */
  public double[] evaluate(double[][] columns, int rows) {
    double[] out = new double[rows];
    for (Term t : terms.values()) {
      double[] v = new double[rows];
      java.util.Arrays.fill(v, t.coef());
      for (Term.Power p : t.factors().values()) {
        double[] a = evaluate(p.atom(), columns, rows);
        for (int i = 0; i < rows; i++) {
          v[i] *= p.exp() == 1 ? a[i] : Math.pow(a[i], p.exp());
        }
      }
      for (int i = 0; i < rows; i++) {
        out[i] += v[i];
      }
    }
    return out;
  }

  private static double[] evaluate(Term.Atom atom, double[][] columns, int rows) {
    if (atom.kind().equals("x")) {
      return columns[atom.var()].clone();
    }
    double[] a = atom.arg().evaluate(columns, rows);
    if (!atom.kind().equals("poly")) {
      Op.byToken(atom.kind()).apply(a, a);
    }
    return a;
  }

  static boolean equivalent(Canon a, Canon b, double relTol) {
    for (int round = 0; round < 6; round++) {
      Canon denominator = a.firstDenominator();
      if (denominator == null) {
        denominator = b.firstDenominator();
      }
      if (denominator == null) {
        break;
      }
      int k = Math.max(a.denominatorPower(denominator), b.denominatorPower(denominator));
      a = a.clear(denominator, k);
      b = b.clear(denominator, k);
    }
    a = Trig.pythagoras(a);
    b = Trig.pythagoras(b);
    Canon d = a.add(b.scale(-1));
    double scale = Math.max(1e-300, Math.max(a.maxAbsCoef(), b.maxAbsCoef()));
    if (!Double.isFinite(scale)) {
      return false; // overflowed (e.g. exp of a large constant): no verdict from round-off
    }
    for (Term t : d.terms.values()) {
      if (!(Math.abs(t.coef()) <= relTol * scale)) {
        return false;
      }
    }
    return !Double.isNaN(a.maxAbsCoef()) && !Double.isNaN(b.maxAbsCoef());
  }

  /** A base raised to a negative integer power somewhere in this, or null. */
  private Canon firstDenominator() {
    for (Term t : terms.values()) {
      for (Term.Power p : t.factors().values()) {
        if (p.atom().kind().equals("poly") && p.exp() < 0 && p.exp() == Math.rint(p.exp())) {
          return atom(p.atom());
        }
      }
    }
    return null;
  }

  /** The largest negative integer power of {@code baseAtom} in this, as a positive number. */
  private int denominatorPower(Canon baseAtom) {
    String key = baseAtom.leading().monoKey();
    int k = 0;
    for (Term t : terms.values()) {
      Term.Power p = t.factors().get(key);
      if (p != null && p.exp() < 0 && p.exp() == Math.rint(p.exp())) {
        k = Math.max(k, (int) -p.exp());
      }
    }
    return k;
  }

  /** This times {@code base^k}, expanded where the power of base becomes a whole number. */
  private Canon clear(Canon baseAtom, int k) {
    String key = baseAtom.leading().monoKey();
    Canon expanded = baseAtom.leading().factors().get(key).atom().arg().powInt(k);
    Canon r = constant(0);
    for (Term t : terms.values()) {
      Term.Power p = t.factors().get(key);
      TreeMap<String, Term.Power> f = new TreeMap<>(t.factors());
      f.remove(key);
      double e = (p == null ? 0 : p.exp()) + k;
      Term rest = new Term(t.coef(), f);
      if (e == Math.rint(e) && e >= 0) {
        Canon base = baseAtom.leading().factors().get(key).atom().arg();
        r = r.add(of(rest).mul(base.powInt((int) e)));
      } else {
        r = r.add(of(rest).mul(baseAtom.pow(p == null ? 0 : p.exp())).mul(expanded));
      }
    }
    return r;
  }
}
