package org.gyrus.logic.ilp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gyrus.core.SpecError;
import org.gyrus.logic.datalog.Ast;

/**
 * Translates a Prolog rule of the supported subset into Datalog rules: {@code ;} is split into one
 * rule per disjunct, {@code \+ G} becomes negation, comparisons map to Datalog's, and a list
 * pattern {@code [H|T]} in an argument becomes a fresh variable L with {@code cons(L, H, T)} (the
 * caller provides {@code cons} facts; {@code []} is the constant {@code nil}).
 */
public final class PrologToDatalog {
  private static final Map<String, String> OPS =
      Map.of(
          "<", "<", ">", ">", "=<", "<=", ">=", ">=", "\\=", "!=", "\\==", "!=", "=", "=", "==",
          "=");

  private final String where;
  private final Map<String, String> renames;
  private int fresh;

  private PrologToDatalog(String where, Map<String, String> renames) {
    this.where = where;
    this.renames = renames;
  }

  public static List<Ast.Rule> translate(PrologReader.Clause clause) {
    return translate(clause, Map.of());
  }

  /** {@code renames} maps {@code name/arity} to a Datalog name (Datalog has one arity per name). */
  public static List<Ast.Rule> translate(PrologReader.Clause clause, Map<String, String> renames) {
    if (clause.head() == null) {
      throw new SpecError(clause.where(), "a rule or a fact", "a directive");
    }
    PrologToDatalog t = new PrologToDatalog(clause.where(), renames);
    List<Ast.Rule> out = new ArrayList<>();
    List<List<Term>> disjuncts = clause.body() == null ? List.of(List.of()) : t.dnf(clause.body());
    for (List<Term> conj : disjuncts) {
      List<Ast.Literal> body = new ArrayList<>();
      Ast.Atom head = t.atom(clause.head(), body);
      for (Term g : conj) {
        body.add(t.literal(g, body));
      }
      out.add(new Ast.Rule(head, body, null, clause.where()));
    }
    return out;
  }

  private List<List<Term>> dnf(Term t) {
    String f = Term.functor(t);
    List<Term> a = Term.args(t);
    if (";".equals(f) && a.size() == 2) {
      List<List<Term>> out = new ArrayList<>(dnf(a.get(0)));
      out.addAll(dnf(a.get(1)));
      return out;
    }
    if (",".equals(f) && a.size() == 2) {
      List<List<Term>> out = new ArrayList<>();
      for (List<Term> l : dnf(a.get(0))) {
        for (List<Term> r : dnf(a.get(1))) {
          List<Term> both = new ArrayList<>(l);
          both.addAll(r);
          out.add(both);
        }
      }
      return out;
    }
    return List.of(List.of(t));
  }

  private Ast.Literal literal(Term g, List<Ast.Literal> extra) {
    String f = Term.functor(g);
    List<Term> a = Term.args(g);
    if ("\\+".equals(f)) {
      return new Ast.Negated(atom(a.get(0), extra));
    }
    if (f != null && OPS.containsKey(f) && a.size() == 2) {
      return new Ast.Comparison(
          OPS.get(f),
          new Ast.TermExpr(term(a.get(0), extra)),
          new Ast.TermExpr(term(a.get(1), extra)));
    }
    return new Ast.Positive(atom(g, extra));
  }

  private Ast.Atom atom(Term t, List<Ast.Literal> extra) {
    String f = Term.functor(t);
    if (f == null || f.equals(".") || OPS.containsKey(f)) {
      throw new SpecError(where, "an atom p(...)", t.toString());
    }
    List<Ast.Term> args = new ArrayList<>();
    for (Term a : Term.args(t)) {
      args.add(term(a, extra));
    }
    String name = renames.getOrDefault(f + "/" + args.size(), f);
    return new Ast.Atom(name, args);
  }

  private Ast.Term term(Term t, List<Ast.Literal> extra) {
    if (t instanceof Term.Var v) {
      return new Ast.Var(v.name().equals("_") ? "_" : v.name());
    }
    if (t instanceof Term.Int i) {
      return new Ast.Const(i.value());
    }
    if (t instanceof Term.Sym s) {
      return new Ast.Const(s.name().equals("[]") ? "nil" : s.name());
    }
    Term.Compound c = (Term.Compound) t;
    if (c.name().equals(".") && c.args().size() == 2) {
      Ast.Var list = new Ast.Var("L_" + fresh++);
      Ast.Term head = term(c.args().get(0), extra);
      Ast.Term tail = term(c.args().get(1), extra);
      extra.add(new Ast.Positive(new Ast.Atom("cons", List.of(list, head, tail))));
      return list;
    }
    throw new SpecError(where, "a variable, a constant or a list [H|T]", t.toString());
  }
}
