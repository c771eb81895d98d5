package org.gyrus.agents.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs a curriculum of tasks through a library: a task is first answered by reusing the active
 * module of its name (when that passes the task's tests); otherwise the proposer's candidates are
 * screened on the task's examples and the survivors submitted, in order, until one is admitted (at
 * most {@code maxSubmissions}).
 */
public final class Curriculum {
  /** Outcome of one task. */
  public record Step(
      String task,
      String outcome,
      Module module,
      List<String> calls,
      int candidatesTried,
      List<Decision.Refused> refusals,
      Module retired,
      int librarySize,
      double millis) {}

  private final ModuleLibrary lib;
  private final EnumeratingProposer proposer;
  private final int maxSubmissions;

  public Curriculum(ModuleLibrary lib, EnumeratingProposer proposer, int maxSubmissions) {
    this.lib = lib;
    this.proposer = proposer;
    this.maxSubmissions = maxSubmissions;
  }

  public ModuleLibrary library() {
    return lib;
  }

  public List<Step> run(List<Task> tasks) {
    List<Step> out = new ArrayList<>();
    for (Task t : tasks) {
      out.add(step(t));
    }
    return out;
  }

  public Step step(Task task) {
    long t0 = System.nanoTime();
    var reused = lib.reuse(task.name(), task.tests());
    if (reused.isPresent()) {
      return new Step(
          task.name(),
          "reused",
          reused.get(),
          lib.calls(reused.get()),
          0,
          List.of(),
          null,
          lib.active().size(),
          ms(t0));
    }
    int tried = 0;
    List<Decision.Refused> refusals = new ArrayList<>();
    for (Module c : proposer.candidates(task, lib)) {
      tried++;
      if (!fitsExamples(c, task)) {
        continue;
      }
      Decision d = lib.submit(c, task.tests());
      if (d instanceof Decision.Admitted a) {
        return new Step(
            task.name(),
            a.retired() == null ? "admitted" : "admitted, retired v" + a.retired().version(),
            a.module(),
            lib.calls(a.module()),
            tried,
            refusals,
            a.retired(),
            lib.active().size(),
            ms(t0));
      }
      refusals.add((Decision.Refused) d);
      if (refusals.size() >= maxSubmissions) {
        break;
      }
    }
    return new Step(
        task.name(),
        "unsolved",
        null,
        List.of(),
        tried,
        refusals,
        null,
        lib.active().size(),
        ms(t0));
  }

  private boolean fitsExamples(Module c, Task task) {
    for (FewShotTest e : task.examples()) {
      if (!lib.run(c, e).passed()) {
        return false;
      }
    }
    return true;
  }

  private static double ms(long t0) {
    return (System.nanoTime() - t0) / 1e6;
  }

  /** The base relations of the family domain. */
  public static List<RelType> familyBase() {
    return List.of(
        RelType.of("parent", "person", "person"),
        RelType.of("male", "person"),
        RelType.of("female", "person"));
  }

  /**
   * Family tasks of growing composition. Examples: one family; tests: two other families (4
   * generations, except the first ancestor task, whose families have 3: there "ancestor" and
   * "parent or grandparent" agree, and a later task with 5 generations tells them apart).
   */
  public static List<Task> family(long seed) {
    List<Task> ts = new ArrayList<>();
    ts.add(task("child", (f, x, y) -> f.parent(y, x), 3, 4, seed + 10));
    ts.add(
        task("grandparent", (f, x, y) -> f.ancestor(x, y, 2) && !f.parent(x, y), 3, 4, seed + 20));
    ts.add(task("sibling", Family::sibling, 3, 4, seed + 30));
    ts.add(task("father", (f, x, y) -> f.parent(x, y) && f.male(x), 3, 4, seed + 40));
    ts.add(task("mother", (f, x, y) -> f.parent(x, y) && !f.male(x), 3, 4, seed + 50));
    ts.add(task("ancestor", (f, x, y) -> f.ancestor(x, y, 99), 3, 3, seed + 60));
    ts.add(
        task("grandparent", (f, x, y) -> f.ancestor(x, y, 2) && !f.parent(x, y), 4, 4, seed + 70));
    ts.add(task("pibling", Family::pibling, 4, 4, seed + 80));
    ts.add(task("uncle", (f, x, y) -> f.pibling(x, y) && f.male(x), 4, 4, seed + 90));
    ts.add(task("aunt", (f, x, y) -> f.pibling(x, y) && !f.male(x), 4, 4, seed + 100));
    ts.add(task("cousin", Family::cousin, 4, 4, seed + 110));
    ts.add(task("ancestor", (f, x, y) -> f.ancestor(x, y, 99), 5, 5, seed + 120));
    ts.add(
        task(
            "great_grandparent",
            (f, x, y) -> f.ancestor(x, y, 3) && !f.ancestor(x, y, 2),
            5,
            5,
            seed + 130));
    ts.add(task("descendant", (f, x, y) -> f.ancestor(y, x, 99), 5, 5, seed + 140));
    ts.add(task("sibling", Family::sibling, 4, 4, seed + 150));
    ts.add(task("male_cousin", (f, x, y) -> f.cousin(x, y) && f.male(x), 4, 4, seed + 160));
    ts.add(
        task(
            "grand_uncle",
            (f, x, y) -> {
              for (int p = 0; p < f.size(); p++) {
                if (f.parent(p, y) && f.pibling(x, p) && f.male(x)) {
                  return true;
                }
              }
              return false;
            },
            5,
            5,
            seed + 170));
    return ts;
  }

  /** Relation oracle over a family. */
  @FunctionalInterface
  public interface Oracle {
    boolean holds(Family f, int x, int y);
  }

  static Task task(String name, Oracle o, int exampleGens, int testGens, long seed) {
    RelType out = RelType.of(name, "person", "person");
    List<FewShotTest> ex = List.of(shot(name, o, "e" + seed + "_", exampleGens, seed));
    List<FewShotTest> tests =
        List.of(
            shot(name, o, "t" + seed + "_", testGens, seed + 1000),
            shot(name, o, "u" + seed + "_", testGens, seed + 2000));
    return new Task(out, ex, tests);
  }

  /** A case over the first family (seeds counting up) in which the relation holds at all. */
  private static FewShotTest shot(String name, Oracle o, String prefix, int gens, long seed) {
    for (long s = seed; s < seed + 1000; s++) {
      Family f = Family.random(prefix, gens, s);
      Set<String> expected = f.pairs(name, (x, y) -> o.holds(f, x, y));
      if (!expected.isEmpty()) {
        return new FewShotTest(name + "@" + prefix + "seed" + s, f.facts(), expected);
      }
    }
    throw new IllegalStateException(
        name + ": no family of " + gens + " generations where it holds");
  }
}
