package org.gyrus.logic.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Delete-relaxation heuristics: h^add, h^max and FF's relaxed plan (with preferred operators: the
 * relaxed plan's operators applicable in the state). Negative conditions are dropped by the
 * relaxation; conditional effects and axioms become relaxed operators of their own.
 */
final class Relaxed {
  static final int INF = Integer.MAX_VALUE / 4;

  /** Which estimate {@link #evaluate} returns. */
  enum Kind {
    ADD,
    MAX,
    FF
  }

  /** How operator costs enter the estimate. */
  enum CostType {
    REAL,
    ONE,
    PLUS_ONE
  }

  final Task task;
  final int numFacts;
  // relaxed operators: preconditions, effects, base cost, the task operator (-1: axiom)
  final int[][] pre;
  final int[][] eff;
  final int[] baseCost;
  final int[] origin;
  final int[][] preOf; // fact -> relaxed operators that need it
  final int[] noPre;
  // the same, flattened (CSR) for the hot loops: effects of r, relaxed operators needing f
  private final int[] effStart;
  private final int[] effFlat;
  private final int[] preOfStart;
  private final int[] preOfFlat;
  // per-evaluation scratch
  final int[] factCost;
  final int[] supporter;
  final int[] unsat;
  final int[] opCost;
  private final BucketQueue heap = new BucketQueue();
  private final int[] preCount;
  private final boolean[] marked;
  private final boolean[] factMarked;
  private final int[] stack;
  private final int[] markedList;
  private final int[] usedList;

  Relaxed(Task task, CostType costType) {
    this.task = task;
    this.numFacts = task.numFacts();
    List<int[]> p = new ArrayList<>();
    List<int[]> e = new ArrayList<>();
    List<Integer> c = new ArrayList<>();
    List<Integer> org = new ArrayList<>();
    for (int o = 0; o < task.ops().size(); o++) {
      Task.Op op = task.ops().get(o);
      int cost = cost(op, costType);
      if (op.add().length > 0) {
        p.add(op.pre());
        e.add(op.add());
        c.add(cost);
        org.add(o);
      }
      for (Task.CondEffect ce : op.conds()) {
        if (ce.add()) {
          p.add(union(op.pre(), ce.pos()));
          e.add(new int[] {ce.fact()});
          c.add(cost);
          org.add(o);
        }
      }
    }
    for (Task.Axiom a : task.axioms()) {
      p.add(a.pos());
      e.add(new int[] {a.head()});
      c.add(0);
      org.add(-1);
    }
    pre = p.toArray(new int[0][]);
    eff = e.toArray(new int[0][]);
    baseCost = c.stream().mapToInt(Integer::intValue).toArray();
    origin = org.stream().mapToInt(Integer::intValue).toArray();
    int[] count = new int[numFacts];
    for (int[] pr : pre) {
      for (int f : pr) {
        count[f]++;
      }
    }
    preOf = new int[numFacts][];
    for (int f = 0; f < numFacts; f++) {
      preOf[f] = new int[count[f]];
    }
    Arrays.fill(count, 0);
    List<Integer> none = new ArrayList<>();
    for (int r = 0; r < pre.length; r++) {
      if (pre[r].length == 0) {
        none.add(r);
      }
      for (int f : pre[r]) {
        preOf[f][count[f]++] = r;
      }
    }
    noPre = none.stream().mapToInt(Integer::intValue).toArray();
    effStart = new int[eff.length + 1];
    for (int r = 0; r < eff.length; r++) {
      effStart[r + 1] = effStart[r] + eff[r].length;
    }
    effFlat = new int[effStart[eff.length]];
    for (int r = 0; r < eff.length; r++) {
      System.arraycopy(eff[r], 0, effFlat, effStart[r], eff[r].length);
    }
    preOfStart = new int[numFacts + 1];
    for (int f = 0; f < numFacts; f++) {
      preOfStart[f + 1] = preOfStart[f] + preOf[f].length;
    }
    preOfFlat = new int[preOfStart[numFacts]];
    for (int f = 0; f < numFacts; f++) {
      System.arraycopy(preOf[f], 0, preOfFlat, preOfStart[f], preOf[f].length);
    }
    factCost = new int[numFacts];
    supporter = new int[numFacts];
    unsat = new int[pre.length];
    preCount = new int[pre.length];
    for (int r = 0; r < pre.length; r++) {
      preCount[r] = pre[r].length;
    }
    opCost = new int[pre.length];
    marked = new boolean[task.ops().size()];
    factMarked = new boolean[numFacts];
    stack = new int[numFacts + 1];
    markedList = new int[numFacts + 1];
    usedList = new int[task.ops().size() + 1];
  }

