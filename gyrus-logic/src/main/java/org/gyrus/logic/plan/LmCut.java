package org.gyrus.logic.plan;

import java.util.Arrays;

/**
 * The LM-cut heuristic (Helmert and Domshlak 2009): repeatedly finds a cut of the h^max
 * justification graph between the state and the goal, adds its cheapest operator cost and lowers
 * the costs of the cut. Admissible for tasks without conditional effects; {@link Planner} uses
 * h^max when a task has them.
 */
final class LmCut {
  private final Relaxed r;
  private final int[] costs;
  private final int[] goal;
  private final int[] pcf;
  private final byte[] zone; // 0 unknown, 1 goal zone, 2 reached from the state
  private final int[] queue;
  private final int[][] achievers; // fact -> relaxed operators adding it

  LmCut(Relaxed relaxed) {
    this.r = relaxed;
    this.costs = new int[r.pre.length];
    this.goal = r.task.goalPos();
    this.pcf = new int[r.pre.length];
    this.zone = new byte[r.numFacts];
    this.queue = new int[r.numFacts + 1];
    int[] count = new int[r.numFacts];
    for (int[] e : r.eff) {
      for (int f : e) {
        count[f]++;
      }
    }
    achievers = new int[r.numFacts][];
    for (int f = 0; f < r.numFacts; f++) {
      achievers[f] = new int[count[f]];
    }
    Arrays.fill(count, 0);
    for (int o = 0; o < r.eff.length; o++) {
      for (int f : r.eff[o]) {
        achievers[f][count[f]++] = o;
      }
    }
  }

  int value(long[] s) {
    System.arraycopy(r.baseCost, 0, costs, 0, costs.length);
    int h = 0;
    while (true) {
      r.explore(s, Relaxed.Kind.MAX, costs, null);
      int hmax = 0;
      for (int f : goal) {
        if (r.factCost[f] >= Relaxed.INF) {
          return Relaxed.INF;
        }
        hmax = Math.max(hmax, r.factCost[f]);
      }
      if (hmax == 0) {
        return h;
      }
      int m = cut(s);
      if (m <= 0 || m >= Relaxed.INF) {
        return h; // cannot happen with a positive h^max; stop rather than loop
      }
      h += m;
    }
  }

  /** Finds a cut, lowers its costs by the cheapest one and returns that cost. */
  private int cut(long[] s) {
    int[] fc = r.factCost;
    for (int o = 0; o < pcf.length; o++) {
      int best = -1;
      for (int p : r.pre[o]) {
        if (best < 0 || fc[p] > fc[best]) {
          best = p;
        }
      }
      pcf[o] = best; // -1: no precondition (hangs off the state)
    }
    Arrays.fill(zone, (byte) 0);
    // goal zone: facts reaching the goal backwards through zero-cost operators; the goal facts of
    // maximal h^max are the targets (an artificial goal fact's achiever has them as pcf).
    int qn = 0;
    int gmax = 0;
    for (int f : goal) {
      gmax = Math.max(gmax, fc[f]);
    }
    for (int f : goal) {
      if (fc[f] == gmax && zone[f] == 0) {
        zone[f] = 1;
        queue[qn++] = f;
      }
    }
    for (int i = 0; i < qn; i++) {
      int f = queue[i];
      for (int o : achievers[f]) {
        if (costs[o] == 0 && pcf[o] >= 0 && zone[pcf[o]] == 0 && fc[pcf[o]] < Relaxed.INF) {
          zone[pcf[o]] = 1;
          queue[qn++] = pcf[o];
        }
      }
    }
    // forward from the state: facts true in s and effects of operators whose pcf is reached
    int m = Relaxed.INF;
    java.util.List<Integer> cutOps = new java.util.ArrayList<>();
    qn = 0;
    for (int f = 0; f < r.numFacts; f++) {
      if (fc[f] == 0 && (s[f >>> 6] & (1L << f)) != 0 && zone[f] == 0) {
        zone[f] = 2;
        queue[qn++] = f;
      }
    }
    boolean[] opSeen = new boolean[pcf.length];
    for (int o : r.noPre) {
      qn = reachOp(o, cutOps, opSeen, qn);
    }
    for (int i = 0; i < qn; i++) {
      int f = queue[i];
      for (int o : r.preOf[f]) {
        if (pcf[o] == f) {
          qn = reachOp(o, cutOps, opSeen, qn);
        }
      }
    }
    for (int o : cutOps) {
      m = Math.min(m, costs[o]);
    }
    for (int o : cutOps) {
      costs[o] -= m;
    }
    return m;
  }

  private int reachOp(int o, java.util.List<Integer> cutOps, boolean[] seen, int qn) {
    if (seen[o]) {
      return qn;
    }
    seen[o] = true;
    boolean inCut = false;
    for (int e : r.eff[o]) {
      if (zone[e] == 1) {
        inCut = true;
      } else if (zone[e] == 0) {
        zone[e] = 2;
        queue[qn++] = e;
      }
    }
    if (inCut) {
      cutOps.add(o);
    }
    return qn;
  }
}
