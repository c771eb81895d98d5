package org.gyrus.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Pareto dominance over objective vectors oriented so that larger is better in every coordinate
 * ({@link History#oriented}): non-dominated sorting (Deb et al. 2002), Deb's constraint domination,
 * crowding distance, and the exact hypervolume (slicing objectives, Zitzler's HSO).
 */
public final class Pareto {
  private Pareto() {}

  /** Whether {@code a} is at least as good as {@code b} everywhere and better somewhere. */
  public static boolean dominates(double[] a, double[] b) {
    boolean better = false;
    for (int i = 0; i < a.length; i++) {
      if (a[i] < b[i]) {
        return false;
      }
      better |= a[i] > b[i];
    }
    return better;
  }

  /**
   * The indices of the points no other point dominates, in input order. Sorting lexicographically
   * first means a later point never dominates an earlier one, so each point is checked only against
   * the front kept so far.
   */
  public static List<Integer> front(double[][] points) {
    Integer[] order = new Integer[points.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, lexicographicDescending(points));
    List<Integer> kept = new ArrayList<>();
    for (int i : order) {
      boolean dominated = false;
      for (int k : kept) {
        if (dominates(points[k], points[i])) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        kept.add(i);
      }
    }
    kept.sort(null);
    return kept;
  }

  private static Comparator<Integer> lexicographicDescending(double[][] p) {
    return (x, y) -> {
      for (int d = 0; d < p[x].length; d++) {
        int c = Double.compare(p[y][d], p[x][d]);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }

  /** Each point's non-domination rank: 0 for the first front, 1 for the next, ... */
  public static int[] ranks(double[][] points) {
    int n = points.length;
    int[] dominatedBy = new int[n];
    List<List<Integer>> dominates = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      dominates.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (dominates(points[i], points[j])) {
          dominates.get(i).add(j);
          dominatedBy[j]++;
        } else if (dominates(points[j], points[i])) {
          dominates.get(j).add(i);
          dominatedBy[i]++;
        }
      }
    }
    int[] rank = new int[n];
    List<Integer> current = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (dominatedBy[i] == 0) {
        current.add(i);
      }
    }
    for (int r = 0; !current.isEmpty(); r++) {
      List<Integer> next = new ArrayList<>();
      for (int i : current) {
        rank[i] = r;
        for (int j : dominates.get(i)) {
          if (--dominatedBy[j] == 0) {
            next.add(j);
          }
        }
      }
      current = next;
    }
    return rank;
  }

  /**
   * Ranks under Deb's constraint domination: a feasible point (violation 0) beats an infeasible
   * one, two feasible points compare by Pareto dominance, two infeasible ones by their violation.
   * Feasible points take their non-domination ranks; infeasible ones follow, one rank per distinct
   * violation, smallest first.
   */
  public static int[] constrainedRanks(double[][] points, double[] violation) {
    int n = points.length;
    List<Integer> feasible = new ArrayList<>();
    List<Integer> infeasible = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      (violation[i] == 0 ? feasible : infeasible).add(i);
    }
    double[][] fp = new double[feasible.size()][];
    for (int k = 0; k < fp.length; k++) {
      fp[k] = points[feasible.get(k)];
    }
    int[] fr = ranks(fp);
    int[] rank = new int[n];
    int next = 0;
    for (int k = 0; k < fr.length; k++) {
      rank[feasible.get(k)] = fr[k];
      next = Math.max(next, fr[k] + 1);
    }
    infeasible.sort(Comparator.comparingDouble(i -> violation[i]));
    double last = Double.NaN;
    for (int i : infeasible) {
      if (!Double.isNaN(last) && Double.compare(violation[i], last) != 0) {
        next++;
      }
      rank[i] = next;
      last = violation[i];
    }
    return rank;
  }

  /**
   * Crowding distance of each member of one front (indices into {@code points}): for every
   * objective, the normalised gap between its neighbours; the extremes are infinite.
   */
  public static double[] crowding(double[][] points, List<Integer> members) {
    int m = members.size();
    double[] dist = new double[m];
    if (m == 0) {
      return dist;
    }
    int dims = points[members.get(0)].length;
    Integer[] order = new Integer[m];
    for (int d = 0; d < dims; d++) {
      for (int k = 0; k < m; k++) {
        order[k] = k;
      }
      final int dim = d;
      Arrays.sort(order, Comparator.comparingDouble(k -> points[members.get(k)][dim]));
      double lo = points[members.get(order[0])][d];
      double hi = points[members.get(order[m - 1])][d];
      dist[order[0]] = Double.POSITIVE_INFINITY;
      dist[order[m - 1]] = Double.POSITIVE_INFINITY;
      if (hi == lo) {
        continue;
      }
      for (int k = 1; k < m - 1; k++) {
        double gap = points[members.get(order[k + 1])][d] - points[members.get(order[k - 1])][d];
        dist[order[k]] += gap / (hi - lo);
      }
    }
    return dist;
  }

  /**
   * The volume dominated by {@code points} and bounded below by {@code ref} (larger is better in
   * every coordinate). Points not strictly above {@code ref} everywhere add nothing. Exact: the
   * last objective is cut into slabs between consecutive point values, each slab's cross-section
   * being the hypervolume of the points above it in one dimension less (O(n^(d-1) log n)).
   */
  public static double hypervolume(List<double[]> points, double[] ref) {
    List<double[]> inside = new ArrayList<>();
    for (double[] p : points) {
      if (p.length != ref.length) {
        throw new IllegalArgumentException(
            "a point has " + p.length + " objectives, the reference " + ref.length);
      }
      boolean above = true;
      for (int d = 0; d < p.length; d++) {
        above &= p[d] > ref[d];
      }
      if (above) {
        inside.add(p);
      }
    }
    double[][] arr = inside.toArray(new double[0][]);
    List<Integer> nd = front(arr);
    double[][] pts = new double[nd.size()][];
    for (int k = 0; k < pts.length; k++) {
      pts[k] = arr[nd.get(k)];
    }
    return slice(pts, ref, ref.length);
  }

  private static double slice(double[][] pts, double[] ref, int dims) {
    if (pts.length == 0) {
      return 0;
    }
    if (dims == 1) {
      double best = ref[0];
      for (double[] p : pts) {
        best = Math.max(best, p[0]);
      }
      return best - ref[0];
    }
    if (dims == 2) {
      return area(pts, ref);
    }
    int last = dims - 1;
    double[][] sorted = pts.clone();
    Arrays.sort(sorted, Comparator.comparingDouble((double[] p) -> -p[last]));
    double volume = 0;
    for (int i = 0; i < sorted.length; i++) {
      double below = i + 1 < sorted.length ? sorted[i + 1][last] : ref[last];
      double height = sorted[i][last] - below;
      if (height > 0) {
        volume += slice(Arrays.copyOfRange(sorted, 0, i + 1), ref, last) * height;
      }
    }
    return volume;
  }

  /** The 2-D case: a sweep along the first objective, descending. */
  private static double area(double[][] pts, double[] ref) {
    double[][] sorted = pts.clone();
    Arrays.sort(sorted, Comparator.comparingDouble((double[] p) -> -p[0]));
    double area = 0;
    double top = ref[1];
    for (double[] p : sorted) {
      if (p[1] > top) {
        area += (p[0] - ref[0]) * (p[1] - top);
        top = p[1];
      }
    }
    return area;
  }
}
