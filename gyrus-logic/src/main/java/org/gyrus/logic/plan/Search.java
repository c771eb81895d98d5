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
  private final Successors.IntBuf heuristicPref = new Successors.IntBuf();
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
    return lazy(new Heuristic[] {h}, weight, bound);
  }

  /**
   * Lazy search alternating between heuristics (LAMA: FF and landmarks): each has a regular and a
   * preferred queue keyed by its own estimate, the queues take turns, and every preferred queue
   * gets 1000 extra turns whenever some heuristic reaches a new best value. Preferred operators are
   * those any heuristic prefers.
   */
  Outcome lazy(Heuristic[] hs, double weight, long bound) {
    return new Lazy(hs, weight, bound).run(Long.MAX_VALUE);
  }

  /**
   * A lazy search over this object's state space, started now and run in slices by {@link #run}.
   */
  Lazy lazyRun(Heuristic[] hs, double weight, long bound) {
    return new Lazy(hs, weight, bound);
  }

  long expanded() {
    return expanded;
  }

  long evaluated() {
    return evaluated;
  }

  long generated() {
    return generated;
  }

  /**
   * The state of one lazy search between slices, so that two searches can take turns in one thread
   * ({@link Portfolio}); run without a budget it is the plain search.
   */
  final class Lazy {
    private final Heuristic[] hs;
    private final double weight;
    private final long bound;
    private final long[] s = succ.initial(space.words);
    private final long[] next = new long[space.words];
    private final Queues queues;
    private final Successors.IntBuf apps = new Successors.IntBuf();
    private final Successors.IntBuf pref = new Successors.IntBuf();
    private final boolean[] offered = new boolean[cost.length];
    private final int[] hv;
    private final int[] best;
    private int id;

    private Lazy(Heuristic[] hs, double weight, long bound) {
      this.hs = hs;
      this.weight = weight;
      this.bound = bound;
      this.queues = new Queues(hs.length);
      this.hv = new int[hs.length];
      this.best = new int[hs.length];
      java.util.Arrays.fill(best, Integer.MAX_VALUE);
      this.id = space.intern(s, -1, -1, 0);
    }

    /**
     * Runs until the search ends or {@code budget} more states have been expanded; null in the
     * latter case (call again to go on from where it stopped).
     */
    Outcome run(long budget) {
      try {
        return step(budget);
      } catch (OutOfMemoryError e) {
        return outcome(Status.OUT_OF_MEMORY, -1);
      }
    }

    private Outcome step(long budget) {
      if (bound <= 0) {
        return outcome(Status.UNSOLVABLE, -1); // nothing costs less than the empty plan
      }
      long stop = budget == Long.MAX_VALUE ? Long.MAX_VALUE : expanded + budget;
      while (expanded < stop) {
        if ((expanded & 255) == 0 && clock.getAsLong() > deadline) {
          return outcome(Status.TIMEOUT, -1);
        }
        space.get(id, s);
        if (evaluate(hs, s, id, hv, pref, offered)) {
          if (succ.isGoal(s)) {
            return outcome(Status.SOLVED, id);
          }
          expanded++;
          if (improves(hv, best)) {
            queues.boost();
          }
          apps.clear();
          succ.applicable(s, apps);
          queues.push(id, space.g[id], hv, weight, apps, pref, cost);
        }
        id = nextState(queues, s, next, weight, bound);
        if (id < 0) {
          return outcome(Status.UNSOLVABLE, -1);
        }
      }
      return null;
    }
  }

  /**
   * Evaluates state {@code id} with every heuristic; false when one proves it a dead end. {@code
   * pref} receives the operators any heuristic prefers, once each.
   */
  private boolean evaluate(
      Heuristic[] hs, long[] s, int id, int[] hv, Successors.IntBuf pref, boolean[] offered) {
    pref.clear();
    Successors.IntBuf buf = heuristicPref;
    evaluated++;
    for (int i = 0; i < hs.length; i++) {
      buf.clear();
      hv[i] = hs[i].value(s, id, space.parent[id], hs[i].prefers() ? buf : null);
      if (hv[i] >= Relaxed.INF) {
        return false;
      }
      for (int k = 0; k < buf.n; k++) {
        if (!offered[buf.a[k]]) {
          offered[buf.a[k]] = true;
          pref.add(buf.a[k]);
        }
      }
    }
    for (int k = 0; k < pref.n; k++) {
      offered[pref.a[k]] = false;
    }
    return true;
  }

  private static boolean improves(int[] hv, int[] best) {
    boolean progress = false;
    for (int i = 0; i < hv.length; i++) {
      if (hv[i] < best[i]) {
        best[i] = hv[i];
        progress = true;
      }
    }
    return progress;
  }

  /** Pops entries until one yields a state worth evaluating; -1 when the queues run dry. */
  private int nextState(Queues queues, long[] s, long[] next, double weight, long bound) {
    while (true) {
      long entry = queues.pop();
      if (entry < 0) {
        return -1;
      }
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
      return sid;
    }
  }

  /** A regular and a preferred queue per heuristic, taking turns by priority counters. */
  private static final class Queues {
    private final LongHeap[] heaps;
    private final int[] priority;
    private long counter;

    Queues(int heuristics) {
      heaps = new LongHeap[2 * heuristics];
      for (int i = 0; i < heaps.length; i++) {
        heaps[i] = new LongHeap();
      }
      priority = new int[heaps.length];
    }

    /** Preferred queues (odd indices) get 1000 extra turns. */
    void boost() {
      for (int i = 1; i < heaps.length; i += 2) {
        priority[i] -= 1000;
      }
    }

    void push(
        int id,
        long g,
        int[] hv,
        double weight,
        Successors.IntBuf apps,
        Successors.IntBuf pref,
        int[] cost) {
      for (int h = 0; h < hv.length; h++) {
        add(heaps[2 * h], id, g, hv[h], weight, apps, cost);
        add(heaps[2 * h + 1], id, g, hv[h], weight, pref, cost);
      }
    }

    private void add(
        LongHeap q, int id, long g, int hv, double weight, Successors.IntBuf ops, int[] cost) {
      for (int i = 0; i < ops.n; i++) {
        int o = ops.a[i];
        long key = weight < 0 ? hv : g + cost[o] + Math.round(weight * hv);
        q.push((key << 32) | (counter++ & 0xffffffffL), ((long) id << 32) | o);
      }
    }

    /** The next entry (parent id, operator) from the queue whose turn it is; -1 when all empty. */
    long pop() {
      int q = pick(heaps, priority);
      if (q < 0) {
        return -1;
      }
      priority[q]++;
      return heaps[q].pop();
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
