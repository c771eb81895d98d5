package org.gyrus.nesy.symreg;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens a search may use: operators, the input variables, a free constant (fitted per
 * candidate) and fixed numbers. Programs are prefix token arrays over a library.
 */
public final class Library {
  /** What a token is; exactly one of op / var / value applies (const has none). */
  public record Token(String name, Op op, int var, double value, boolean freeConst) {
    public int arity() {
      return op == null ? 0 : op.arity;
    }
  }

  private final List<Token> tokens;
  public final int variables;

  private Library(List<Token> tokens, int variables) {
    this.tokens = List.copyOf(tokens);
    this.variables = variables;
  }

  /**
   * A library from a DSO function-set list such as {@code "add,sub,mul,div,sin,cos,exp,log,const"}
   * ("const": a fitted constant; numbers: fixed constants) and {@code variables} inputs.
   */
  public static Library parse(String functionSet, int variables) {
    List<Token> t = new ArrayList<>();
    for (int i = 0; i < variables; i++) {
      t.add(new Token("x" + (i + 1), null, i, 0, false));
    }
    for (String raw : functionSet.split(",")) {
      String name = raw.trim();
      if (name.isEmpty()) {
        continue;
      }
      Op op = Op.byToken(name);
      if (op != null) {
        t.add(new Token(name, op, -1, 0, false));
      } else if (name.equals("const")) {
        t.add(new Token("const", null, -1, 0, true));
      } else if (name.matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?")) {
        t.add(new Token(name, null, -1, Double.parseDouble(name), false));
      } else {
        throw new IllegalArgumentException(
            "function set entry '" + name + "': expected an operator, const or a number");
      }
    }
    return new Library(t, variables);
  }

  /** The same operators and constants over {@code n} inputs x1..xn instead. */
  public Library withVariables(int n) {
    List<Token> t = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      t.add(new Token("x" + (i + 1), null, i, 0, false));
    }
    for (Token token : tokens) {
      if (token.var() < 0) {
        t.add(token);
      }
    }
    return new Library(t, n);
  }

  public int size() {
    return tokens.size();
  }

  public Token token(int i) {
    return tokens.get(i);
  }

  public int arity(int i) {
    return tokens.get(i).arity();
  }

  public boolean hasFreeConst() {
    return tokens.stream().anyMatch(Token::freeConst);
  }

  /** The index of the token named {@code name}, or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** End (exclusive) of the subtree starting at {@code start} in prefix array {@code p}. */
  public int subtreeEnd(int[] p, int start) {
    int need = 1;
    int i = start;
    while (need > 0) {
      need += arity(p[i]) - 1;
      i++;
    }
    return i;
  }

  public int countConsts(int[] p) {
    int n = 0;
    for (int t : p) {
      if (tokens.get(t).freeConst()) {
        n++;
      }
    }
    return n;
  }

  /** The formula for a program, free constants taken in order from {@code consts}. */
  public Expr toExpr(int[] p, double[] consts) {
    int[] pos = {0, 0};
    return build(p, consts, pos);
  }

  private Expr build(int[] p, double[] consts, int[] pos) {
    Token t = tokens.get(p[pos[0]++]);
    if (t.op() == null) {
      if (t.var() >= 0) {
        return new Expr.Var(t.var());
      }
      return new Expr.Const(t.freeConst() ? consts[pos[1]++] : t.value());
    }
    Expr a = build(p, consts, pos);
    return t.arity() == 1
        ? new Expr.Unary(t.op(), a)
        : new Expr.Binary(t.op(), a, build(p, consts, pos));
  }
}
