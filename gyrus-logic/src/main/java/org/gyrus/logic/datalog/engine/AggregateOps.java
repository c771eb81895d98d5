package org.gyrus.logic.datalog.engine;

import java.util.HashSet;
import java.util.Set;
import org.gyrus.logic.datalog.DatalogError;
import org.gyrus.logic.datalog.engine.Exprs.Expr;
import org.gyrus.logic.datalog.engine.Ops.Op;

/** The operators of an aggregate: the inner plan's sink and the operator that binds the result. */
final class AggregateOps {
  private AggregateOps() {}

  /** Runs an aggregate's inner plan for the current bindings and binds its result. */
  static final class Aggregate extends Op {
    final String fn;
    final int resultReg;
    final Op inner;
    final Sink sink;
    final Symbols symbols;

    Aggregate(String fn, int resultReg, Op inner, Sink sink, Symbols symbols) {
      this.fn = fn;
      this.resultReg = resultReg;
      this.inner = inner;
      this.sink = sink;
      this.symbols = symbols;
    }

    @Override
    void exec(int[] regs) {
      sink.reset();
      inner.exec(regs);
      int result;
      if (fn.equals("count")) {
        result = symbols.intern((long) (sink.target == null ? sink.count : sink.distinct.size()));
      } else if (fn.equals("sum")) {
        result = symbols.intern(sink.sum);
      } else {
        if (sink.count == 0) {
          return;
        }
        result = sink.best;
      }
      regs[resultReg] = result;
      next.exec(regs);
    }
  }

  /** End of an aggregate's inner plan: accumulates. */
  static final class Sink extends Op {
    final String fn;
    final Expr target;
    final Symbols symbols;
    long count;
    long sum;
    int best;
    final Set<Integer> distinct = new HashSet<>();

    Sink(String fn, Expr target, Symbols symbols) {
      this.fn = fn;
      this.target = target;
      this.symbols = symbols;
    }

    void reset() {
      count = 0;
      sum = 0;
      best = -1;
      distinct.clear();
    }

    @Override
    void exec(int[] regs) {
      if (fn.equals("count")) {
        if (target == null) {
          count++;
        } else {
          distinct.add(target.eval(regs));
        }
        return;
      }
      int v = target.eval(regs);
      if (fn.equals("sum")) {
        try {
          sum = Math.addExact(sum, symbols.longValue(v, "sum"));
        } catch (ArithmeticException e) {
          throw new DatalogError("sum", "integer overflow");
        }
      } else if (count == 0
          || (fn.equals("min") ? symbols.compare(v, best) < 0 : symbols.compare(v, best) > 0)) {
        best = v;
      }
      count++;
    }
  }
}
