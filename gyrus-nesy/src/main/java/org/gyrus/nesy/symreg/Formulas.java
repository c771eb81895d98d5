package org.gyrus.nesy.symreg;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * SNIP's corpus: distinct random formulas of a library (programs drawn token by token under the
 * {@link Grammar}'s constraints), each with its values on random points of an input range chosen
 * per formula. Formulas are distinct by canonical form ({@link Canon}); ones that are not finite on
 * their points, nearly constant, or huge are left out.
 */
public final class Formulas {
  /** One formula with its data: {@code x[variable][point]}, {@code y[point]}. */
  public record Sample(int[] program, double[][] x, double[] y) {}

  /** An input range of every variable: points are drawn uniformly from [lo, hi]. */
  public record Range(double lo, double hi) {}

  private Formulas() {}

  /**
   * {@code n} samples over {@code lib} with programs of {@code minLen..maxLen} tokens and {@code
   * points} points each; {@code exclude} holds canonical keys not to draw (a held-out set's).
   */
  public static List<Sample> generate(
      Library lib,
      int n,
      int minLen,
      int maxLen,
      int points,
      List<Range> ranges,
      Set<String> exclude,
      Random rnd) {
    if (lib.hasFreeConst()) {
      throw new IllegalArgumentException("SNIP corpus: a library without free constants expected");
    }
    Grammar grammar = new Grammar(lib, minLen, maxLen, 0);
    Set<String> seen = new HashSet<>(exclude);
    List<Sample> out = new ArrayList<>(n);
    int attempts = 0;
    while (out.size() < n) {
      if (++attempts > 200 * n + 10_000) {
        throw new IllegalStateException(
            "SNIP corpus: only " + out.size() + " distinct usable formulas of " + n + " found");
      }
      int[] p = Regressor.uniform(grammar, rnd);
      Expr e = lib.toExpr(p, new double[0]);
      String key = key(e);
      if (key == null || seen.contains(key)) {
        continue;
      }
      Range r = ranges.get(rnd.nextInt(ranges.size()));
      double[][] x = new double[lib.variables][points];
      for (double[] col : x) {
        for (int i = 0; i < points; i++) {
          col[i] = r.lo() + (r.hi() - r.lo()) * rnd.nextDouble();
        }
      }
      double[] y = e.eval(x, points);
      if (usable(y)) {
        seen.add(key);
        out.add(new Sample(p, x, y));
      }
    }
    return out;
  }

  /** The canonical key of {@code e}, or null when the canonicaliser cannot handle it. */
  static String key(Expr e) {
    try {
      return Canon.of(e).key();
    } catch (RuntimeException ex) {
      return null;
    }
  }

  /** Finite, not nearly constant and not huge: values a data encoder can read. */
  static boolean usable(double[] y) {
    double mean = 0;
    for (double v : y) {
      if (!Double.isFinite(v) || Math.abs(v) > 1e6) {
        return false;
      }
      mean += v / y.length;
    }
    double var = 0;
    for (double v : y) {
      var += (v - mean) * (v - mean) / y.length;
    }
    return var > 1e-8 * Math.max(1, mean * mean);
  }
}
