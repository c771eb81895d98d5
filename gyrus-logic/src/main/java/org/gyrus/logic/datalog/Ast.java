package org.gyrus.logic.datalog;

import java.util.List;
import java.util.Set;

/** The syntax tree of a Datalog program: immutable records, one per construct. */
public final class Ast {
  private Ast() {}

  /** A term: a variable or a constant (a {@link Long} or a {@link String}). */
  public sealed interface Term permits Var, Const {}

  /** A variable; {@code _} is anonymous (each occurrence is distinct). */
  public record Var(String name) implements Term {
    public boolean anonymous() {
      return name.startsWith("_");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A constant: a {@link Long} integer or a {@link String} symbol. */
  public record Const(Object value) implements Term {
    @Override
    public String toString() {
      return Ast.show(value);
    }
  }

  /** An arithmetic expression over terms. */
  public sealed interface Expr permits TermExpr, BinExpr {}

  /** An expression that is one term. */
  public record TermExpr(Term term) implements Expr {
    @Override
    public String toString() {
      return term.toString();
    }
  }

  /** {@code left op right} with op one of + - * / %. */
  public record BinExpr(char op, Expr left, Expr right) implements Expr {
    @Override
    public String toString() {
      return "(" + left + " " + op + " " + right + ")";
    }
  }

  /** {@code pred(args)}. */
  public record Atom(String pred, List<Term> args) {
    public String key() {
      return pred + "/" + args.size();
    }

    @Override
    public String toString() {
      if (args.isEmpty()) {
        return pred;
      }
      StringBuilder sb = new StringBuilder(pred).append('(');
      for (int i = 0; i < args.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(args.get(i));
      }
      return sb.append(')').toString();
    }
  }

  /** One element of a rule body. */
  public sealed interface Literal permits Positive, Negated, Comparison, Aggregate {}

  /** A positive atom. */
  public record Positive(Atom atom) implements Literal {
    @Override
    public String toString() {
      return atom.toString();
    }
  }

  /** {@code !atom}: true when the atom is not derivable (stratified). */
  public record Negated(Atom atom) implements Literal {
    @Override
    public String toString() {
      return "!" + atom;
    }
  }

  /**
   * {@code left op right}, op one of {@code = != < <= > >=}; {@code X = expr} binds X when unbound.
   */
  public record Comparison(String op, Expr left, Expr right) implements Literal {
    @Override
    public String toString() {
      return left + " " + op + " " + right;
    }
  }

  /**
   * {@code Result = fn [target] : { body }}: fn is count, sum, min or max. Body variables that also
   * occur outside the aggregate group it; the others are local to it.
   */
  public record Aggregate(Var result, String fn, Expr target, List<Literal> body)
      implements Literal {
    public static final Set<String> FUNCTIONS = Set.of("count", "sum", "min", "max");

    @Override
    public String toString() {
      return result
          + " = "
          + fn
          + (target == null ? "" : " " + target)
          + " : { "
          + String.join(", ", body.stream().map(Object::toString).toList())
          + " }";
    }
  }

  /**
   * A rule or, with an empty body, a fact. {@code tag} is the optional input probability ({@code
   * 0.9::edge(a, b).}), {@code where} the file:line:column it starts at.
   */
  public record Rule(Atom head, List<Literal> body, Double tag, String where) {
    public boolean isFact() {
      return body.isEmpty();
    }

    @Override
    public String toString() {
      String t = tag == null ? "" : tag + "::";
      if (body.isEmpty()) {
        return t + head + ".";
      }
      return t
          + head
          + " :- "
          + String.join(", ", body.stream().map(Object::toString).toList())
          + ".";
    }
  }

  /** A parsed program: rules (facts included) and the queries written as {@code ?- atom.} */
  public record Program(List<Rule> rules, List<Atom> queries) {}

  /** Prints a constant the way the parser reads it back. */
  public static String show(Object value) {
    if (value instanceof Long) {
      return value.toString();
    }
    String s = (String) value;
    if (s.matches("[a-z][A-Za-z0-9_]*")) {
      return s;
    }
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
