package org.gyrus.nas.discover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Attributes score changes to motifs. Two estimates per motif: the mean change of a child's score
 * over its (first) parent's among the children that introduced the motif (what changed is what gets
 * the credit), and the coefficient of the motif's indicator in a ridge regression of every
 * completed candidate's score (the intercept unpenalised). Failures count against the motifs of the
 * failed program.
 */
public final class Analyst {
  private final double ridge;

  /** {@code ridge}: the L2 penalty of the regression, per completed candidate. */
  public Analyst(double ridge) {
    this.ridge = ridge;
  }

  public Analyst() {
    this(0.01);
  }

  public Memory analyse(Lineage lineage) {
    Map<String, int[]> counts = new HashMap<>(); // present, failed
    Map<String, List<Double>> gains = new HashMap<>();
    Map<String, List<Double>> removals = new HashMap<>();
    for (Lineage.Entry e : lineage.entries()) {
      for (String m : e.motifs()) {
        int[] c = counts.computeIfAbsent(m, k -> new int[2]);
        c[0]++;
        c[1] += e.failed() ? 1 : 0;
      }
      Lineage.Entry parent = parentOf(e, lineage);
      if (parent == null || !e.completed()) {
        continue;
      }
      double delta = e.score() - parent.score();
      for (String m : difference(e.motifs(), parent.motifs())) {
        gains.computeIfAbsent(m, k -> new ArrayList<>()).add(delta);
      }
      for (String m : difference(parent.motifs(), e.motifs())) {
        removals.computeIfAbsent(m, k -> new ArrayList<>()).add(delta);
      }
    }
    Map<String, Double> coef = regression(lineage.completed());
    Map<String, Memory.Stat> stats = new HashMap<>();
    for (var e : counts.entrySet()) {
      String m = e.getKey();
      List<Double> g = gains.getOrDefault(m, List.of());
      List<Double> r = removals.getOrDefault(m, List.of());
      stats.put(
          m,
          new Memory.Stat(
              m,
              e.getValue()[0],
              e.getValue()[1],
              g.size(),
              mean(g),
              r.size(),
              mean(r),
              coef.getOrDefault(m, 0.0)));
    }
    return new Memory(stats, lineage.size(), lineage.completed().size());
  }

  /** The completed first parent of a candidate, or null. */
  static Lineage.Entry parentOf(Lineage.Entry e, Lineage lineage) {
    if (e.candidate().parents().isEmpty()) {
      return null;
    }
    return lineage
        .get(e.candidate().parents().get(0))
        .filter(Lineage.Entry::completed)
        .orElse(null);
  }

  /** What one candidate's analysis records: its change over the parent and what it introduced. */
  public String explain(Lineage.Entry e, Lineage lineage, Memory memory) {
    Lineage.Entry parent = parentOf(e, lineage);
    StringBuilder b = new StringBuilder("{");
    if (parent != null && e.completed()) {
      b.append(
          String.format(
              Locale.ROOT,
              "\"parent\": %d, \"parent_score\": %.5f, \"delta\": %.5f, ",
              parent.number(),
              parent.score(),
              e.score() - parent.score()));
      b.append("\"introduced\": ").append(quoted(difference(e.motifs(), parent.motifs())));
      b.append(", \"removed\": ")
          .append(quoted(difference(parent.motifs(), e.motifs())))
          .append(", ");
    }
    return b.append("\"memory\": ").append(memory.toJson(5)).append('}').toString();
  }

  private static String quoted(Set<String> s) {
    List<String> q = new ArrayList<>();
    s.forEach(m -> q.add('"' + m + '"'));
    return q.toString();
  }

  static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> d = new TreeSet<>(a);
    d.removeAll(b);
    return d;
  }

  private static double mean(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  /** Ridge coefficients of the motif indicators (centred, so the intercept is free). */
  Map<String, Double> regression(List<Lineage.Entry> done) {
    List<String> names =
        new ArrayList<>(new TreeSet<>(done.stream().flatMap(e -> e.motifs().stream()).toList()));
    int n = done.size();
    int p = names.size();
    if (n < 2 || p == 0) {
      return Map.of();
    }
    double[][] x = new double[n][p];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = done.get(i).score();
      for (int j = 0; j < p; j++) {
        x[i][j] = done.get(i).motifs().contains(names.get(j)) ? 1 : 0;
      }
    }
    centre(x, y);
    double[][] a = new double[p][p];
    double[] rhs = new double[p];
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < p; k++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += x[i][j] * x[i][k];
        }
        a[j][k] = s + (j == k ? ridge * n : 0);
      }
      for (int i = 0; i < n; i++) {
        rhs[j] += x[i][j] * y[i];
      }
    }
    double[] beta = solve(a, rhs);
    Map<String, Double> out = new HashMap<>();
    for (int j = 0; j < p; j++) {
      out.put(names.get(j), beta[j]);
    }
    return out;
  }

  private static void centre(double[][] x, double[] y) {
    int n = y.length;
    double my = 0;
    for (double v : y) {
      my += v / n;
    }
    for (int i = 0; i < n; i++) {
      y[i] -= my;
    }
    for (int j = 0; j < x[0].length; j++) {
      double m = 0;
      for (double[] row : x) {
        m += row[j] / n;
      }
      for (double[] row : x) {
        row[j] -= m;
      }
    }
  }

  /** Gaussian elimination with partial pivoting; a singular direction gets 0. */
  static double[] solve(double[][] a, double[] b) {
    int p = b.length;
    double[][] m = new double[p][];
    for (int i = 0; i < p; i++) {
      m[i] = java.util.Arrays.copyOf(a[i], p + 1);
      m[i][p] = b[i];
    }
    for (int c = 0; c < p; c++) {
      int piv = c;
      for (int r = c + 1; r < p; r++) {
        piv = Math.abs(m[r][c]) > Math.abs(m[piv][c]) ? r : piv;
      }
      double[] t = m[c];
      m[c] = m[piv];
      m[piv] = t;
      if (Math.abs(m[c][c]) < 1e-12) {
        continue;
      }
      for (int r = 0; r < p; r++) {
        if (r != c) {
          double f = m[r][c] / m[c][c];
          for (int k = c; k <= p; k++) {
            m[r][k] -= f * m[c][k];
          }
        }
      }
    }
    double[] x = new double[p];
    for (int i = 0; i < p; i++) {
      x[i] = Math.abs(m[i][i]) < 1e-12 ? 0 : m[i][p] / m[i][i];
    }
    return x;
  }
}
