package org.gyrus.nn.train;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Limited-memory BFGS with a strong-Wolfe line search (Nocedal and Wright, Alg. 7.4 and 3.5/3.6),
 * over a flat parameter vector. Full-batch: meant for small models fitted to a fixed data set, as
 * pykan trains KANs. Stops after {@code maxIter} iterations or when the step or gradient vanishes.
 */
public final class Lbfgs {
  /** Loss at w, with its gradient written into grad. */
  public interface Objective {
    double value(double[] w, double[] grad);
  }

  private static final double C1 = 1e-4;
  private static final double C2 = 0.9;
  private final int history;
  private int evaluations;

  public Lbfgs(int history) {
    this.history = history;
  }

  public int evaluations() {
    return evaluations;
  }

  /** Minimises f from w (updated in place); returns the final loss. */
  public double minimise(Objective f, double[] w, int maxIter) {
    int n = w.length;
    double[] g = new double[n];
    double fx = eval(f, w, g);
    Deque<double[][]> mem = new ArrayDeque<>();
    for (int it = 0; it < maxIter; it++) {
      if (maxAbs(g) <= 1e-15 || !Double.isFinite(fx)) {
        break;
      }
      double[] d = direction(g, mem);
      double gd = dot(g, d);
      if (gd >= 0) { // not a descent direction: restart from steepest descent
        mem.clear();
        d = scale(g, -1);
        gd = dot(g, d);
      }
      double a0 = mem.isEmpty() ? Math.min(1, 1 / sum(g)) : 1;
      double[] wNew = new double[n];
      double[] gNew = new double[n];
      double fNew = lineSearch(f, w, fx, g, d, gd, a0, wNew, gNew);
      if (!(fNew <= fx)) {
        break;
      }
      double[] s = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        s[i] = wNew[i] - w[i];
        y[i] = gNew[i] - g[i];
      }
      double ys = dot(y, s);
      if (ys > 1e-12 * Math.sqrt(dot(y, y) * dot(s, s))) {
        mem.addLast(new double[][] {s, y, {1 / ys}});
        if (mem.size() > history) {
          mem.removeFirst();
        }
      }
      double change = Math.abs(fNew - fx);
      System.arraycopy(wNew, 0, w, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      fx = fNew;
      if (maxAbs(s) <= 1e-15 || change <= 1e-18 * Math.max(1, Math.abs(fx))) {
        break;
      }
    }
    return fx;
  }

  private double eval(Objective f, double[] w, double[] g) {
    evaluations++;
    return f.value(w, g);
  }

  /** Two-loop recursion: -H g from the stored (s, y) pairs. */
  private static double[] direction(double[] g, Deque<double[][]> mem) {
    double[] q = g.clone();
    double[] alpha = new double[mem.size()];
    var desc = mem.descendingIterator();
    for (int i = mem.size() - 1; desc.hasNext(); i--) {
      double[][] p = desc.next();
      alpha[i] = p[2][0] * dot(p[0], q);
      axpy(-alpha[i], p[1], q);
    }
    if (!mem.isEmpty()) {
      double[][] last = mem.getLast();
      double gamma = dot(last[0], last[1]) / dot(last[1], last[1]);
      for (int i = 0; i < q.length; i++) {
        q[i] *= gamma;
      }
    }
    int i = 0;
    for (double[][] p : mem) {
      double beta = p[2][0] * dot(p[1], q);
      axpy(alpha[i] - beta, p[0], q);
      i++;
    }
    return scale(q, -1);
  }

  /** Strong-Wolfe search along d; writes the accepted point and gradient, returns its loss. */
  private double lineSearch(
      Objective f,
      double[] w,
      double f0,
      double[] g0,
      double[] d,
      double gd0,
      double a1,
      double[] wOut,
      double[] gOut) {
    double aPrev = 0;
    double fPrev = f0;
    double gdPrev = gd0;
    double a = a1;
    for (int i = 0; i < 25; i++) {
      double fa = at(f, w, d, a, wOut, gOut);
      double gda = dot(gOut, d);
      if (fa > f0 + C1 * a * gd0 || (i > 0 && fa >= fPrev)) {
        return zoom(f, w, f0, gd0, d, aPrev, fPrev, gdPrev, a, fa, gda, wOut, gOut);
      }
      if (Math.abs(gda) <= -C2 * gd0) {
        return fa;
      }
      if (gda >= 0) {
        return zoom(f, w, f0, gd0, d, a, fa, gda, aPrev, fPrev, gdPrev, wOut, gOut);
      }
      aPrev = a;
      fPrev = fa;
      gdPrev = gda;
      a *= 2;
    }
    return at(f, w, d, aPrev, wOut, gOut);
  }

  private double zoom(
      Objective f,
      double[] w,
      double f0,
      double gd0,
      double[] d,
      double lo,
      double flo,
      double gdlo,
      double hi,
      double fhi,
      double gdhi,
      double[] wOut,
      double[] gOut) {
    for (int i = 0; i < 25; i++) {
      double a = cubicMin(lo, flo, gdlo, hi, fhi, gdhi);
      double fa = at(f, w, d, a, wOut, gOut);
      double gda = dot(gOut, d);
      if (fa > f0 + C1 * a * gd0 || fa >= flo) {
        hi = a;
        fhi = fa;
        gdhi = gda;
      } else {
        if (Math.abs(gda) <= -C2 * gd0) {
          return fa;
        }
        if (gda * (hi - lo) >= 0) {
          hi = lo;
          fhi = flo;
          gdhi = gdlo;
        }
        lo = a;
        flo = fa;
        gdlo = gda;
      }
      if (Math.abs(hi - lo) < 1e-12 * Math.max(1, Math.abs(lo))) {
        break;
      }
    }
    return at(f, w, d, lo, wOut, gOut);
  }

  /** Minimiser of the cubic through both ends, kept inside the middle 80% of the bracket. */
  private static double cubicMin(double a, double fa, double ga, double b, double fb, double gb) {
    double d1 = ga + gb - 3 * (fa - fb) / (a - b);
    double disc = d1 * d1 - ga * gb;
    double lo = Math.min(a, b);
    double hi = Math.max(a, b);
    double x;
    if (disc >= 0) {
      double d2 = Math.signum(b - a) * Math.sqrt(disc);
      x = b - (b - a) * ((gb + d2 - d1) / (gb - ga + 2 * d2));
    } else {
      x = (lo + hi) / 2;
    }
    double margin = 0.1 * (hi - lo);
    if (!Double.isFinite(x) || x < lo + margin || x > hi - margin) {
      x = (lo + hi) / 2;
    }
    return x;
  }

  private double at(Objective f, double[] w, double[] d, double a, double[] wOut, double[] gOut) {
    for (int i = 0; i < w.length; i++) {
      wOut[i] = w[i] + a * d[i];
    }
    return eval(f, wOut, gOut);
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double sum(double[] a) {
    double s = 0;
    for (double v : a) {
      s += Math.abs(v);
    }
    return s;
  }

  private static double maxAbs(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  private static void axpy(double k, double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] += k * x[i];
    }
  }

  private static double[] scale(double[] a, double k) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = k * a[i];
    }
    return r;
  }
}
