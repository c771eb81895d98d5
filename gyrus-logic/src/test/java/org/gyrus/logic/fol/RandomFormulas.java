package org.gyrus.logic.fol;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random closed formulas over P/1, Q/1, R/2, constants a, b and equality (for property tests). */
final class RandomFormulas {
  private final Random rnd;
  private final boolean equality;
  private int varCount;

  RandomFormulas(long seed, boolean equality) {
    this.rnd = new Random(seed);
    this.equality = equality;
  }

  Formula next(int depth) {
    varCount = 0;
    return formula(depth, new ArrayList<>());
  }

  private Formula formula(int depth, List<Term.Var> scope) {
    int k = depth <= 0 ? 0 : rnd.nextInt(10);
    if (k <= 2) {
      return atom(scope);
    }
    if (k == 3) {
      return new Formula.Not(formula(depth - 1, scope));
    }
    if (k <= 5 && scope.size() < 2) {
      Term.Var v = new Term.Var("v" + (varCount++));
      List<Term.Var> inner = new ArrayList<>(scope);
      inner.add(v);
      return new Formula.Quant(rnd.nextBoolean(), v, formula(depth - 1, inner));
    }
    Formula.Conn op = Formula.Conn.values()[rnd.nextInt(Formula.Conn.values().length)];
    return new Formula.Bin(op, formula(depth - 1, scope), formula(depth - 1, scope));
  }

  private Term term(List<Term.Var> scope) {
    if (!scope.isEmpty() && rnd.nextInt(3) > 0) {
      return scope.get(rnd.nextInt(scope.size()));
    }
    return Term.Fn.constant(rnd.nextBoolean() ? "a" : "b");
  }

  private Formula atom(List<Term.Var> scope) {
    int k = rnd.nextInt(equality ? 4 : 3);
    return switch (k) {
      case 0 -> new Formula.Atom("P", List.of(term(scope)));
      case 1 -> new Formula.Atom("Q", List.of(term(scope)));
      case 2 -> new Formula.Atom("R", List.of(term(scope), term(scope)));
      default -> new Formula.Equal(term(scope), term(scope));
    };
  }
}
