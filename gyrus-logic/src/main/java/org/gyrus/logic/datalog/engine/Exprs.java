package org.gyrus.logic.datalog.engine;

import org.gyrus.logic.datalog.DatalogError;

/** Compiled arithmetic over interned ids: registers, constants and checked 64-bit operations. */
final class Exprs {
  private Exprs() {}

  /** A compiled arithmetic expression yielding an interned id. */
  abstract static class Expr {
    final Symbols symbols;

    Expr(Symbols symbols) {
      this.symbols = symbols;
    }

    abstract int eval(int[] regs);
  }

  static final class RegExpr extends Expr {
    final int reg;

    RegExpr(Symbols s, int reg) {
      super(s);
      this.reg = reg;
    }

    @Override
    int eval(int[] regs) {
      return regs[reg];
    }
  }

  static final class ConstExpr extends Expr {
    final int id;

    ConstExpr(Symbols s, int id) {
      super(s);
      this.id = id;
    }

    @Override
    int eval(int[] regs) {
      return id;
    }
  }

  static final class BinExpr extends Expr {
    final char op;
    final Expr left;
    final Expr right;
    final String where;

    BinExpr(Symbols s, char op, Expr left, Expr right, String where) {
      super(s);
      this.op = op;
      this.left = left;
      this.right = right;
      this.where = where;
    }

    @Override
    int eval(int[] regs) {
      long a = symbols.longValue(left.eval(regs), where);
      long b = symbols.longValue(right.eval(regs), where);
      long r;
      try {
        r = apply(a, b);
      } catch (ArithmeticException e) {
        throw new DatalogError(where, "integer overflow in " + a + " " + op + " " + b);
      }
      return symbols.intern(r);
    }

    private long apply(long a, long b) {
      long r;
      switch (op) {
        case '+':
          r = Math.addExact(a, b);
          break;
        case '-':
          r = Math.subtractExact(a, b);
          break;
        case '*':
          r = Math.multiplyExact(a, b);
          break;
        default:
          if (b == 0) {
            throw new DatalogError(where, "division by zero");
          }
          r = op == '/' ? a / b : a % b;
          break;
      }
      return r;
    }
  }
}
