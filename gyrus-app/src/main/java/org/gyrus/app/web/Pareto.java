package org.gyrus.app.web;

import java.util.ArrayList;
import java.util.List;

/** The non-dominated points of a multi-objective study. */
public final class Pareto {
  private Pareto() {}

  /**
   * Indices of the points no other point dominates; {@code points} are already oriented so that
   * larger is better in every objective.
   */
  public static List<Integer> front(List<double[]> points) {
    List<Integer> front = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      boolean dominated = false;
      for (int j = 0; j < points.size() && !dominated; j++) {
        dominated = j != i && dominates(points.get(j), points.get(i));
      }
      if (!dominated) {
        front.add(i);
      }
    }
    return front;
  }

  static boolean dominates(double[] a, double[] b) {
    boolean strictly = false;
    for (int k = 0; k < a.length; k++) {
      if (a[k] < b[k]) {
        return false;
      }
      strictly |= a[k] > b[k];
    }
    return strictly;
  }
}
