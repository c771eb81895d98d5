package org.gyrus.logic.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Landmarks against hand-computed sets and against every plan of tiny random tasks (brute force),
 * the landmark count on hand-computed states, and the LAMA planner's plans through the validator.
 */
class LandmarksTest {
  /**
   * A walk a -> b -> c whose door (b -> c) opens with a key found at a or b; d is a dead side. The
   * key's achiever at b comes first, so a label kept from the first achiever found would wrongly
   * order at-b before the key.
   */
  static final String KEY_DOMAIN =
      "(define (domain key) (:requirements :strips)\n"
          + " (:predicates (at-a) (at-b) (at-c) (at-d) (key) (open))\n"
          + " (:action ab :precondition (at-a) :effect (and (at-b) (not (at-a))))\n"
          + " (:action ba :precondition (at-b) :effect (and (at-a) (not (at-b))))\n"
          + " (:action ad :precondition (at-a) :effect (and (at-d) (not (at-a))))\n"
          + " (:action take-b :precondition (at-b) :effect (key))\n"
          + " (:action take-a :precondition (at-a) :effect (key))\n"
          + " (:action unlock :precondition (and (at-b) (key)) :effect (open))\n"
          + " (:action bc :precondition (and (at-b) (open)) :effect (and (at-c) (not (at-b)))))";

  static final String KEY_PROBLEM =
      "(define (problem k) (:domain key) (:init (at-a)) (:goal (at-c)))";

  static final String BLOCKS =
      "(define (domain bw) (:requirements :strips :typing) (:types block)\n"
          + " (:predicates (on ?x ?y - block) (ontable ?x - block) (clear ?x - block)"
          + " (handempty) (holding ?x - block))\n"
          + " (:action pick-up :parameters (?x - block)\n"
          + "  :precondition (and (clear ?x) (ontable ?x) (handempty))\n"
          + "  :effect (and (not (ontable ?x)) (not (clear ?x)) (not (handempty)) (holding ?x)))\n"
          + " (:action put-down :parameters (?x - block) :precondition (holding ?x)\n"
          + "  :effect (and (not (holding ?x)) (clear ?x) (handempty) (ontable ?x)))\n"
          + " (:action stack :parameters (?x ?y - block)\n"
          + "  :precondition (and (holding ?x) (clear ?y))\n"
          + "  :effect (and (not (holding ?x)) (not (clear ?y)) (clear ?x) (handempty)"
          + " (on ?x ?y)))\n"
          + " (:action unstack :parameters (?x ?y - block)\n"
          + "  :precondition (and (on ?x ?y) (clear ?x) (handempty))\n"
          + "  :effect (and (holding ?x) (clear ?y) (not (clear ?x)) (not (handempty))"
          + " (not (on ?x ?y)))))";

  /** Three blocks on the table; goal the tower a on b on c. */
  static final String TOWER =
      "(define (problem t) (:domain bw) (:objects a b c - block)\n"
          + " (:init (ontable a) (ontable b) (ontable c) (clear a) (clear b) (clear c)"
          + " (handempty))\n"
          + " (:goal (and (on a b) (on b c))))";

  private static Task ground(String domain, String problem) {
    Pddl.Domain d = PddlParser.parseDomain(domain, "d.pddl");
    return Grounder.ground(d, PddlParser.parseProblem(problem, "p.pddl", d));
  }

  private static Landmarks landmarks(Task task) {
    H2Reachability h2 = H2Reachability.of(task, System::nanoTime, Long.MAX_VALUE);
    return Landmarks.of(new Relaxed(task, Relaxed.CostType.ONE), h2);
  }

  private static Set<String> names(Task task, Landmarks lm, int[] ls) {
    Set<String> out = new TreeSet<>();
    for (int l : ls) {
      out.add(task.facts().get(lm.fact[l]));
    }
    return out;
  }

  private static int lmOf(Task task, Landmarks lm, String fact) {
    return lm.index[task.facts().indexOf(fact)];
  }

  @Test
  void keyTaskLandmarksAndOrderingsAreTheHandComputedOnes() {
    Task task = ground(KEY_DOMAIN, KEY_PROBLEM);
    Landmarks lm = landmarks(task);
    int[] all = java.util.stream.IntStream.range(0, lm.size()).toArray();
    // at-d is reachable but not needed; the key comes from a or b, but it is needed
    assertThat(names(task, lm, all))
        .containsExactlyInAnyOrder("(at-a)", "(at-b)", "(key)", "(open)", "(at-c)");
    assertThat(names(task, lm, lm.parents[lmOf(task, lm, "(at-c)")]))
        .containsExactlyInAnyOrder("(at-a)", "(at-b)", "(key)", "(open)");
    assertThat(names(task, lm, lm.parents[lmOf(task, lm, "(key)")])).containsExactly("(at-a)");
    // greedy-necessary: needed right before the first achiever; the key has two achievers
    // with no shared precondition, so nothing is needed right before it
    assertThat(names(task, lm, lm.gnChildren[lmOf(task, lm, "(at-b)")]))
        .containsExactlyInAnyOrder("(open)", "(at-c)");
    assertThat(names(task, lm, lm.gnChildren[lmOf(task, lm, "(key)")])).containsExactly("(open)");
    assertThat(names(task, lm, lm.gnChildren[lmOf(task, lm, "(at-a)")])).containsExactly("(at-b)");
    assertThat(lm.goal[lmOf(task, lm, "(at-c)")]).isTrue();
    assertThat(lm.goal[lmOf(task, lm, "(open)")]).isFalse();
  }

