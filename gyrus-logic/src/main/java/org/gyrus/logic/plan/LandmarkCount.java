package org.gyrus.logic.plan;

import java.util.Arrays;

/**
 * LAMA's landmark-counting heuristic (Richter &amp; Westphal 2010): the landmarks still to achieve
 * plus those achieved but required again. Which landmarks a state has accepted depends on the path
 * that reached it, so it is kept per state id: a landmark is accepted in a state when its parent
 * state had accepted it, or when it is true now and every landmark ordered before it was accepted
 * in the parent. An accepted landmark is required again when it is false and is a goal or is needed
 * right before (greedy-necessary) a landmark not yet accepted. Preferred operators: applicable ones
 * that achieve a landmark not yet accepted whose predecessors all are (once all are accepted, one
 * required again). Unit cost per landmark: not admissible, meant for greedy search.
 */
final class LandmarkCount implements Heuristic {
  private final Task task;
  private final Landmarks lm;
  private final int words;
  private long[] accepted;
  private final long[] scratch;
  private final boolean[] offered;

  LandmarkCount(Task task, Landmarks lm) {
    this.task = task;
    this.lm = lm;
    this.words = Math.max(1, (lm.size() + 63) >>> 6);
    this.accepted = new long[words * 1024];
    this.scratch = new long[words];
    this.offered = new boolean[task.ops().size()];
  }

  @Override
  public boolean prefers() {
    return true;
  }

  /** The estimate of {@code s} taken as an initial state (every true landmark accepted). */
  @Override
  public int value(long[] s, Successors.IntBuf preferred) {
    return value(s, -1, -1, preferred);
  }

  /**
   * The estimate of state {@code id} reached from the already evaluated state {@code parent} (-1:
   * {@code s} is the initial state; id -1: do not remember the accepted landmarks).
   */
  @Override
  public int value(long[] s, int id, int parent, Successors.IntBuf preferred) {
    if (!lm.reachable) {
      return Relaxed.INF;
    }
    long[] acc = id < 0 ? scratch : slot(id);
    int base = id < 0 ? 0 : id * words;
    accept(s, parent, acc, base);
    int h = 0;
    boolean allAccepted = true;
    for (int l = 0; l < lm.size(); l++) {
      if (!has(acc, base, l)) {
        h++;
        allAccepted = false;
      } else if (!isTrue(s, lm.fact[l]) && requiredAgain(acc, base, l)) {
        h++;
      }
    }
    if (preferred != null && h > 0) {
      prefer(s, acc, base, allAccepted, preferred);
    }
    return h;
  }

  /** Fills {@code acc} at {@code base} with the landmarks this state accepts. */
  private void accept(long[] s, int parent, long[] acc, int base) {
    if (parent < 0) {
      Arrays.fill(acc, base, base + words, 0L);
      for (int l = 0; l < lm.size(); l++) {
        if (isTrue(s, lm.fact[l])) {
          acc[base + (l >>> 6)] |= 1L << l;
        }
      }
      return;
    }
    int pBase = parent * words;
    System.arraycopy(accepted, pBase, acc, base, words);
    for (int l = 0; l < lm.size(); l++) {
      if (!has(accepted, pBase, l) && isTrue(s, lm.fact[l]) && parentsIn(accepted, pBase, l)) {
        acc[base + (l >>> 6)] |= 1L << l;
      }
    }
  }

  private boolean parentsIn(long[] acc, int base, int l) {
    for (int p : lm.parents[l]) {
      if (!has(acc, base, p)) {
        return false;
      }
    }
    return true;
  }

  private boolean requiredAgain(long[] acc, int base, int l) {
    if (lm.goal[l]) {
      return true;
    }
    for (int c : lm.gnChildren[l]) {
      if (!has(acc, base, c)) {
        return true;
      }
    }
    return false;
  }

  /** Adds applicable operators achieving an interesting landmark (see the class comment). */
  private void prefer(long[] s, long[] acc, int base, boolean allAccepted, Successors.IntBuf out) {
    int start = out.n;
    for (int l = 0; l < lm.size(); l++) {
      boolean interesting =
          allAccepted
              ? !isTrue(s, lm.fact[l]) && requiredAgain(acc, base, l)
              : !has(acc, base, l) && parentsIn(acc, base, l);
      if (!interesting) {
        continue;
      }
      for (int o : lm.achievers[l]) {
        if (!offered[o] && applicable(s, o)) {
          offered[o] = true;
          out.add(o);
        }
      }
    }
    for (int i = start; i < out.n; i++) {
      offered[out.a[i]] = false;
    }
  }

  private boolean applicable(long[] s, int o) {
    Task.Op op = task.ops().get(o);
    return Successors.allSet(s, op.pre()) && Successors.noneSet(s, op.preNeg());
  }

  private long[] slot(int id) {
    long need = (long) (id + 1) * words;
    if (need > accepted.length) {
      long n = Math.max((long) accepted.length * 2, need);
      if (n > Integer.MAX_VALUE - 16) {
        throw new OutOfMemoryError("landmark status pool full");
      }
      accepted = Arrays.copyOf(accepted, (int) n);
    }
    return accepted;
  }

  private static boolean has(long[] acc, int base, int l) {
    return (acc[base + (l >>> 6)] & (1L << l)) != 0;
  }

  private static boolean isTrue(long[] s, int f) {
    return (s[f >>> 6] & (1L << f)) != 0;
  }
}
