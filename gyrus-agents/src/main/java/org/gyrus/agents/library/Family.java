package org.gyrus.agents.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * A random family tree (seeded): {@code generations} generations, each couple with 1–3 children,
 * about half of whom marry someone from outside. Relations are computed here by direct graph
 * search, independently of Datalog, and serve as the oracle for few-shot tests.
 */
public final class Family {
  private final String prefix;
  private final List<int[]> parents = new ArrayList<>(); // each child's two parents or null
  private final List<Boolean> male = new ArrayList<>();

  private Family(String prefix) {
    this.prefix = prefix;
  }

  public static Family random(String prefix, int generations, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Family f = new Family(prefix);
    List<int[]> couples = new ArrayList<>();
    couples.add(new int[] {f.person(null, true), f.person(null, false)});
    for (int g = 1; g < generations; g++) {
      List<int[]> next = new ArrayList<>();
      for (int[] c : couples) {
        int kids = 1 + rng.nextInt(3);
        for (int k = 0; k < kids; k++) {
          boolean m = rng.nextBoolean();
          int child = f.person(c, m);
          if (g + 1 < generations && rng.nextInt(3) > 0) {
            int spouse = f.person(null, !m);
            next.add(m ? new int[] {child, spouse} : new int[] {spouse, child});
          }
        }
      }
      if (next.isEmpty() && g + 1 < generations) {
        int[] c = couples.get(0);
        int child = f.person(c, true);
        next.add(new int[] {child, f.person(null, false)});
      }
      couples = next;
    }
    return f;
  }

  private int person(int[] ofCouple, boolean isMale) {
    parents.add(ofCouple);
    male.add(isMale);
    return parents.size() - 1;
  }

  public int size() {
    return parents.size();
  }

  public String name(int i) {
    return prefix + i;
  }

  public boolean parent(int p, int c) {
    int[] ps = parents.get(c);
    return ps != null && (ps[0] == p || ps[1] == p);
  }

  public boolean male(int i) {
    return male.get(i);
  }

  /** Base facts: parent(P, C), male(X), female(X). */
  public List<String> facts() {
    List<String> out = new ArrayList<>();
    for (int c = 0; c < size(); c++) {
      int[] ps = parents.get(c);
      if (ps != null) {
        out.add("parent(" + name(ps[0]) + ", " + name(c) + ")");
        out.add("parent(" + name(ps[1]) + ", " + name(c) + ")");
      }
      out.add((male(c) ? "male(" : "female(") + name(c) + ")");
    }
    return out;
  }

  /** Every pair (x, y) the predicate holds for, as facts of {@code relation}. */
  public Set<String> pairs(String relation, BiPredicate<Integer, Integer> holds) {
    Set<String> out = new TreeSet<>();
    for (int x = 0; x < size(); x++) {
      for (int y = 0; y < size(); y++) {
        if (holds.test(x, y)) {
          out.add(relation + "(" + name(x) + ", " + name(y) + ")");
        }
      }
    }
    return out;
  }

  /** x is an ancestor of y within {@code maxDepth} generations (parent = depth 1). */
  public boolean ancestor(int x, int y, int maxDepth) {
    if (maxDepth == 0) {
      return false;
    }
    int[] ps = parents.get(y);
    if (ps == null) {
      return false;
    }
    for (int p : ps) {
      if (p == x || ancestor(x, p, maxDepth - 1)) {
        return true;
      }
    }
    return false;
  }

  public boolean sibling(int x, int y) {
    int[] a = parents.get(x);
    int[] b = parents.get(y);
    return x != y && a != null && b != null && a[0] == b[0] && a[1] == b[1];
  }

  /** x is a sibling of one of y's parents. */
  public boolean pibling(int x, int y) {
    int[] ps = parents.get(y);
    return ps != null && (sibling(x, ps[0]) || sibling(x, ps[1]));
  }

  /** One of x's parents is a pibling of y. */
  public boolean cousin(int x, int y) {
    int[] ps = parents.get(x);
    return ps != null && (pibling(ps[0], y) || pibling(ps[1], y));
  }
}
