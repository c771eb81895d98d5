package org.gyrus.logic.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Applicable operators and successor states. Applicability goes through a trie over the operators'
 * sorted positive preconditions, so a state only touches the branches whose facts hold.
 */
final class Successors {
  private final Task task;
  private final Node root;
  private final int[][] axiomsByStratum;

  /** A trie node: operators whose preconditions end here, then branches by the next fact. */
  private record Node(int[] ops, int[] facts, Node[] children) {}

  Successors(Task task) {
    this.task = task;
    int n = task.ops().size();
    Integer[] all = new Integer[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    root = build(Arrays.asList(all), 0);
    int strata = task.axioms().stream().mapToInt(Task.Axiom::stratum).max().orElse(-1) + 1;
    axiomsByStratum = new int[strata][];
    for (int s = 0; s < strata; s++) {
      final int st = s;
      axiomsByStratum[s] =
          java.util.stream.IntStream.range(0, task.axioms().size())
              .filter(i -> task.axioms().get(i).stratum() == st)
              .toArray();
    }
  }

  private Node build(List<Integer> ops, int depth) {
    List<Integer> here = new ArrayList<>();
    java.util.TreeMap<Integer, List<Integer>> byFact = new java.util.TreeMap<>();
    for (int o : ops) {
      int[] pre = task.ops().get(o).pre();
      if (pre.length == depth) {
        here.add(o);
      } else {
        byFact.computeIfAbsent(pre[depth], k -> new ArrayList<>()).add(o);
      }
    }
    int[] facts = new int[byFact.size()];
    Node[] children = new Node[byFact.size()];
    int i = 0;
    for (var e : byFact.entrySet()) {
      facts[i] = e.getKey();
      children[i++] = build(e.getValue(), depth + 1);
    }
    return new Node(here.stream().mapToInt(Integer::intValue).toArray(), facts, children);
  }

  /** Adds the operators applicable in {@code s} to {@code out}. */
  void applicable(long[] s, IntBuf out) {
    collect(root, s, out);
  }

  private void collect(Node n, long[] s, IntBuf out) {
    for (int o : n.ops) {
      if (noneSet(s, task.ops().get(o).preNeg())) {
        out.add(o);
      }
    }
    int[] f = n.facts;
    for (int i = 0; i < f.length; i++) {
      if ((s[f[i] >>> 6] & (1L << f[i])) != 0) {
        collect(n.children[i], s, out);
      }
    }
  }

  static boolean noneSet(long[] s, int[] facts) {
    for (int f : facts) {
      if ((s[f >>> 6] & (1L << f)) != 0) {
        return false;
      }
    }
    return true;
  }

  static boolean allSet(long[] s, int[] facts) {
    for (int f : facts) {
      if ((s[f >>> 6] & (1L << f)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Writes the successor of {@code s} under operator {@code o} into {@code out}. */
  void apply(long[] s, int o, long[] out) {
    Task.Op op = task.ops().get(o);
    System.arraycopy(s, 0, out, 0, s.length);
    for (int f : op.del()) {
      out[f >>> 6] &= ~(1L << f);
    }
    if (!op.conds().isEmpty()) {
      // conditions are read in s (before the step); deletes first, then adds
      for (Task.CondEffect c : op.conds()) {
        if (!c.add() && allSet(s, c.pos()) && noneSet(s, c.neg())) {
          out[c.fact() >>> 6] &= ~(1L << c.fact());
        }
      }
      for (Task.CondEffect c : op.conds()) {
        if (c.add() && allSet(s, c.pos()) && noneSet(s, c.neg())) {
          out[c.fact() >>> 6] |= 1L << c.fact();
        }
      }
    }
    for (int f : op.add()) {
      out[f >>> 6] |= 1L << f;
    }
    if (axiomsByStratum.length > 0) {
      deriveAxioms(out);
    }
  }

  /** Recomputes the derived facts of {@code s} stratum by stratum. */
  void deriveAxioms(long[] s) {
    boolean[] derived = task.derived();
    for (int f = 0; f < derived.length; f++) {
      if (derived[f]) {
        s[f >>> 6] &= ~(1L << f);
      }
    }
    for (int[] stratum : axiomsByStratum) {
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int i : stratum) {
          Task.Axiom a = task.axioms().get(i);
          if ((s[a.head() >>> 6] & (1L << a.head())) == 0
              && allSet(s, a.pos())
              && noneSet(s, a.neg())) {
            s[a.head() >>> 6] |= 1L << a.head();
            changed = true;
          }
        }
      }
    }
  }

  boolean isGoal(long[] s) {
    return allSet(s, task.goalPos()) && noneSet(s, task.goalNeg());
  }

  long[] initial(int words) {
    long[] s = new long[words];
    for (int f : task.init()) {
      s[f >>> 6] |= 1L << f;
    }
    if (axiomsByStratum.length > 0) {
      deriveAxioms(s);
    }
    return s;
  }

  /** A growable int buffer reused across expansions. */
  static final class IntBuf {
    int[] a = new int[64];
    int n;

    void add(int v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    void clear() {
      n = 0;
    }
  }
}
