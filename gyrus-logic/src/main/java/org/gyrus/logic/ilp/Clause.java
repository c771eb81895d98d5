package org.gyrus.logic.ilp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gyrus.logic.datalog.Ast;

/**
 * A hypothesis clause {@code head(V0..Vk) :- body}: variables are ints numbered by first
 * appearance, the head's arguments are 0..arity-1.
 */
public record Clause(Bias.Pred head, List<Literal> body) {
  /** A body literal; {@code recursive} when it calls the head predicate. */
  public record Literal(Bias.Pred pred, int[] vars, boolean recursive) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Literal l && l.pred.equals(pred) && Arrays.equals(l.vars, vars);
    }

    @Override
    public int hashCode() {
      return pred.hashCode() * 31 + Arrays.hashCode(vars);
    }

    String show() {
      StringBuilder sb = new StringBuilder(pred.name()).append('(');
      for (int i = 0; i < vars.length; i++) {
        sb.append(i == 0 ? "" : ",").append(varName(vars[i]));
      }
      return sb.append(')').toString();
    }
  }

  public Clause {
    body = List.copyOf(body);
  }

  public boolean recursive() {
    return body.stream().anyMatch(Literal::recursive);
  }

  /** Literals in the body (Popper's size counts the head too: {@code size() + 1}). */
  public int size() {
    return body.size();
  }

  static String varName(int v) {
    return v < 26 ? String.valueOf((char) ('A' + v)) : "V" + v;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(head.name()).append('(');
    for (int i = 0; i < head.arity(); i++) {
      sb.append(i == 0 ? "" : ",").append(varName(i));
    }
    sb.append("):- ");
    for (int i = 0; i < body.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(body.get(i).show());
    }
    return sb.append('.').toString();
  }

  /** The clause as a Datalog rule for the engine. */
  public Ast.Rule toDatalog() {
    List<Ast.Term> headArgs = new ArrayList<>();
    for (int i = 0; i < head.arity(); i++) {
      headArgs.add(new Ast.Var(varName(i)));
    }
    List<Ast.Literal> lits = new ArrayList<>();
    for (Literal l : body) {
      List<Ast.Term> args = new ArrayList<>();
      for (int v : l.vars()) {
        args.add(new Ast.Var(varName(v)));
      }
      lits.add(new Ast.Positive(new Ast.Atom(l.pred().name(), args)));
    }
    return new Ast.Rule(new Ast.Atom(head.name(), headArgs), lits, null, "hypothesis");
  }
}
