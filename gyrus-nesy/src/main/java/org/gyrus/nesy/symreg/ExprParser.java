package org.gyrus.nesy.symreg;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses formulas as written in dso_benchmarks.csv: infix {@code + - * / ^}, calls such as {@code
 * pow(x1,3)} or {@code div(a,b)} for any {@link Op}, numbers, {@code pi}, and variables {@code x1,
 * x2, ...}.
 */
public final class ExprParser {
  private final String text;
  private int pos;

  private ExprParser(String text) {
    this.text = text;
  }

  /** Parses {@code text}; throws IllegalArgumentException naming the offending position. */
  public static Expr parse(String text) {
    ExprParser p = new ExprParser(text);
    Expr e = p.sum();
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.error("end of formula");
    }
    return e;
  }

  private Expr sum() {
    Expr e = product();
    while (true) {
      if (eat('+')) {
        e = new Expr.Binary(Op.ADD, e, product());
      } else if (eat('-')) {
        e = new Expr.Binary(Op.SUB, e, product());
      } else {
        return e;
      }
    }
  }

  private Expr product() {
    Expr e = unary();
    while (true) {
      if (eat('*')) {
        e = new Expr.Binary(Op.MUL, e, unary());
      } else if (eat('/')) {
        e = new Expr.Binary(Op.DIV, e, unary());
      } else {
        return e;
      }
    }
  }

  private Expr unary() {
    if (eat('-')) {
      Expr arg = unary();
      return arg instanceof Expr.Const c ? new Expr.Const(-c.value()) : new Expr.Unary(Op.NEG, arg);
    }
    Expr base = atom();
    if (eat('^')) {
      return new Expr.Binary(Op.POW, base, unary());
    }
    return base;
  }

  private Expr atom() {
    skipSpace();
    if (eat('(')) {
      Expr e = sum();
      expect(')');
      return e;
    }
    int start = pos;
    if (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
      while (pos < text.length()
          && isNumberChar(text.charAt(pos), pos > start ? text.charAt(pos - 1) : ' ')) {
        pos++;
      }
      return new Expr.Const(Double.parseDouble(text.substring(start, pos)));
    }
    while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
      pos++;
    }
    String name = text.substring(start, pos);
    if (name.isEmpty()) {
      throw error("a number, variable, function call or '('");
    }
    if (name.equals("pi")) {
      return new Expr.Const(Math.PI);
    }
    if (name.matches("x[1-9][0-9]*")) {
      return new Expr.Var(Integer.parseInt(name.substring(1)) - 1);
    }
    Op op = Op.byToken(name);
    if (op == null) {
      pos = start;
      throw error("a known function (add, sub, mul, div, pow, sin, cos, exp, log, ...)");
    }
    return call(op);
  }

  private Expr call(Op op) {
    expect('(');
    List<Expr> args = new ArrayList<>();
    args.add(sum());
    while (eat(',')) {
      args.add(sum());
    }
    expect(')');
    if (args.size() != op.arity) {
      throw error(op.token + " with " + op.arity + " argument(s)");
    }
    return op.arity == 1
        ? new Expr.Unary(op, args.get(0))
        : new Expr.Binary(op, args.get(0), args.get(1));
  }

  private static boolean isNumberChar(char c, char previous) {
    return Character.isDigit(c)
        || c == '.'
        || c == 'e'
        || c == 'E'
        || ((c == '-' || c == '+') && (previous == 'e' || previous == 'E'));
  }

  private boolean eat(char c) {
    skipSpace();
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!eat(c)) {
      throw error("'" + c + "'");
    }
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String expected) {
    return new IllegalArgumentException(
        "formula '" + text + "' at column " + (pos + 1) + ": expected " + expected);
  }
}
