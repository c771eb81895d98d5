package org.gyrus.logic.plan;

import java.util.function.LongSupplier;

/**
 * Pairwise (h^2) reachability from the initial state: an over-approximation of which pairs of facts
 * can hold together. A goal pair that can never hold proves the task unsolvable before any search
 * (the mystery domain's fuel-starved instances, for one). Negative conditions are ignored,
 * conditional deletes assumed not to fire: both only add pairs, so a "never" stays sound.
 */
final class H2Reachability {
  static final int MAX_FACTS = 2500;
  private final Task task;
  private final int n;
  private final long[] pairs;

  private H2Reachability(Task task) {
    this.task = task;
    this.n = task.numFacts();
    this.pairs = new long[(int) (((long) n * n + 63) >>> 6)];
  }

  /**
   * True when the goal is proven unreachable; false when it may be reachable, or when the task is
   * too large (or has axioms) for the check, or the deadline passes.
   */
  static boolean provesUnsolvable(Task task, LongSupplier clock, long deadline) {
    H2Reachability h = of(task, clock, deadline);
    return h != null && h.unsolvable();
  }

  /**
   * The pairs reachable from the initial state; null when the task is too large (or has axioms) for
   * the check, or the deadline passes first.
   */
  static H2Reachability of(Task task, LongSupplier clock, long deadline) {
    if (task.numFacts() > MAX_FACTS || !task.axioms().isEmpty()) {
      return null;
    }
    H2Reachability h = new H2Reachability(task);
    return h.fixpoint(clock, deadline) ? h : null;
  }

  /** Whether some goal pair can never hold together. */
  boolean unsolvable() {
    int[] g = task.goalPos();
    for (int i = 0; i < g.length; i++) {
      for (int j = i; j < g.length; j++) {
        if (!has(g[i], g[j])) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether facts {@code p} and {@code q} are never true together in a reachable state. */
  boolean mutex(int p, int q) {
    return !has(p, q);
  }

  private boolean has(int p, int q) {
    long k = (long) p * n + q;
    return (pairs[(int) (k >>> 6)] & (1L << k)) != 0;
  }

  private boolean set(int p, int q) {
    if (has(p, q)) {
      return false;
    }
    long k = (long) p * n + q;
    pairs[(int) (k >>> 6)] |= 1L << k;
    k = (long) q * n + p;
    pairs[(int) (k >>> 6)] |= 1L << k;
    return true;
  }

  /** Runs to the fixpoint; false when the deadline passed first. */
  private boolean fixpoint(LongSupplier clock, long deadline) {
    int[] init = task.init();
    for (int p : init) {
      for (int q : init) {
        set(p, q);
      }
    }
    boolean changed = true;
    boolean[] deleted = new boolean[n];
    while (changed) {
      changed = false;
      if (clock.getAsLong() > deadline) {
        return false;
      }
      for (Task.Op op : task.ops()) {
        changed |= apply(op.pre(), op.add(), op.del(), deleted);
        for (Task.CondEffect c : op.conds()) {
          if (c.add()) {
            int[] pre = union(op.pre(), c.pos());
            int[] add = union(op.add(), new int[] {c.fact()});
            changed |= apply(pre, add, op.del(), deleted);
          }
        }
      }
    }
    return true;
  }

  private boolean apply(int[] pre, int[] add, int[] del, boolean[] deleted) {
    for (int i = 0; i < pre.length; i++) {
      for (int j = i; j < pre.length; j++) {
        if (!has(pre[i], pre[j])) {
          return false;
        }
      }
    }
    boolean changed = false;
    for (int i = 0; i < add.length; i++) {
      for (int j = i; j < add.length; j++) {
        changed |= set(add[i], add[j]);
      }
    }
    for (int f : del) {
      deleted[f] = true;
    }
    for (int f : add) {
      deleted[f] = true; // pairs of two adds were set above
    }
    for (int q = 0; q < n; q++) {
      if (deleted[q] || !has(q, q) || !compatible(q, pre)) {
        continue;
      }
      for (int p : add) {
        changed |= set(p, q);
      }
    }
    for (int f : del) {
      deleted[f] = false;
    }
    for (int f : add) {
      deleted[f] = false;
    }
    return changed;
  }

  private boolean compatible(int q, int[] pre) {
    for (int r : pre) {
      if (!has(q, r)) {
        return false;
      }
    }
    return true;
  }

  private static int[] union(int[] a, int[] b) {
    return java.util.stream.IntStream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
        .distinct()
        .sorted()
        .toArray();
  }
}
