package org.gyrus.logic.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Heuristic search over a grounded task: lazy best-first search (greedy or weighted A*, with
 * preferred operators in a second, boosted queue, as in LAMA) and eager A* with reopening for
 * optimal planning.
 */
final class Search {
  /** How a search ended. */
  enum Status {
    SOLVED,
    UNSOLVABLE,
    TIMEOUT,
    OUT_OF_MEMORY
  }

  /** The outcome: operator indices from the initial state, and counters. */
  record Outcome(
      Status status,
      List<Integer> plan,
      long cost,
      long expanded,
      long evaluated,
      long generated) {}

  private final Task task;
  private final Successors succ;
  private final int[] cost;
  private final long deadline;
  private final java.util.function.LongSupplier clock;
  private final StateSpace space;
  private long expanded;
  private long evaluated;
  private long generated;

  Search(Task task, Successors succ, java.util.function.LongSupplier clock, long deadlineNanos) {
    this.clock = clock;
    this.task = task;
    this.succ = succ;
    this.deadline = deadlineNanos;
    this.cost = new int[task.ops().size()];
    for (int o = 0; o < cost.length; o++) {
      cost[o] = Relaxed.cost(task.ops().get(o), Relaxed.CostType.REAL);
    }
    this.space = new StateSpace(task.numFacts());
  }

  /**
   * Lazy search: entries (parent, operator) keyed by the parent's estimate (negative weight:
   * greedy) or g + weight * h; operators of the parent's relaxed plan also enter a preferred queue
   * that gets 1000 extra turns whenever the best estimate improves. Plans costing {@code bound} or
   * more are pruned.
   */
  Outcome lazy(Heuristic h, double weight, long bound) {
    try {
      return lazyRun(h, weight, bound);
    } catch (OutOfMemoryError e) {
      return outcome(Status.OUT_OF_MEMORY, -1);
    }
  }

  private Outcome lazyRun(Heuristic h, double weight, long bound) {
    if (bound <= 0) {
      return outcome(Status.UNSOLVABLE, -1); // nothing costs less than the empty plan
    }
    int words = space.words;
    long[] s = succ.initial(words);
    long[] next = new long[words];
    int init = space.intern(s, -1, -1, 0);
    LongHeap[] queues = {new LongHeap(), new LongHeap()};
    int[] priority = {0, 0};
    long counter = 0;
    Successors.IntBuf apps = new Successors.IntBuf();
    Successors.IntBuf pref = new Successors.IntBuf();
    boolean usePref = h.prefers();
    int best = Integer.MAX_VALUE;
    int id = init;
    while (true) {
      if ((expanded & 255) == 0 && clock.getAsLong() > deadline) {
        return outcome(Status.TIMEOUT, -1);
      }
      space.get(id, s);
      pref.clear();
      int hv = h.value(s, usePref ? pref : null);
      evaluated++;
      if (hv < Relaxed.INF) {
        if (succ.isGoal(s)) {
          return outcome(Status.SOLVED, id);
        }
        expanded++;
        if (hv < best) {
          best = hv;
          priority[1] -= usePref ? 1000 : 0;
        }
        apps.clear();
        succ.applicable(s, apps);
        long gHere = space.g[id];
        for (int i = 0; i < apps.n; i++) {
          int o = apps.a[i];
          long key = weight < 0 ? hv : gHere + cost[o] + Math.round(weight * hv);
          long entry = ((long) id << 32) | o;
          queues[0].push((key << 32) | (counter++ & 0xffffffffL), entry);
        }
        for (int i = 0; i < pref.n; i++) {
          int o = pref.a[i];
          long key = weight < 0 ? hv : gHere + cost[o] + Math.round(weight * hv);
          queues[1].push((key << 32) | (counter++ & 0xffffffffL), ((long) id << 32) | o);
        }
      }
      // pop until an entry yields a state worth evaluating
      id = -1;
      while (id < 0) {
        int q = pick(queues, priority);
        if (q < 0) {
          return outcome(Status.UNSOLVABLE, -1);
        }
        priority[q]++;
        long entry = queues[q].pop();
        int parent = (int) (entry >>> 32);
        int o = (int) entry;
        long g = space.g[parent] + cost[o];
        if (g >= bound) {
          continue;
        }
        space.get(parent, s);
        succ.apply(s, o, next);
        generated++;
        int sid = space.intern(next, parent, o, g);
        if (!space.lastWasNew) {
          if (weight < 0 || g >= space.g[sid]) {
            continue; // seen before (greedy search never reopens)
          }
          space.g[sid] = g;
          space.parent[sid] = parent;
          space.op[sid] = o;
        }
        id = sid;
      }
    }
  }

  private static int pick(LongHeap[] queues, int[] priority) {
    int q = -1;
    for (int i = 0; i < queues.length; i++) {
      if (!queues[i].isEmpty() && (q < 0 || priority[i] < priority[q])) {
        q = i;
      }
    }
    return q;
  }

  /** Eager A* with reopening: optimal with an admissible heuristic. */
  Outcome astar(Heuristic h) {
    try {
      return astarRun(h);
    } catch (OutOfMemoryError e) {
      return outcome(Status.OUT_OF_MEMORY, -1);
    }
  }

  private Outcome astarRun(Heuristic h) {
    int words = space.words;
    long[] s = succ.initial(words);
    long[] next = new long[words];
    int[] hs = new int[1024];
    int init = space.intern(s, -1, -1, 0);
    hs[init] = h.value(s, null);
    evaluated++;
    if (hs[init] >= Relaxed.INF) {
      return outcome(Status.UNSOLVABLE, -1);
    }
    LongHeap open = new LongHeap();
    open.push(key(0, hs[init]), init);
    Successors.IntBuf apps = new Successors.IntBuf();
    while (!open.isEmpty()) {
      if ((expanded & 255) == 0 && clock.getAsLong() > deadline) {
        return outcome(Status.TIMEOUT, -1);
      }
      long k = open.topKey();
      int id = (int) open.pop();
      if (k != key(space.g[id], hs[id])) {
        continue; // stale entry: reached again more cheaply
      }
      space.get(id, s);
      if (succ.isGoal(s)) {
        return outcome(Status.SOLVED, id);
      }
      expanded++;
      apps.clear();
      succ.applicable(s, apps);
      for (int i = 0; i < apps.n; i++) {
        int o = apps.a[i];
        succ.apply(s, o, next);
        generated++;
        long g = space.g[id] + cost[o];
        int sid = space.intern(next, id, o, g);
        if (space.lastWasNew) {
          if (sid >= hs.length) {
            hs = java.util.Arrays.copyOf(hs, hs.length * 2);
          }
          hs[sid] = h.value(next, null);
          evaluated++;
        } else if (g < space.g[sid]) {
          space.g[sid] = g;
          space.parent[sid] = id;
          space.op[sid] = o;
        } else {
          continue;
        }
        if (hs[sid] < Relaxed.INF) {
          open.push(key(space.g[sid], hs[sid]), sid);
        }
      }
    }
    return outcome(Status.UNSOLVABLE, -1);
  }

  private static long key(long g, int h) {
    return ((g + h) << 28) | Math.min(h, (1 << 28) - 1);
  }

  private Outcome outcome(Status status, int goalState) {
    List<Integer> plan = new ArrayList<>();
    long c = 0;
    if (goalState >= 0) {
      for (int id = goalState; space.parent[id] >= 0; id = space.parent[id]) {
        plan.add(space.op[id]);
        c += cost[space.op[id]];
      }
      Collections.reverse(plan);
    }
    return new Outcome(status, plan, c, expanded, evaluated, generated);
  }
}
