package org.gyrus.logic.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Tiny random propositional tasks, kept as plain data with their own brute-force solver (Dijkstra
 * over explicit states), and written out as PDDL so the planner can be checked against it without
 * sharing any code.
 */
final class RandomTasks {
  /** An action over facts 0..n-1; {@code cond*} is a conditional add (fact -1: none). */
  record Act(int[] pre, int[] preNeg, int[] add, int[] del, int cost, int[] condPos, int condAdd) {}

  record Tiny(int facts, List<Act> acts, int init, int goal, int goalNeg) {
    /** The optimal plan cost from {@code state} to the goal; -1 when unreachable. */
    long optimal(int state) {
      Map<Integer, Long> dist = new HashMap<>();
      PriorityQueue<long[]> q = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
      q.add(new long[] {0, state});
      dist.put(state, 0L);
      while (!q.isEmpty()) {
        long[] e = q.poll();
        int s = (int) e[1];
        if (e[0] > dist.get(s)) {
          continue;
        }
        if ((s & goal) == goal && (s & goalNeg) == 0) {
          return e[0];
        }
        for (Act a : acts) {
          if (!applicable(a, s)) {
            continue;
          }
          int t = apply(a, s);
          long d = e[0] + a.cost();
          if (d < dist.getOrDefault(t, Long.MAX_VALUE)) {
            dist.put(t, d);
            q.add(new long[] {d, t});
          }
        }
      }
      return -1;
    }

    /** Every state reachable from init. */
    List<Integer> reachable() {
      List<Integer> out = new ArrayList<>(List.of(init));
      java.util.Set<Integer> seen = new java.util.HashSet<>(out);
      for (int i = 0; i < out.size(); i++) {
        for (Act a : acts) {
          if (applicable(a, out.get(i))) {
            int t = apply(a, out.get(i));
            if (seen.add(t)) {
              out.add(t);
            }
          }
        }
      }
      return out;
    }

    static boolean applicable(Act a, int s) {
      return (s & mask(a.pre())) == mask(a.pre()) && (s & mask(a.preNeg())) == 0;
    }

    static int apply(Act a, int s) {
      boolean cond = a.condAdd() >= 0 && (s & mask(a.condPos())) == mask(a.condPos());
      int t = s & ~mask(a.del());
      t |= mask(a.add());
      if (cond) {
        t |= 1 << a.condAdd();
      }
      return t;
    }

    String domainPddl(boolean costs) {
      StringBuilder b = new StringBuilder("(define (domain tiny)\n (:requirements :strips");
      b.append(" :negative-preconditions :conditional-effects")
          .append(costs ? " :action-costs" : "");
      b.append(")\n (:predicates");
      for (int f = 0; f < facts; f++) {
        b.append(" (p").append(f).append(')');
      }
      b.append(")\n");
      if (costs) {
        b.append(" (:functions (total-cost) - number)\n");
      }
      for (int i = 0; i < acts.size(); i++) {
        Act a = acts.get(i);
        b.append(" (:action a").append(i).append("\n  :parameters ()\n  :precondition (and");
        for (int f : a.pre()) {
          b.append(" (p").append(f).append(')');
        }
        for (int f : a.preNeg()) {
          b.append(" (not (p").append(f).append("))");
        }
        b.append(")\n  :effect (and");
        for (int f : a.add()) {
          b.append(" (p").append(f).append(')');
        }
        for (int f : a.del()) {
          b.append(" (not (p").append(f).append("))");
        }
        if (a.condAdd() >= 0) {
          b.append(" (when (and");
          for (int f : a.condPos()) {
            b.append(" (p").append(f).append(')');
          }
          b.append(") (p").append(a.condAdd()).append("))");
        }
        if (costs) {
          b.append(" (increase (total-cost) ").append(a.cost()).append(')');
        }
        b.append("))\n");
      }
      return b.append(")\n").toString();
    }

    String problemPddl(boolean costs) {
      StringBuilder b = new StringBuilder("(define (problem t) (:domain tiny)\n (:init");
      for (int f = 0; f < facts; f++) {
        if ((init & (1 << f)) != 0) {
          b.append(" (p").append(f).append(')');
        }
      }
      if (costs) {
        b.append(" (= (total-cost) 0)");
      }
      b.append(")\n (:goal (and");
      for (int f = 0; f < facts; f++) {
        if ((goal & (1 << f)) != 0) {
          b.append(" (p").append(f).append(')');
        }
        if ((goalNeg & (1 << f)) != 0) {
          b.append(" (not (p").append(f).append("))");
        }
      }
      b.append("))").append(costs ? "\n (:metric minimize (total-cost))" : "");
      return b.append(")\n").toString();
    }
  }

  static int mask(int[] facts) {
    int m = 0;
    for (int f : facts) {
      m |= 1 << f;
    }
    return m;
  }

  /** A random task with {@code n} facts and {@code m} actions (conditional effects optional). */
  static Tiny random(Random r, int n, int m, boolean conditional, boolean negGoal) {
    List<Act> acts = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      int pre = 0;
      int neg = 0;
      int add = 0;
      int del = 0;
      for (int f = 0; f < n; f++) {
        double x = r.nextDouble();
        if (x < 0.25) {
          pre |= 1 << f;
          if (r.nextDouble() < 0.5) {
            del |= 1 << f;
          }
        } else if (x < 0.33) {
          neg |= 1 << f;
        } else if (x < 0.55) {
          add |= 1 << f;
        }
      }
      int condAdd = conditional && r.nextBoolean() ? r.nextInt(n) : -1;
      int condPos = condAdd >= 0 ? 1 << r.nextInt(n) : 0;
      acts.add(
          new Act(
              bits(pre),
              bits(neg),
              bits(add),
              bits(del & ~add),
              1 + r.nextInt(5),
              bits(condPos),
              condAdd));
    }
    int init = r.nextInt(1 << n);
    int goal = r.nextInt(1 << n) & ~init;
    int goalNeg = negGoal ? r.nextInt(1 << n) & init & ~goal & (r.nextInt(1 << n)) : 0;
    if (goal == 0) {
      goal = 1 << r.nextInt(n);
      goalNeg &= ~goal;
    }
    return new Tiny(n, acts, init, goal, goalNeg);
  }

  private static int[] bits(int m) {
    return java.util.stream.IntStream.range(0, 32).filter(f -> (m & (1 << f)) != 0).toArray();
  }
}
