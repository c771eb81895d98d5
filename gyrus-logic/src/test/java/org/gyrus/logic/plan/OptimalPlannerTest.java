package org.gyrus.logic.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Optimal planning against brute-force Dijkstra, and admissibility of h^max and LM-cut. */
class OptimalPlannerTest {
  private static Pddl.Domain domain(RandomTasks.Tiny t, boolean costs) {
    return PddlParser.parseDomain(t.domainPddl(costs), "tiny-domain.pddl");
  }

  private static Pddl.Problem problem(RandomTasks.Tiny t, Pddl.Domain d, boolean costs) {
    return PddlParser.parseProblem(t.problemPddl(costs), "tiny-problem.pddl", d);
  }

  @Test
  void optimalCostsMatchBruteForce() {
    Random r = new Random(7);
    int solvable = 0;
    int unsolvable = 0;
    for (int i = 0; i < 150; i++) {
      boolean conditional = i % 3 == 0;
      RandomTasks.Tiny t =
          RandomTasks.random(r, 4 + r.nextInt(4), 3 + r.nextInt(6), conditional, i % 2 == 0);
      long want = t.optimal(t.init());
      Pddl.Domain d = domain(t, true);
      Pddl.Problem p = problem(t, d, true);
      Planner.Result res = Planner.solve(d, p, Planner.Options.optimal(10));
      if (want < 0) {
        assertThat(res.status()).as("task %d", i).isEqualTo(Planner.Status.UNSOLVABLE);
        unsolvable++;
        continue;
      }
      solvable++;
      assertThat(res.status()).as("task %d", i).isEqualTo(Planner.Status.SOLVED);
      assertThat(res.cost()).as("task %d:\n%s", i, t.domainPddl(true)).isEqualTo(want);
      Validator.Verdict v = Validator.validate(d, p, res.plan());
      assertThat(v.valid()).as(v.error()).isTrue();
      assertThat(v.cost()).isEqualTo(want);
      // the satisficing planner finds some valid plan, never a cheaper one than the optimum
      Planner.Result sat = Planner.solve(d, p, new Planner.Options(false, 10, true));
      assertThat(sat.status()).isEqualTo(Planner.Status.SOLVED);
      assertThat(Validator.validate(d, p, sat.plan()).valid()).isTrue();
      assertThat(sat.cost()).isGreaterThanOrEqualTo(want);
    }
    assertThat(solvable).isGreaterThan(30);
    assertThat(unsolvable).isGreaterThan(5);
  }

  @Test
  void hmaxAndLmCutNeverOverestimate() {
    Random r = new Random(11);
    int checked = 0;
    int positive = 0;
    for (int i = 0; i < 100; i++) {
      RandomTasks.Tiny t = RandomTasks.random(r, 5 + r.nextInt(3), 4 + r.nextInt(5), false, true);
      Pddl.Domain d = domain(t, true);
      Task task = Grounder.ground(d, problem(t, d, true));
      Relaxed relaxed = new Relaxed(task, Relaxed.CostType.REAL);
      Heuristic lmcut = Heuristic.lmCut(relaxed);
      Heuristic hmax = Heuristic.max(relaxed);
      for (int s : t.reachable()) {
        long[] bits = encode(task, s);
        long opt = t.optimal(s);
        int hm = hmax.value(bits, null);
        int lc = lmcut.value(bits, null);
        if (opt < 0) {
          continue; // a dead end: any value is admissible
        }
        assertThat((long) hm).as("h^max, task %d state %s", i, s).isLessThanOrEqualTo(opt);
        assertThat((long) lc).as("LM-cut, task %d state %s", i, s).isLessThanOrEqualTo(opt);
        assertThat(lc).as("LM-cut dominates h^max").isGreaterThanOrEqualTo(hm);
        checked++;
        positive += lc > 0 ? 1 : 0;
      }
    }
    assertThat(checked).isGreaterThan(200);
    assertThat(positive).isGreaterThan(50);
  }

  /** The optimal mode's heuristic on tasks with conditional effects (where LM-cut is not used). */
  @Test
  void hmaxNeverOverestimatesWithConditionalEffects() {
    Random r = new Random(13);
    int checked = 0;
    int positive = 0;
    int conditional = 0;
    for (int i = 0; i < 100; i++) {
      RandomTasks.Tiny t = RandomTasks.random(r, 5 + r.nextInt(3), 4 + r.nextInt(5), true, true);
      Pddl.Domain d = domain(t, true);
      Task task = Grounder.ground(d, problem(t, d, true));
      conditional += task.conditionalEffects() ? 1 : 0;
      Heuristic hmax = Heuristic.max(new Relaxed(task, Relaxed.CostType.REAL));
      for (int s : t.reachable()) {
        long opt = t.optimal(s);
        if (opt < 0) {
          continue;
        }
        int hm = hmax.value(encode(task, s), null);
        assertThat((long) hm).as("h^max, task %d state %s", i, s).isLessThanOrEqualTo(opt);
        checked++;
        positive += hm > 0 ? 1 : 0;
      }
    }
    assertThat(conditional).isGreaterThan(30);
    assertThat(checked).isGreaterThan(200);
    assertThat(positive).isGreaterThan(50);
  }

  @Test
  void h2OnlyClaimsUnsolvableWhenBruteForceAgrees() {
    Random r = new Random(23);
    int proven = 0;
    int unsolvable = 0;
    for (int i = 0; i < 400; i++) {
      RandomTasks.Tiny t =
          RandomTasks.random(r, 4 + r.nextInt(5), 2 + r.nextInt(6), i % 2 == 0, false);
      Pddl.Domain d = domain(t, false);
      Task task = Grounder.ground(d, problem(t, d, false));
      boolean claim = H2Reachability.provesUnsolvable(task, System::nanoTime, Long.MAX_VALUE);
      boolean truth = t.optimal(t.init()) < 0;
      if (claim) {
        assertThat(truth).as("h^2 called task %d unsolvable:%n%s", i, t.domainPddl(false)).isTrue();
        proven++;
      }
      unsolvable += truth ? 1 : 0;
    }
    assertThat(proven)
        .as("h^2 proves some of the %d unsolvable tasks", unsolvable)
        .isGreaterThan(10);
  }

  /** The task's bitset for a state of the tiny task (facts named {@code (pN)}). */
  private static long[] encode(Task task, int s) {
    long[] bits = new long[(task.numFacts() + 63) / 64 + 1];
    List<String> names = task.facts();
    for (int f = 0; f < names.size(); f++) {
      String n = names.get(f);
      if (n.startsWith("(p")) {
        int k = Integer.parseInt(n.substring(2, n.length() - 1));
        if ((s & (1 << k)) != 0) {
          bits[f >>> 6] |= 1L << f;
        }
      }
    }
    return bits;
  }
}
