package org.gyrus.logic.fol.prover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.gyrus.logic.fol.Term;
import org.gyrus.logic.fol.cnf.Literal;

/**
 * Re-verifies a proof step by step, independently of the prover's search: each instance must be an
 * instance of its parent (literal by literal, by one-way matching), and the conclusion must be what
 * the rule yields from the instances, after dropping duplicate literals and literals t != t. Info
 * layouts: resolve [i, j]; factor [i, j]; eq_resolve [i]; eq_factor [i, si, j, sj]; superpose and
 * demod [i, side, j, path...] (equation literal i of instance 0 rewrites literal j of instance 1).
 */
public final class ProofChecker {
  private ProofChecker() {}

  /** Problems found; empty when every step is valid and the proof ends in the empty clause. */
  public static List<String> check(Proof proof, List<List<Literal>> inputs) {
    List<String> errors = new ArrayList<>();
    Map<Integer, Clause> byId = new HashMap<>();
    HashSet<List<Literal>> inputSet = new HashSet<>(inputs);
    for (Clause c : proof.steps()) {
      byId.put(c.id, c);
    }
    for (Clause c : proof.steps()) {
      String e = checkStep(c, byId, inputSet);
      if (e != null) {
        errors.add("step " + c.id + " (" + c.inference.rule() + "): " + e);
      }
    }
    List<Clause> steps = proof.steps();
    if (steps.isEmpty() || !steps.get(steps.size() - 1).isEmpty()) {
      errors.add("the proof does not end in the empty clause");
    }
    return errors;
  }

  private static String checkStep(Clause c, Map<Integer, Clause> byId, HashSet<List<Literal>> in) {
    Inference inf = c.inference;
    if (inf.rule().equals(Inference.INPUT)) {
      return in.contains(Literal.normalize(c.lits)) ? null : "not an input clause";
    }
    if (inf.parents().size() != inf.instances().size()) {
      return "parents and instances differ in number";
    }
    for (int k = 0; k < inf.parents().size(); k++) {
      Clause parent = byId.get(inf.parents().get(k));
      if (parent == null || parent.id >= c.id) {
        return "parent " + inf.parents().get(k) + " missing or not earlier";
      }
      if (!isInstance(parent.lits, inf.instances().get(k))) {
        return "instance " + k + " is not an instance of clause " + parent.id;
      }
    }
    List<Integer> x = inf.info();
    List<List<Literal>> ins = inf.instances();
    List<Literal> expected;
    try {
      expected =
          switch (inf.rule()) {
            case Inference.RESOLVE -> resolve(ins.get(0), x.get(0), ins.get(1), x.get(1));
            case Inference.FACTOR -> factor(ins.get(0), x.get(0), x.get(1));
            case Inference.EQ_RESOLVE -> eqResolve(ins.get(0), x.get(0));
            case Inference.EQ_FACTOR -> eqFactor(ins.get(0), x);
            case Inference.SUPERPOSE, Inference.DEMOD -> paramod(ins.get(0), ins.get(1), x);
            default -> null;
          };
    } catch (RuntimeException ex) {
      return "malformed step: " + ex;
    }
    if (expected == null) {
      return "rule does not apply";
    }
    List<Literal> norm = Literal.normalize(expected);
    return new HashSet<>(norm).equals(new HashSet<>(c.lits)) && norm.size() == c.lits.size()
        ? null
        : "conclusion "
            + Literal.clauseToString(c.lits)
            + " is not "
            + Literal.clauseToString(norm);
  }

  private static List<Literal> rest(List<Literal> lits, int i) {
    List<Literal> out = new ArrayList<>(lits);
    out.remove(i);
    return out;
  }

  private static List<Literal> resolve(List<Literal> a, int i, List<Literal> b, int j) {
    if (!a.get(i).equals(b.get(j).negate())) {
      return null;
    }
    List<Literal> out = rest(a, i);
    out.addAll(rest(b, j));
    return out;
  }

  private static List<Literal> factor(List<Literal> a, int i, int j) {
    return i != j && a.get(i).equals(a.get(j)) ? rest(a, j) : null;
  }

  private static List<Literal> eqResolve(List<Literal> a, int i) {
    Literal l = a.get(i);
    return !l.positive() && l.isEquality() && l.atom().args().get(0).equals(l.atom().args().get(1))
        ? rest(a, i)
        : null;
  }

  private static List<Literal> eqFactor(List<Literal> a, List<Integer> x) {
    Literal l = a.get(x.get(0));
    Literal m = a.get(x.get(2));
    if (!l.positive() || !m.positive() || !l.isEquality() || !m.isEquality()) {
      return null;
    }
    Term s = l.atom().args().get(x.get(1));
    Term t = l.atom().args().get(1 - x.get(1));
    if (!s.equals(m.atom().args().get(x.get(3)))) {
      return null;
    }
    List<Literal> out = rest(a, x.get(0));
    out.add(Literal.eq(false, t, m.atom().args().get(1 - x.get(3))));
    return out;
  }

  private static List<Literal> paramod(List<Literal> eqs, List<Literal> into, List<Integer> x) {
    Literal eq = eqs.get(x.get(0));
    if (!eq.positive() || !eq.isEquality()) {
      return null;
    }
    Term from = eq.atom().args().get(x.get(1));
    Term to = eq.atom().args().get(1 - x.get(1));
    List<Integer> path = x.subList(3, x.size());
    Literal target = into.get(x.get(2));
    if (path.isEmpty() || !from.equals(Positions.at(target, path))) {
      return null;
    }
    List<Literal> out = new ArrayList<>(into);
    out.set(x.get(2), Positions.replace(target, path, to));
    out.addAll(rest(eqs, x.get(0)));
    return out;
  }

  /** Whether {@code inst} is {@code parent} under one substitution, literal by literal. */
  static boolean isInstance(List<Literal> parent, List<Literal> inst) {
    if (parent.size() != inst.size()) {
      return false;
    }
    Map<Term.Var, Term> sub = new HashMap<>();
    for (int i = 0; i < parent.size(); i++) {
      Literal p = parent.get(i);
      Literal q = inst.get(i);
      if (p.positive() != q.positive() || !Unifier.match(p.atom(), q.atom(), sub)) {
        return false;
      }
    }
    return true;
  }
}