  @Test
  void landmarkCountOnHandComputedStates() {
    Task task = ground(KEY_DOMAIN, KEY_PROBLEM);
    Landmarks lm = landmarks(task);
    LandmarkCount h = new LandmarkCount(task, lm);
    Successors succ = new Successors(task);
    long[] s0 = succ.initial(2);
    Successors.IntBuf pref = new Successors.IntBuf();
    // accepted {at-a}; at-b, key, open, at-c to go
    assertThat(h.value(s0, 0, -1, pref)).isEqualTo(4);
    assertThat(opNames(task, pref)).containsExactlyInAnyOrder("(ab)", "(take-a)");
    long[] s1 = step(task, succ, s0, "(ab)");
    // at-b accepted (its parent at-a was); at-a is false but nothing not yet accepted needs it
    // right before
    pref.clear();
    assertThat(h.value(s1, 1, 0, pref)).isEqualTo(3);
    assertThat(opNames(task, pref)).containsExactly("(take-b)");
    long[] s2 = step(task, succ, s1, "(take-b)");
    assertThat(h.value(s2, 2, 1, null)).isEqualTo(2);
    long[] s3 = step(task, succ, s2, "(unlock)");
    assertThat(h.value(s3, 3, 2, null)).isEqualTo(1);
    // back to a: at-b is now required again (open is accepted, but at-c is not and needs at-b)
    long[] s4 = step(task, succ, s3, "(ba)");
    assertThat(h.value(s4, 4, 3, null)).isEqualTo(2);
    long[] s5 = step(task, succ, s3, "(bc)");
    assertThat(h.value(s5, 5, 3, null)).isEqualTo(0);
    // s2 taken as an initial state: only its true landmarks (at-b, key) are accepted, so at-a
    // counts as well as open and at-c
    assertThat(h.value(s2, -1, -1, null)).isEqualTo(3);
  }

  private static long[] step(Task task, Successors succ, long[] s, String op) {
    long[] out = new long[s.length];
    int o = -1;
    for (int i = 0; i < task.ops().size(); i++) {
      if (task.ops().get(i).name().equals(op)) {
        o = i;
      }
    }
    assertThat(o).as(op).isGreaterThanOrEqualTo(0);
    assertThat(Successors.allSet(s, task.ops().get(o).pre())).as(op + " applicable").isTrue();
    succ.apply(s, o, out);
    return out;
  }

