package org.gyrus.logic.fol.prover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gyrus.logic.fol.Term;
import org.gyrus.logic.fol.cnf.Literal;

/**
 * Generating inferences between the given clause and the active set (which already contains the
 * given clause): ordered resolution and factoring with negative selection, superposition into and
 * from the given clause, equality resolution and equality factoring. Every side condition is
 * checked on the instantiated premises.
 */
final class Generation {
  interface Sink {
    void derive(List<Literal> lits, Inference inference);

    boolean stopped();
  }

  private final Index index;
  private final Sink sink;
  private int fresh;

  Generation(Index index, Sink sink) {
    this.index = index;
    this.sink = sink;
  }

  /** A copy of the literals with variables no other clause uses. */
  List<Literal> renamed(List<Literal> lits) {
    Map<Term.Var, Term> ren = new HashMap<>();
    List<Literal> out = new ArrayList<>(lits.size());
    for (Literal l : lits) {
      java.util.Set<Term.Var> vs = new java.util.LinkedHashSet<>();
      l.atom().collectVars(vs);
      for (Term.Var v : vs) {
        ren.computeIfAbsent(v, k -> new Term.Var("_G" + (++fresh)));
      }
    }
    for (Literal l : lits) {
      out.add(l.apply(ren));
    }
    return out;
  }

  static List<Literal> apply(List<Literal> lits, Map<Term.Var, Term> sub) {
    List<Literal> out = new ArrayList<>(lits.size());
    for (Literal l : lits) {
      out.add(l.apply(sub));
    }
    return out;
  }

  static List<Literal> without(List<Literal> lits, int i) {
    List<Literal> out = new ArrayList<>(lits);
    out.remove(i);
    return out;
  }

  /** Eligibility of literal i of an instance of clause c (strict for positive literals). */
  static boolean eligibleAfter(Clause c, List<Literal> inst, int i) {
    if (c.selected >= 0) {
      return i == c.selected;
    }
    return Clause.maximal(inst, i, inst.get(i).positive());
  }

  void generate(Clause g) {
    List<Literal> gl = renamed(g.lits);
    for (int i = 0; i < gl.size() && !sink.stopped(); i++) {
      if (!g.eligible[i]) {
        continue;
      }
      Literal lit = gl.get(i);
      if (!lit.isEquality()) {
        resolve(g, gl, i);
        if (lit.positive()) {
          factor(g, gl, i);
        }
      } else if (!lit.positive()) {
        Map<Term.Var, Term> sub = Unifier.unify(lit.atom().args().get(0), lit.atom().args().get(1));
        if (sub != null) {
          List<Literal> gi = apply(gl, sub);
          if (eligibleAfter(g, gi, i)) {
            sink.derive(without(gi, i), inf(Inference.EQ_RESOLVE, List.of(g.id), List.of(gi), i));
          }
        }
      } else {
        superposeFrom(g, gl, i);
        equalityFactor(g, gl, i);
      }
      superposeInto(g, gl, i);
    }
  }

  private static Inference inf(
      String rule, List<Integer> parents, List<List<Literal>> insts, Integer... info) {
    return new Inference(rule, parents, insts, List.of(info), null);
  }

  private void resolve(Clause g, List<Literal> gl, int i) {
    Literal lit = gl.get(i);
    List<Index.Lit> partners = index.lits.get(lit.negate().key());
    if (partners == null) {
      return;
    }
    for (Index.Lit p : List.copyOf(partners)) {
      if (p.c().dead || sink.stopped()) {
        continue;
      }
      Map<Term.Var, Term> sub = Unifier.unify(lit.atom(), p.c().lits.get(p.lit()).atom());
      if (sub == null) {
        continue;
      }
      List<Literal> gi = apply(gl, sub);
      List<Literal> pi = apply(p.c().lits, sub);
      if (!eligibleAfter(g, gi, i) || !eligibleAfter(p.c(), pi, p.lit())) {
        continue;
      }
      List<Literal> out = without(gi, i);
      out.addAll(without(pi, p.lit()));
      sink.derive(
          out, inf(Inference.RESOLVE, List.of(g.id, p.c().id), List.of(gi, pi), i, p.lit()));
    }
  }

  private void factor(Clause g, List<Literal> gl, int i) {
    if (g.selected >= 0) {
      return;
    }
    for (int j = 0; j < gl.size(); j++) {
      Literal other = gl.get(j);
      if (j == i || !other.positive() || !other.key().equals(gl.get(i).key())) {
        continue;
      }
      Map<Term.Var, Term> sub = Unifier.unify(gl.get(i).atom(), other.atom());
      if (sub == null) {
        continue;
      }
      List<Literal> gi = apply(gl, sub);
      if (Clause.maximal(gi, i, false)) {
        sink.derive(without(gi, j), inf(Inference.FACTOR, List.of(g.id), List.of(gi), i, j));
      }
    }
  }

