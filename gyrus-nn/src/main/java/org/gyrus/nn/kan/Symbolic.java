package org.gyrus.nn.kan;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * Fits a library function to one edge: φ(x) ≈ a·f(b·x + c) + d, by a grid search over (b, c) with
 * (a, d) solved by linear least squares at each point, then four finer grids around the best (as
 * pykan's {@code fit_params}). Among fits with R² ≥ {@link #GOOD}, the simplest function wins.
 */
public final class Symbolic {
  /** R² at which a fit counts as exact enough to prefer a simpler function. */
  public static final double GOOD = 0.9999;

  /** A library function with its complexity (pykan's ordering). */
  public record Fn(String name, int complexity, DoubleUnaryOperator f) {}

  public static final List<Fn> LIBRARY =
      List.of(
          new Fn("x", 1, x -> x),
          new Fn("x^2", 2, x -> x * x),
          new Fn("x^3", 3, x -> x * x * x),
          new Fn("x^4", 3, x -> x * x * x * x),
          new Fn("exp", 2, Math::exp),
          new Fn("sin", 2, Math::sin),
          new Fn("tanh", 3, Math::tanh),
          new Fn("sqrt", 2, x -> Math.sqrt(Math.abs(x))),
          new Fn("abs", 3, Math::abs));

  /** a·f(b·x + c) + d with its R² on the samples. */
  public record Fit(Fn fn, double a, double b, double c, double d, double r2) {
    public double apply(double x) {
      return a * fn.f().applyAsDouble(b * x + c) + d;
    }

    /** The formula with {@code arg} as the argument, 4 significant digits. */
    public String format(String arg) {
      String inner =
          fn.name().equals("x") ? arg : String.format(Locale.ROOT, "%s(%s)", fn.name(), lin(arg));
      if (fn.name().startsWith("x^")) {
        inner = String.format(Locale.ROOT, "(%s)^%s", lin(arg), fn.name().substring(2));
      }
      if (fn.name().equals("x")) {
        return String.format(Locale.ROOT, "%.4g*%s + %.4g", a * b, arg, a * c + d);
      }
      return String.format(Locale.ROOT, "%.4g*%s + %.4g", a, inner, d);
    }

    private String lin(String arg) {
      return c == 0
          ? String.format(Locale.ROOT, "%.4g*%s", b, arg)
          : String.format(Locale.ROOT, "%.4g*%s %+.4g", b, arg, c);
    }
  }

  private Symbolic() {}

  /** The preferred fit of φ (samples ys at xs) over the library. */
  public static Fit best(double[] xs, double[] ys) {
    Fit best = null;
    Fit simplestGood = null;
    for (Fn fn : LIBRARY) {
      Fit f = fit(fn, xs, ys);
      if (best == null || f.r2() > best.r2()) {
        best = f;
      }
      if (f.r2() >= GOOD
          && (simplestGood == null || fn.complexity() < simplestGood.fn().complexity())) {
        simplestGood = f;
      }
    }
    return simplestGood != null ? simplestGood : best;
  }

  /** Best a·fn(b·x+c)+d: coarse 51×51 grid on [-10,10]², then four 21×21 zooms. */
  public static Fit fit(Fn fn, double[] xs, double[] ys) {
    double bLo = -10;
    double bHi = 10;
    double cLo = -10;
    double cHi = 10;
    Fit best = null;
    int pts = 51;
    for (int level = 0; level < 5; level++) {
      for (int i = 0; i < pts; i++) {
        double b = bLo + (bHi - bLo) * i / (pts - 1);
        for (int j = 0; j < pts; j++) {
          double c = cLo + (cHi - cLo) * j / (pts - 1);
          Fit f = linear(fn, b, c, xs, ys);
          if (best == null || f.r2() > best.r2()) {
            best = f;
          }
        }
      }
      double db = 2 * (bHi - bLo) / (pts - 1);
      double dc = 2 * (cHi - cLo) / (pts - 1);
      bLo = best.b() - db;
      bHi = best.b() + db;
      cLo = best.c() - dc;
      cHi = best.c() + dc;
      pts = 21;
    }
    return best;
  }

  /** For fixed (b, c): a and d by least squares; R² of the result. */
  static Fit linear(Fn fn, double b, double c, double[] xs, double[] ys) {
    int n = xs.length;
    double su = 0;
    double sy = 0;
    double suu = 0;
    double suy = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double u = fn.f().applyAsDouble(b * xs[i] + c);
      if (!Double.isFinite(u)) {
        return new Fit(fn, 0, b, c, 0, Double.NEGATIVE_INFINITY);
      }
      su += u;
      sy += ys[i];
      suu += u * u;
      suy += u * ys[i];
      syy += ys[i] * ys[i];
    }
    double varU = suu - su * su / n;
    double varY = syy - sy * sy / n;
    double cov = suy - su * sy / n;
    if (varU <= 1e-300 || varY <= 1e-300) {
      return new Fit(fn, 0, b, c, sy / n, varY <= 1e-300 ? 1 : 0);
    }
    double a = cov / varU;
    double d = (sy - a * su) / n;
    double r2 = cov * cov / (varU * varY);
    return new Fit(fn, a, b, c, d, r2);
  }
}
