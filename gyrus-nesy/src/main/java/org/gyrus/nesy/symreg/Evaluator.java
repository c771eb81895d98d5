package org.gyrus.nesy.symreg;

import java.util.ArrayDeque;

/** Evaluates prefix programs over one data set with reusable buffers (one per thread). */
public final class Evaluator {
  private final Library lib;
  private final double[][] x;
  private final double[] y;
  private final int n;
  private final double yMean;
  private final double yVar;
  private final ArrayDeque<double[]> free = new ArrayDeque<>();
  private final double[][] stack = new double[128][];

  public Evaluator(Library lib, double[][] x, double[] y) {
    this.lib = lib;
    this.x = x;
    this.y = y;
    this.n = y.length;
    double m = 0;
    for (double v : y) {
      m += v;
    }
    yMean = m / n;
    double s = 0;
    for (double v : y) {
      s += (v - yMean) * (v - yMean);
    }
    yVar = Math.max(s / n, 1e-300);
  }

  public int rows() {
    return n;
  }

  public double[] targets() {
    return y;
  }

  /** Predictions in a fresh array, or null if any is not finite. */
  public double[] predict(int[] p, double[] consts) {
    double[] out = run(p, consts);
    double[] copy = out.clone();
    free.push(out);
    for (double v : copy) {
      if (!Double.isFinite(v)) {
        return null;
      }
    }
    return copy;
  }

  /** Normalised mean squared error (MSE / Var(y), = 1 - R²); +inf when invalid. */
  public double nmse(int[] p, double[] consts) {
    double[] out = run(p, consts);
    double s = 0;
    for (int i = 0; i < n; i++) {
      double d = out[i] - y[i];
      s += d * d;
    }
    free.push(out);
    return Double.isFinite(s) ? s / n / yVar : Double.POSITIVE_INFINITY;
  }

  /**
   * Runs the program; an intermediate inf or NaN poisons the result (set to NaN), so that e.g.
   * exp(x/(x - x)) cannot pass as a finite formula through 1/inf = 0.
   */
  private double[] run(int[] p, double[] consts) {
    int top = 0;
    boolean poisoned = false;
    int c = lib.countConsts(p);
    for (int i = p.length - 1; i >= 0; i--) {
      Library.Token t = lib.token(p[i]);
      if (t.op() == null) {
        double[] b = buffer();
        if (t.var() >= 0) {
          System.arraycopy(x[t.var()], 0, b, 0, n);
        } else {
          java.util.Arrays.fill(b, t.freeConst() ? consts[--c] : t.value());
        }
        stack[top++] = b;
      } else if (t.arity() == 1) {
        t.op().apply(stack[top - 1], stack[top - 1]);
        poisoned |= !allFinite(stack[top - 1]);
      } else {
        double[] a = stack[--top];
        double[] b = stack[--top];
        t.op().apply(a, b, a);
        free.push(b);
        stack[top++] = a;
        poisoned |= !allFinite(a);
      }
    }
    if (poisoned) {
      java.util.Arrays.fill(stack[0], Double.NaN);
    }
    return stack[0];
  }

  private static boolean allFinite(double[] v) {
    for (double d : v) {
      if (!Double.isFinite(d)) {
        return false;
      }
    }
    return true;
  }

  private double[] buffer() {
    double[] b = free.poll();
    return b != null ? b : new double[n];
  }
}
