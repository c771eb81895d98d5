package org.gyrus.logic.plan;

import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.SpecError;
import org.gyrus.logic.plan.Pddl.Action;
import org.gyrus.logic.plan.Pddl.And;
import org.gyrus.logic.plan.Pddl.Atom;
import org.gyrus.logic.plan.Pddl.Cond;
import org.gyrus.logic.plan.Pddl.Effect;
import org.gyrus.logic.plan.Pddl.Eq;
import org.gyrus.logic.plan.Pddl.Not;
import org.gyrus.logic.plan.Pddl.Or;
import org.gyrus.logic.plan.Pddl.Quant;
import org.gyrus.logic.plan.Pddl.Truth;
import org.gyrus.logic.plan.Pddl.Typed;
import org.gyrus.logic.plan.PddlParser.Scope;
import org.gyrus.logic.plan.SExpr.Lst;
import org.gyrus.logic.plan.SExpr.Sym;

/** Parses actions, conditions and effects against a {@link Scope}. */
final class Conditions {
  private Conditions() {}

  static Action action(Lst a, Scope scope) {
    if (a.size() < 2) {
      throw new SpecError(a.at(), "'(:action NAME :parameters (...) ...)'", "'" + a + "'");
    }
    String name = PddlParser.sym(a.get(1), "an action name");
    List<Typed> params = List.of();
    Cond pre = new Truth(true);
    List<Effect> effects = List.of();
    for (int i = 2; i < a.size(); i += 2) {
      String key = PddlParser.sym(a.get(i), "':parameters', ':precondition' or ':effect'");
      if (i + 1 >= a.size()) {
        throw new SpecError(a.get(i).at(), "a value after '" + key + "'", "end of the action");
      }
      SExpr v = a.get(i + 1);
      switch (key) {
        case ":parameters" -> {
          Lst l = PddlParser.list(v, "a parameter list '(?x - type ...)'");
          params = PddlParser.typedList(l.items(), true, "parameter");
          checkTypes(params, scope, l);
        }
        case ":precondition" -> pre = cond(v, scope.with(params));
        case ":effect" -> effects = effects(v, scope.with(params));
        default ->
            throw new SpecError(
                a.get(i).at(), "':parameters', ':precondition' or ':effect'", "'" + key + "'");
      }
    }
    return new Action(name, params, pre, effects, a.at());
  }

  static void checkTypes(List<Typed> vars, Scope scope, SExpr where) {
    for (Typed t : vars) {
      for (String ty : t.types()) {
        if (!scope.types().containsKey(ty)) {
          throw new SpecError(where.at(), "a type declared in :types", "'" + ty + "'");
        }
      }
    }
  }

  static Cond cond(SExpr e, Scope scope) {
    Lst l = PddlParser.list(e, "a condition '(...)'");
    if (l.size() == 0) {
      return new Truth(true);
    }
    String head = l.head();
    if (head == null) {
      throw new SpecError(l.at(), "a predicate or connective name", "'" + PddlParser.clip(l) + "'");
    }
    switch (head) {
      case "and":
        return new And(conds(l, 1, scope));
      case "or":
        return new Or(conds(l, 1, scope));
      case "not":
        arity(l, 1);
        return new Not(cond(l.get(1), scope));
      case "imply":
        arity(l, 2);
        return new Or(List.of(new Not(cond(l.get(1), scope)), cond(l.get(2), scope)));
      case "forall":
      case "exists":
        {
          arity(l, 2);
          Lst vl = PddlParser.list(l.get(1), "a variable list '(?x - type ...)'");
          List<Typed> vars = PddlParser.typedList(vl.items(), true, "variable");
          checkTypes(vars, scope, vl);
          return new Quant(head.equals("forall"), vars, cond(l.get(2), scope.with(vars)));
        }
      case "=":
        arity(l, 2);
        return new Eq(term(l.get(1), scope), term(l.get(2), scope));
      case "<":
      case ">":
      case "<=":
      case ">=":
        throw new SpecError(
            l.at(),
            "a propositional condition (numeric comparisons are not" + " supported)",
            "'" + head + "'");
      default:
        return atom(l, scope);
    }
  }

  private static List<Cond> conds(Lst l, int from, Scope scope) {
    List<Cond> out = new ArrayList<>();
    for (int i = from; i < l.size(); i++) {
      out.add(cond(l.get(i), scope));
    }
    return out;
  }

  private static void arity(Lst l, int n) {
    if (l.size() != n + 1) {
      throw new SpecError(
          l.at(),
          n + " argument" + (n == 1 ? "" : "s") + " for '" + l.head() + "'",
          (l.size() - 1) + " in '" + PddlParser.clip(l) + "'");
    }
  }