  static int cost(Task.Op op, CostType type) {
    int real = (int) Math.round(op.cost());
    if (op.hidden()) {
      return 0;
    }
    switch (type) {
      case ONE:
        return 1;
      case PLUS_ONE:
        return real + 1;
      default:
        return real;
    }
  }

  private static int[] union(int[] a, int[] b) {
    return java.util.stream.IntStream.concat(Arrays.stream(a), Arrays.stream(b))
        .distinct()
        .sorted()
        .toArray();
  }

  /**
   * Runs the relaxed exploration from {@code s} with operator costs {@code costs} (null: base
   * costs); fills {@link #factCost} and {@link #supporter}. Returns the goal's cost.
   */
  int explore(long[] s, Kind kind, int[] costs, int[] goal) {
    Arrays.fill(factCost, INF);
    Arrays.fill(supporter, -1);
    System.arraycopy(preCount, 0, unsat, 0, unsat.length);
    Arrays.fill(opCost, 0);
    heap.clear();
    for (int w = 0; w < s.length; w++) {
      long bits = s[w];
      while (bits != 0) {
        int f = (w << 6) + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
        if (f < numFacts) {
          factCost[f] = 0;
          heap.push(0, f);
        }
      }
    }
    for (int r : noPre) {
      fire(r, kind, costs);
    }
    boolean full = goal == null; // null: every fact's final cost (LM-cut needs them all)
    if (full) {
      goal = new int[0];
    }
    int goalsLeft = goal.length;
    boolean[] isGoal = factMarked; // reused as a goal mask during exploration
    for (int f : goal) {
      isGoal[f] = true;
    }
    while (!heap.isEmpty() && (full || goalsLeft > 0)) {
      int f = heap.pop();
      if (heap.lastKey > factCost[f]) {
        continue;
      }
      if (isGoal[f]) {
        isGoal[f] = false;
        goalsLeft--;
      }
      int c = factCost[f];
      boolean max = kind == Kind.MAX;
      for (int i = preOfStart[f], end = preOfStart[f + 1]; i < end; i++) {
        int r = preOfFlat[i];
        opCost[r] = max ? Math.max(opCost[r], c) : Math.min(INF, opCost[r] + c);
        if (--unsat[r] == 0) {
          fire(r, kind, costs);
        }
      }
    }
    for (int f : goal) {
      isGoal[f] = false;
    }
    int h = 0;
    for (int f : goal) {
      if (factCost[f] >= INF) {
        return INF;
      }
      h = kind == Kind.MAX ? Math.max(h, factCost[f]) : Math.min(INF, h + factCost[f]);
    }
    return h;
  }

  private void fire(int r, Kind kind, int[] costs) {
    int c = Math.min(INF, opCost[r] + (costs == null ? baseCost[r] : costs[r]));
    for (int i = effStart[r], end = effStart[r + 1]; i < end; i++) {
      int f = effFlat[i];
      if (c < factCost[f]) {
        factCost[f] = c;
        supporter[f] = r;
        heap.push(c, f);
      }
    }
  }

  /**
   * FF: the cost of a relaxed plan extracted through h^add's best supporters; {@code preferred}
   * (when not null) receives the plan's operators applicable in {@code s}.
   */
  int ff(long[] s, Successors.IntBuf preferred) {
    int[] goal = task.goalPos();
    if (explore(s, Kind.ADD, null, goal) >= INF) {
      return INF;
    }
    int sp = 0;
    int h = 0;
    int nUsed = 0;
    int nMarked = 0;
    for (int f : goal) {
      if (!factMarked[f]) {
        factMarked[f] = true;
        stack[sp++] = f;
      }
    }
    while (sp > 0) {
      int f = stack[--sp];
      markedList[nMarked++] = f;
      int r = supporter[f];
      if (r < 0) {
        continue; // true in s
      }
      int o = origin[r];
      if (o >= 0 && !marked[o]) {
        marked[o] = true;
        usedList[nUsed++] = o;
        h += baseCost[r];
        if (preferred != null && applicable(s, o)) {
          preferred.add(o);
        }
      }
      for (int p : pre[r]) {
        if (!factMarked[p]) {
          factMarked[p] = true;
          stack[sp++] = p;
        }
      }
    }
    for (int i = 0; i < nUsed; i++) {
      marked[usedList[i]] = false;
    }
    for (int i = 0; i < nMarked; i++) {
      factMarked[markedList[i]] = false;
    }
    return h;
  }

  private boolean applicable(long[] s, int o) {
    Task.Op op = task.ops().get(o);
    return Successors.allSet(s, op.pre()) && Successors.noneSet(s, op.preNeg());
  }

  /** h^add or h^max of {@code s}. */
  int value(long[] s, Kind kind) {
    return explore(s, kind, null, task.goalPos());
  }
}