  private void equalityFactor(Clause g, List<Literal> gl, int i) {
    if (g.selected >= 0) {
      return;
    }
    for (int side = 0; side < 2; side++) {
      Term s = gl.get(i).atom().args().get(side);
      for (int j = 0; j < gl.size(); j++) {
        Literal other = gl.get(j);
        if (j == i || !other.positive() || !other.isEquality()) {
          continue;
        }
        for (int side2 = 0; side2 < 2; side2++) {
          Map<Term.Var, Term> sub = Unifier.unify(s, other.atom().args().get(side2));
          if (sub == null) {
            continue;
          }
          List<Literal> gi = apply(gl, sub);
          Term si = gi.get(i).atom().args().get(side);
          Term ti = gi.get(i).atom().args().get(1 - side);
          Kbo.Cmp c = Kbo.compare(si, ti);
          if (c == Kbo.Cmp.LT || c == Kbo.Cmp.EQ || !Clause.maximal(gi, i, false)) {
            continue;
          }
          Term t2 = gi.get(j).atom().args().get(1 - side2);
          List<Literal> out = without(gi, i);
          out.add(Literal.eq(false, ti, t2));
          sink.derive(out, inf(Inference.EQ_FACTOR, List.of(g.id), List.of(gi), i, side, j, side2));
        }
      }
    }
  }

  private void superposeFrom(Clause g, List<Literal> gl, int i) {
    Literal eq = gl.get(i);
    for (int side = 0; side < 2; side++) {
      Term lhs = eq.atom().args().get(side);
      Kbo.Cmp c = Kbo.compare(lhs, eq.atom().args().get(1 - side));
      if (c == Kbo.Cmp.LT || c == Kbo.Cmp.EQ) {
        continue;
      }
      List<Index.Into> targets =
          lhs instanceof Term.Var ? index.allInto : index.into.get(Index.top(lhs));
      if (targets == null) {
        continue;
      }
      for (Index.Into t : List.copyOf(targets)) {
        if (t.c().dead || sink.stopped()) {
          continue;
        }
        Term u = Positions.at(t.c().lits.get(t.lit()), t.path());
        Map<Term.Var, Term> sub = Unifier.unify(lhs, u);
        if (sub != null) {
          superpose(g, gl, i, side, t.c(), t.c().lits, t.lit(), t.path(), sub);
        }
      }
    }
  }

  private void superposeInto(Clause g, List<Literal> gl, int i) {
    Positions.nonVarSubterms(
        gl.get(i),
        (path, u) -> {
          List<Index.From> sources = new ArrayList<>(index.varFrom);
          List<Index.From> byTop = index.from.get(Index.top(u));
          if (byTop != null) {
            sources.addAll(byTop);
          }
          for (Index.From f : sources) {
            if (f.c().dead || sink.stopped()) {
              continue;
            }
            Map<Term.Var, Term> sub = Unifier.unify(f.lhs(), u);
            if (sub != null) {
              superpose(f.c(), f.c().lits, f.lit(), f.side(), g, gl, i, path, sub);
            }
          }
        });
  }

  private void superpose(
      Clause fc,
      List<Literal> fl,
      int fi,
      int side,
      Clause ic,
      List<Literal> il,
      int ii,
      List<Integer> path,
      Map<Term.Var, Term> sub) {
    List<Literal> fInst = apply(fl, sub);
    List<Literal> iInst = apply(il, sub);
    Term l = fInst.get(fi).atom().args().get(side);
    Term r = fInst.get(fi).atom().args().get(1 - side);
    Kbo.Cmp c = Kbo.compare(l, r);
    if (c == Kbo.Cmp.LT || c == Kbo.Cmp.EQ || fc.selected >= 0) {
      return;
    }
    if (!Clause.maximal(fInst, fi, true) || !eligibleAfter(ic, iInst, ii)) {
      return;
    }
    Literal target = iInst.get(ii);
    if (target.isEquality()) {
      int s = path.get(0);
      Kbo.Cmp st = Kbo.compare(target.atom().args().get(s), target.atom().args().get(1 - s));
      if (st == Kbo.Cmp.LT || st == Kbo.Cmp.EQ) {
        return;
      }
    }
    List<Literal> out = new ArrayList<>(iInst);
    out.set(ii, Positions.replace(target, path, r));
    out.addAll(without(fInst, fi));
    List<Integer> info = new ArrayList<>(List.of(fi, side, ii));
    info.addAll(path);
    sink.derive(
        out,
        new Inference(
            Inference.SUPERPOSE, List.of(fc.id, ic.id), List.of(fInst, iInst), info, null));
  }
}