  static Atom atom(Lst l, Scope scope) {
    String pred = PddlParser.sym(l.size() == 0 ? l : l.get(0), "a predicate name");
    List<Typed> decl = scope.predicates().get(pred);
    if (decl == null) {
      throw new SpecError(l.at(), "a predicate declared in :predicates", "'" + pred + "'");
    }
    if (decl.size() != l.size() - 1) {
      throw new SpecError(
          l.at(),
          decl.size() + " arguments for '" + pred + "'",
          (l.size() - 1) + " in '" + PddlParser.clip(l) + "'");
    }
    List<String> args = new ArrayList<>();
    for (int i = 1; i < l.size(); i++) {
      args.add(term(l.get(i), scope));
    }
    return new Atom(pred, List.copyOf(args), l.at());
  }

  static String term(SExpr e, Scope scope) {
    String t = PddlParser.sym(e, "a variable or an object");
    if (t.startsWith("?")) {
      if (!scope.variables().contains(t)) {
        throw new SpecError(
            e.at(), "a variable bound by :parameters or a quantifier", "'" + t + "'");
      }
    } else if (!scope.constants().contains(t)) {
      throw new SpecError(e.at(), "a declared constant or object", "'" + t + "'");
    }
    return t;
  }

  static List<Effect> effects(SExpr e, Scope scope) {
    List<Effect> out = new ArrayList<>();
    effect(e, scope, out);
    return out;
  }

  private static void effect(SExpr e, Scope scope, List<Effect> out) {
    Lst l = PddlParser.list(e, "an effect '(...)'");
    if (l.size() == 0) {
      return;
    }
    String head = l.head();
    if (head == null) {
      throw new SpecError(l.at(), "an effect", "'" + PddlParser.clip(l) + "'");
    }
    switch (head) {
      case "and" -> {
        for (int i = 1; i < l.size(); i++) {
          effect(l.get(i), scope, out);
        }
      }
      case "not" -> {
        arity(l, 1);
        Lst inner = PddlParser.list(l.get(1), "an atom to delete");
        out.add(new Pddl.Lit(derivedCheck(atom(inner, scope), scope), false));
      }
      case "forall" -> {
        arity(l, 2);
        Lst vl = PddlParser.list(l.get(1), "a variable list '(?x - type ...)'");
        List<Typed> vars = PddlParser.typedList(vl.items(), true, "variable");
        checkTypes(vars, scope, vl);
        out.add(new Pddl.ForallEffect(vars, effects(l.get(2), scope.with(vars))));
      }
      case "when" -> {
        arity(l, 2);
        out.add(new Pddl.When(cond(l.get(1), scope), effects(l.get(2), scope)));
      }
      case "increase" -> out.add(increase(l, scope));
      case "decrease", "assign", "scale-up", "scale-down" ->
          throw new SpecError(
              l.at(), "a propositional effect or '(increase (total-cost) N)'", "'" + head + "'");
      default -> out.add(new Pddl.Lit(derivedCheck(atom(l, scope), scope), true));
    }
  }

  private static Atom derivedCheck(Atom a, Scope scope) {
    if (scope.derived().contains(a.pred())) {
      throw new SpecError(
          a.at(),
          "an effect on a basic predicate (derived predicates cannot be" + " changed by actions)",
          "'" + a.pred() + "'");
    }
    return a;
  }

  private static Pddl.Increase increase(Lst l, Scope scope) {
    arity(l, 2);
    if (!(l.get(1) instanceof Lst f) || !"total-cost".equals(f.head()) || f.size() != 1) {
      throw new SpecError(l.get(1).at(), "'(total-cost)'", "'" + PddlParser.clip(l.get(1)) + "'");
    }
    SExpr amount = l.get(2);
    if (amount instanceof Sym s) {
      try {
        double v = Double.parseDouble(s.text());
        if (v < 0) {
          throw new SpecError(s.at(), "a non-negative cost", s.text());
        }
        return new Pddl.Increase(new Pddl.Num(v));
      } catch (NumberFormatException ex) {
        throw new SpecError(s.at(), "a number or a function term", "'" + s.text() + "'");
      }
    }
    Lst fl = (Lst) amount;
    String fn = PddlParser.sym(fl.size() == 0 ? fl : fl.get(0), "a function name");
    Integer ar = scope.functions().get(fn);
    if (ar == null || ar != fl.size() - 1) {
      throw new SpecError(
          fl.at(), "a function declared in :functions with matching arity", "'" + fl + "'");
    }
    List<String> args = new ArrayList<>();
    for (int i = 1; i < fl.size(); i++) {
      args.add(term(fl.get(i), scope));
    }
    return new Pddl.Increase(new Pddl.Fn(fn, args, fl.at()));
  }
}
