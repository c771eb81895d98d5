package org.gyrus.nesy.symreg;

import java.util.Locale;

/** An immutable formula spec: constants, variables (0-based; printed x1, x2, ...) and operators. */
public sealed interface Expr permits Expr.Const, Expr.Var, Expr.Unary, Expr.Binary {

  /** Number of nodes, the complexity measure used for penalties and reports. */
  int size();

  /** Values at every row of {@code columns} (one array per variable, all the same length). */
  double[] eval(double[][] columns, int rows);

  record Const(double value) implements Expr {
    @Override
    public int size() {
      return 1;
    }

    @Override
    public double[] eval(double[][] columns, int rows) {
      double[] out = new double[rows];
      java.util.Arrays.fill(out, value);
      return out;
    }

    @Override
    public String toString() {
      return formatNumber(value);
    }
  }

  record Var(int index) implements Expr {
    @Override
    public int size() {
      return 1;
    }

    @Override
    public double[] eval(double[][] columns, int rows) {
      return columns[index].clone();
    }

    @Override
    public String toString() {
      return "x" + (index + 1);
    }
  }

  record Unary(Op op, Expr arg) implements Expr {
    public Unary {
      if (op.arity != 1) {
        throw new IllegalArgumentException(op + " is not unary");
      }
    }

    @Override
    public int size() {
      return 1 + arg.size();
    }

    @Override
    public double[] eval(double[][] columns, int rows) {
      double[] a = arg.eval(columns, rows);
      op.apply(a, a);
      return a;
    }

    @Override
    public String toString() {
      if (op == Op.NEG) {
        return "(-" + arg + ")";
      }
      return op.token + "(" + arg + ")";
    }
  }

  record Binary(Op op, Expr left, Expr right) implements Expr {
    public Binary {
      if (op.arity != 2) {
        throw new IllegalArgumentException(op + " is not binary");
      }
    }

    @Override
    public int size() {
      return 1 + left.size() + right.size();
    }

    @Override
    public double[] eval(double[][] columns, int rows) {
      double[] a = left.eval(columns, rows);
      double[] b = right.eval(columns, rows);
      op.apply(a, b, a);
      return a;
    }

    @Override
    public String toString() {
      switch (op) {
        case ADD:
          return "(" + left + " + " + right + ")";
        case SUB:
          return "(" + left + " - " + right + ")";
        case MUL:
          return left + "*" + right;
        case DIV:
          return left + "/" + wrap(right);
        default:
          return op.token + "(" + left + ", " + right + ")";
      }
    }

    private static String wrap(Expr e) {
      return e instanceof Binary b && (b.op == Op.MUL || b.op == Op.DIV) ? "(" + e + ")" : "" + e;
    }
  }

  /**
   * Full-precision call syntax ({@code add(x1,mul(2.5,x2))}) that {@link ExprParser} reads back.
   */
  static String exact(Expr e) {
    if (e instanceof Const c) {
      return Double.toString(c.value());
    }
    if (e instanceof Var v) {
      return v.toString();
    }
    if (e instanceof Unary u) {
      return u.op().token + "(" + exact(u.arg()) + ")";
    }
    Binary b = (Binary) e;
    return b.op().token + "(" + exact(b.left()) + "," + exact(b.right()) + ")";
  }

  static String formatNumber(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.6g", v).replaceAll("0+(e|$)", "$1").replace(".e", "e");
  }
}
