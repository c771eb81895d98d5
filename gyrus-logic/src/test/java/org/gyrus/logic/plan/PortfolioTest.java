package org.gyrus.logic.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The default first search (LAMA, joined by plain FF after {@link Portfolio#SOLO} expansions):
 * slices of a lazy search are the whole search, the portfolio's verdicts agree with brute force on
 * tiny random tasks, it changes nothing LAMA solves within its solo budget, and it solves the IPC
 * blocks instance that LAMA alone lost.
 */
class PortfolioTest {
  private record Tiny(RandomTasks.Tiny t, Pddl.Domain d, Pddl.Problem p, Task task) {}

  private static Tiny tiny(Random r, int i) {
    RandomTasks.Tiny t =
        RandomTasks.random(r, 4 + r.nextInt(4), 3 + r.nextInt(6), i % 3 == 0, i % 2 == 0);
    Pddl.Domain d = PddlParser.parseDomain(t.domainPddl(true), "d.pddl");
    Pddl.Problem p = PddlParser.parseProblem(t.problemPddl(true), "p.pddl", d);
    return new Tiny(t, d, p, Grounder.ground(d, p));
  }

  /** Fresh LAMA heuristics (the landmark count remembers states of one search). */
  private static Heuristic[] lama(Task task) {
    return Planner.satisficing(
        task, null, H2Reachability.of(task, System::nanoTime, Long.MAX_VALUE));
  }

  private static Search search(Task task) {
    return new Search(task, new Successors(task), System::nanoTime, Long.MAX_VALUE);
  }

  private static List<String> names(Task task, List<Integer> plan) {
    List<String> out = new ArrayList<>();
    for (int o : plan) {
      if (!task.ops().get(o).hidden()) {
        out.add(task.ops().get(o).name());
      }
    }
    return out;
  }

  @Test
  void aSearchRunInSlicesIsTheSameSearch() {
    Random r = new Random(5);
    for (int i = 0; i < 80; i++) {
      Task task = tiny(r, i).task();
      Search.Outcome whole = search(task).lazy(lama(task), -1, Long.MAX_VALUE);
      Search.Lazy run = search(task).lazyRun(lama(task), -1, Long.MAX_VALUE);
      int slice = 1 + r.nextInt(3);
      Search.Outcome sliced = run.run(slice);
      while (sliced == null) {
        sliced = run.run(slice);
      }
      assertThat(sliced.status()).as("task %d", i).isEqualTo(whole.status());
      assertThat(sliced.plan()).as("task %d", i).isEqualTo(whole.plan());
      assertThat(sliced.expanded()).as("task %d", i).isEqualTo(whole.expanded());
    }
  }

  @Test
  void verdictsMatchBruteForceAndPlansValidateWhateverTheSoloBudget() {
    Random r = new Random(11);
    int solved = 0;
    for (int i = 0; i < 120; i++) {
      Tiny x = tiny(r, i);
      long solo = new long[] {0, 1, 3, Portfolio.SOLO}[i % 4];
      Heuristic[] hs = lama(x.task());
      Search.Outcome o =
          Portfolio.lamaThenFf(
              x.task(),
              new Successors(x.task()),
              System::nanoTime,
              Long.MAX_VALUE,
              hs,
              hs[0],
              solo);
      boolean solvable = x.t().optimal(x.t().init()) >= 0;
      assertThat(o.status())
          .as("task %d solo %d", i, solo)
          .isEqualTo(solvable ? Search.Status.SOLVED : Search.Status.UNSOLVABLE);
      if (solvable) {
        Validator.Verdict v = Validator.validate(x.d(), x.p(), names(x.task(), o.plan()));
        assertThat(v.valid()).as("task %d solo %d: %s", i, solo, v.error()).isTrue();
        solved++;
      }
      if (solo == Portfolio.SOLO) { // LAMA alone within its budget: the very same search
        Search.Outcome alone = search(x.task()).lazy(lama(x.task()), -1, Long.MAX_VALUE);
        assertThat(o.plan()).isEqualTo(alone.plan());
        assertThat(o.expanded()).isEqualTo(alone.expanded());
      }
    }
    assertThat(solved).isGreaterThan(40);
  }

  /** IPC-2000 blocks 62: LAMA alone times out at 60 s CPU, FF alone needs ~7k expansions. */
  @Test
  void solvesTheBlocksInstanceLamaAloneLost() {
    String data = System.getenv("GYRUS_DATA");
    Path dir = data == null ? null : Path.of(data, "pddl-ipc", "ipc-2000", "blocks-strips-typed");
    Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "no $GYRUS_DATA/pddl-ipc");
    Pddl.Domain d = PddlParser.parseDomain(dir.resolve("domain.pddl"));
    Pddl.Problem p = PddlParser.parseProblem(dir.resolve("instances/instance-62.pddl"), d);
    Planner.Result res = Planner.solve(d, p, Planner.Options.satisficing(60).onCpuTime());
    assertThat(res.status()).isEqualTo(Planner.Status.SOLVED);
    assertThat(Validator.validate(d, p, res.plan()).valid()).isTrue();
    assertThat(res.expanded()).isGreaterThan(Portfolio.SOLO); // found after FF joined
  }
}
