package org.gyrus.logic.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gyrus.core.SpecError;

/**
 * Ground conditions in negation normal form: literals over reachable atoms ({@code 2*atom} true,
 * {@code 2*atom+1} false), with constants folded while they are built, and their disjunctive normal
 * form.
 */
sealed interface Ground {
  Ground TRUE = new Const(true);
  Ground FALSE = new Const(false);
  int MAX_DISJUNCTS = 4096;

  record Const(boolean value) implements Ground {}

  record Lit(int lit) implements Ground {}

  record And(List<Ground> parts) implements Ground {}

  record Or(List<Ground> parts) implements Ground {}

  static Ground and(List<Ground> parts) {
    List<Ground> out = new ArrayList<>();
    for (Ground g : parts) {
      if (g == FALSE || g instanceof Const c && !c.value()) {
        return FALSE;
      }
      if (!(g instanceof Const)) {
        out.add(g);
      }
    }
    return out.isEmpty() ? TRUE : out.size() == 1 ? out.get(0) : new And(out);
  }

  static Ground or(List<Ground> parts) {
    List<Ground> out = new ArrayList<>();
    for (Ground g : parts) {
      if (g instanceof Const c && c.value()) {
        return TRUE;
      }
      if (!(g instanceof Const)) {
        out.add(g);
      }
    }
    return out.isEmpty() ? FALSE : out.size() == 1 ? out.get(0) : new Or(out);
  }

  /**
   * The disjuncts of {@code g}, each a sorted, duplicate-free array of literals without a
   * contradiction; an empty list is false, a list holding an empty array is true.
   */
  static List<int[]> dnf(Ground g, String where) {
    if (g instanceof Const c) {
      return c.value() ? List.of(new int[0]) : List.of();
    }
    if (g instanceof Lit l) {
      return List.of(new int[] {l.lit()});
    }
    if (g instanceof Or o) {
      List<int[]> out = new ArrayList<>();
      for (Ground p : o.parts()) {
        out.addAll(dnf(p, where));
        if (out.size() > MAX_DISJUNCTS) {
          throw new SpecError(
              where,
              "a condition with at most " + MAX_DISJUNCTS + " disjuncts after grounding",
              "more");
        }
      }
      return out;
    }
    List<int[]> acc = List.of(new int[0]);
    for (Ground p : ((And) g).parts()) {
      List<int[]> d = dnf(p, where);
      List<int[]> next = new ArrayList<>();
      for (int[] a : acc) {
        for (int[] b : d) {
          int[] m = merge(a, b);
          if (m != null) {
            next.add(m);
          }
        }
      }
      if (next.size() > MAX_DISJUNCTS) {
        throw new SpecError(
            where,
            "a condition with at most " + MAX_DISJUNCTS + " disjuncts after grounding",
            next.size() + "");
      }
      acc = next;
      if (acc.isEmpty()) {
        break;
      }
    }
    return acc;
  }

  /** The union of two literal sets, or null when it holds an atom and its negation. */
  static int[] merge(int[] a, int[] b) {
    int[] m = new int[a.length + b.length];
    System.arraycopy(a, 0, m, 0, a.length);
    System.arraycopy(b, 0, m, a.length, b.length);
    Arrays.sort(m);
    int n = 0;
    for (int i = 0; i < m.length; i++) {
      if (n > 0 && m[n - 1] == m[i]) {
        continue;
      }
      if (n > 0 && (m[n - 1] >> 1) == (m[i] >> 1)) {
        return null;
      }
      m[n++] = m[i];
    }
    return Arrays.copyOf(m, n);
  }
}