  private static List<String> opNames(Task task, Successors.IntBuf ops) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < ops.n; i++) {
      out.add(task.ops().get(ops.a[i]).name());
    }
    return out;
  }

  @Test
  void towerGoalsAreReasonablyOrderedBottomUp() {
    Task task = ground(BLOCKS, TOWER);
    Landmarks lm = landmarks(task);
    int ab = lmOf(task, lm, "(on a b)");
    int bc = lmOf(task, lm, "(on b c)");
    assertThat(ab).isGreaterThanOrEqualTo(0);
    assertThat(bc).isGreaterThanOrEqualTo(0);
    // stacking b on c needs b clear, so a on b would have to be undone: b on c first
    assertThat(lm.parents[ab]).contains(bc);
    assertThat(names(task, lm, lm.reasonableParents[ab]))
        .containsExactlyInAnyOrder("(on b c)", "(holding b)");
    assertThat(lm.parents[bc]).doesNotContain(ab);
    assertThat(names(task, lm, java.util.stream.IntStream.range(0, lm.size()).toArray()))
        .contains("(holding a)", "(holding b)", "(on a b)", "(on b c)");
  }

  /**
   * Every landmark is true in some state of every plan (all action sequences up to 5 steps that end
   * in the goal), every natural ordering q before p holds in it (q true before p first is, unless p
   * holds initially), and every greedy-necessary one holds right before p first becomes true.
   */
  @Test
  void landmarksAndOrderingsHoldInEveryPlanOfTinyTasks() {
    Random r = new Random(5);
    int plans = 0;
    int landmarksChecked = 0;
    for (int i = 0; i < 200; i++) {
      RandomTasks.Tiny t =
          RandomTasks.random(r, 4 + r.nextInt(3), 3 + r.nextInt(5), i % 3 == 0, false);
      Pddl.Domain d = PddlParser.parseDomain(t.domainPddl(false), "d.pddl");
      Task task = Grounder.ground(d, PddlParser.parseProblem(t.problemPddl(false), "p.pddl", d));
      Landmarks lm = landmarks(task);
      int[] bit = tinyBits(task, lm);
      List<int[]> found = new ArrayList<>();
      enumerate(t, new int[6], 0, t.init(), found);
      if (found.isEmpty()) {
        continue;
      }
      assertThat(lm.reachable).isTrue();
      for (int[] states : found) {
        plans++;
        for (int l = 0; l < lm.size(); l++) {
          int at = firstTrue(states, bit[l]);
          assertThat(at)
              .as("task %d landmark %d:%n%s", i, l, t.domainPddl(false))
              .isGreaterThan(-1);
          landmarksChecked++;
          if (at == 0) {
            continue;
          }
          for (int q : lm.parents[l]) {
            if (!contains(lm.reasonableParents[l], q)) { // reasonable ones need not hold
              assertThat(firstTrue(states, bit[q]))
                  .as("task %d: %d before %d", i, q, l)
                  .isLessThan(at);
            }
          }
          for (int q = 0; q < lm.size(); q++) {
            if (contains(lm.gnChildren[q], l)) {
              assertThat(states[at - 1] & (1 << bit[q]))
                  .as("task %d gn %d %d", i, q, l)
                  .isNotZero();
            }
          }
        }
      }
    }
    assertThat(plans).isGreaterThan(500);
    assertThat(landmarksChecked).isGreaterThan(1000);
  }

  private static boolean contains(int[] a, int x) {
    for (int y : a) {
      if (y == x) {
        return true;
      }
    }
    return false;
  }

  /** The tiny task's bit (fact pN is bit N) for each landmark. */
  private static int[] tinyBits(Task task, Landmarks lm) {
    int[] out = new int[lm.size()];
    for (int l = 0; l < lm.size(); l++) {
      String n = task.facts().get(lm.fact[l]);
      out[l] = Integer.parseInt(n.substring(2, n.length() - 1));
    }
    return out;
  }

  private static int firstTrue(int[] states, int bit) {
    for (int k = 0; k < states.length; k++) {
      if ((states[k] & (1 << bit)) != 0) {
        return k;
      }
    }
    return -1;
  }

  /** Every action sequence of up to 5 steps ending in a goal state, as its state sequence. */
  private static void enumerate(RandomTasks.Tiny t, int[] path, int depth, int s, List<int[]> out) {
    path[depth] = s;
    if ((s & t.goal()) == t.goal() && (s & t.goalNeg()) == 0) {
      out.add(java.util.Arrays.copyOf(path, depth + 1));
    }
    if (depth == 5) {
      return;
    }
    for (RandomTasks.Act a : t.acts()) {
      if (RandomTasks.Tiny.applicable(a, s)) {
        enumerate(t, path, depth + 1, RandomTasks.Tiny.apply(a, s), out);
      }
    }
  }

  @Test
  void lamaPlansValidateOnTinyTasksAndTheTower() {
    Random r = new Random(9);
    int solved = 0;
    for (int i = 0; i < 100; i++) {
      RandomTasks.Tiny t =
          RandomTasks.random(r, 4 + r.nextInt(4), 3 + r.nextInt(6), i % 3 == 0, i % 2 == 0);
      Pddl.Domain d = PddlParser.parseDomain(t.domainPddl(true), "d.pddl");
      Pddl.Problem p = PddlParser.parseProblem(t.problemPddl(true), "p.pddl", d);
      for (String h : new String[] {"lama", "lm"}) {
        Planner.Result res =
            Planner.solve(d, p, new Planner.Options(false, 10, i % 4 == 0, false, h, -1));
        boolean solvable = t.optimal(t.init()) >= 0;
        assertThat(res.status())
            .as("task %d %s", i, h)
            .isEqualTo(solvable ? Planner.Status.SOLVED : Planner.Status.UNSOLVABLE);
        if (solvable) {
          Validator.Verdict v = Validator.validate(d, p, res.plan());
          assertThat(v.valid()).as("task %d %s: %s", i, h, v.error()).isTrue();
          assertThat(v.cost()).isEqualTo(res.cost());
          solved++;
        }
      }
    }
    assertThat(solved).isGreaterThan(60);
    Pddl.Domain d = PddlParser.parseDomain(BLOCKS, "d.pddl");
    Pddl.Problem p = PddlParser.parseProblem(TOWER, "p.pddl", d);
    Planner.Result res = Planner.solve(d, p, Planner.Options.satisficing(10));
    assertThat(res.status()).isEqualTo(Planner.Status.SOLVED);
    assertThat(Validator.validate(d, p, res.plan()).valid()).isTrue();
    assertThat(res.plan()).hasSize(4); // pick-up b, stack b c, pick-up a, stack a b
  }
}
