package org.gyrus.logic.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.logic.plan.Pddl.Domain;
import org.gyrus.logic.plan.Pddl.Problem;

/**
 * The planner: parse, ground, search. Satisficing mode runs LAMA's first iteration (lazy greedy
 * best-first search alternating FF and the landmark count, with preferred operators; with the
 * default heuristic a plain FF search joins it after {@link Portfolio#SOLO} expansions) and, when
 * {@code anytime}, keeps improving with lazy weighted A* (weights 5, 3, 2, 1) under the best cost
 * found so far. Optimal mode runs A* with LM-cut (h^max when the task has conditional effects).
 */
public final class Planner {
  /**
   * What the planner should do.
   *
   * @param optimal A* with an admissible {@code heuristic} ({@code lmcut}, {@code hmax} or {@code
   *     blind}; null: LM-cut, or h^max when the task has conditional effects)
   * @param anytime after the first plan, improve it with weighted A* until the limit
   * @param cpuTime measure the limit in this thread's CPU time (as planning competitions do)
   * @param heuristic satisficing: {@code lama} (FF and landmark count, both with preferred
   *     operators), {@code ff}, {@code lm} or {@code add}; null: lama
   * @param weight satisficing: negative for greedy search, else g + weight * h
   */
  public record Options(
      boolean optimal,
      double timeoutSeconds,
      boolean anytime,
      boolean cpuTime,
      String heuristic,
      double weight) {
    /** A wall-clock limit, default heuristics, greedy first search. */
    public Options(boolean optimal, double timeoutSeconds, boolean anytime) {
      this(optimal, timeoutSeconds, anytime, false, null, -1);
    }

    public static Options satisficing(double timeoutSeconds) {
      return new Options(false, timeoutSeconds, false);
    }

    public static Options optimal(double timeoutSeconds) {
      return new Options(true, timeoutSeconds, false);
    }

    /** The same limit measured in this thread's CPU time. */
    public Options onCpuTime() {
      return new Options(optimal, timeoutSeconds, anytime, true, heuristic, weight);
    }
  }

  /** How planning ended. */
  public enum Status {
    /** A plan was found (optimal mode: a proven optimal one). */
    SOLVED,
    /** Exhausted search (or relaxed reachability) proved that no plan exists. */
    UNSOLVABLE,
    TIMEOUT,
    OUT_OF_MEMORY
  }

  /**
   * The result: plan steps such as {@code (pick-up a)}, its cost, and counters.
   *
   * @param optimal whether the plan's cost was proven optimal
   */
  public record Result(
      Status status,
      List<String> plan,
      long cost,
      boolean optimal,
      int facts,
      int operators,
      long expanded,
      long evaluated,
      double groundSeconds,
      double totalSeconds) {}

  /** The satisficing heuristic when {@link Options#heuristic} is null. */
  static final String DEFAULT_HEURISTIC = "lama";

  private Planner() {}

  public static Result solve(Path domainFile, Path problemFile, Options options) {
    long t0 = System.nanoTime();
    Domain d = PddlParser.parseDomain(domainFile);
    Problem p = PddlParser.parseProblem(problemFile, d);
    return solve(d, p, options, t0);
  }

  public static Result solve(Domain d, Problem p, Options options) {
    return solve(d, p, options, System.nanoTime());
  }

  private static Result solve(Domain d, Problem p, Options options, long t0) {
    java.util.function.LongSupplier clock =
        options.cpuTime() ? Planner::cpuNanos : System::nanoTime;
    long deadline =
        clock.getAsLong()
            - (options.cpuTime() ? 0 : System.nanoTime() - t0)
            + (long) (options.timeoutSeconds() * 1e9);
    Task task;
    try {
      task = Grounder.ground(d, p, clock, deadline);
    } catch (Grounder.OutOfTime e) {
      double secs = (System.nanoTime() - t0) / 1e9;
      return new Result(Status.TIMEOUT, List.of(), 0, false, 0, 0, 0, 0, secs, secs);
    }
    double groundSeconds = (System.nanoTime() - t0) / 1e9;
    H2Reachability h2 = H2Reachability.of(task, clock, deadline);
    if (h2 != null && h2.unsolvable()) {
      double secs = (System.nanoTime() - t0) / 1e9;
      return new Result(
          Status.UNSOLVABLE,
          List.of(),
          0,
          false,
          task.numFacts(),
          task.ops().size(),
          0,
          0,
          groundSeconds,
          secs);
    }
    Successors succ = new Successors(task);
    Search.Outcome out;
    boolean optimal = false;
    if (options.optimal()) {
      out = new Search(task, succ, clock, deadline).astar(admissible(task, options.heuristic()));
      optimal = out.status() == Search.Status.SOLVED;
    } else {
      Heuristic[] hs = satisficing(task, options.heuristic(), h2);
      if (options.heuristic() == null && options.weight() < 0) {
        // the default first search: LAMA, with FF alone joining if LAMA is slow (see Portfolio)
        out = Portfolio.lamaThenFf(task, succ, clock, deadline, hs, hs[0], Portfolio.SOLO);
      } else {
        out = new Search(task, succ, clock, deadline).lazy(hs, options.weight(), Long.MAX_VALUE);
      }
      if (options.anytime() && out.status() == Search.Status.SOLVED) {
        out = improve(task, succ, clock, deadline, out, hs);
      }
    }
    return new Result(
        status(out.status()),
        names(task, out.plan()),
        out.cost(),
        optimal,
        task.numFacts(),
        task.ops().size(),
        out.expanded(),
        out.evaluated(),
        groundSeconds,
        (System.nanoTime() - t0) / 1e9);
  }

  private static Heuristic admissible(Task task, String name) {
    Relaxed r = new Relaxed(task, Relaxed.CostType.REAL);
    if ("blind".equals(name)) {
      return Heuristic.blind();
    }
    if ("hmax".equals(name) || task.conditionalEffects()) {
      return Heuristic.max(r); // LM-cut is not admissible with conditional effects
    }
    return Heuristic.lmCut(r);
  }

  /**
   * The satisficing heuristics named {@code name}: {@code ff}, {@code add}, {@code lm} (landmark
   * count) or {@code lama} (FF and landmark count alternating, as LAMA does); null: {@link
   * #DEFAULT_HEURISTIC}. Costs enter as in LAMA: 1 per step on unit-cost tasks, else cost + 1.
   */
  static Heuristic[] satisficing(Task task, String name, H2Reachability h2) {
    Relaxed.CostType type = task.unitCost() ? Relaxed.CostType.ONE : Relaxed.CostType.PLUS_ONE;
    Relaxed r = new Relaxed(task, type);
    switch (name == null ? DEFAULT_HEURISTIC : name) {
      case "ff":
        return new Heuristic[] {Heuristic.ff(r)};
      case "add":
        return new Heuristic[] {Heuristic.add(r)};
      case "lm":
        return new Heuristic[] {Heuristic.landmarks(task, Landmarks.of(r, h2))};
      case "lama":
        return new Heuristic[] {Heuristic.ff(r), Heuristic.landmarks(task, Landmarks.of(r, h2))};
      default:
        throw new IllegalArgumentException("unknown heuristic " + name);
    }
  }

  /** LAMA's later iterations: weighted A* with falling weights, each bounded by the best cost. */
  private static Search.Outcome improve(
      Task task,
      Successors succ,
      java.util.function.LongSupplier clock,
      long deadline,
      Search.Outcome best,
      Heuristic[] hs) {
    for (double w : new double[] {5, 3, 2, 1}) {
      while (clock.getAsLong() < deadline) {
        Search.Outcome o = new Search(task, succ, clock, deadline).lazy(hs, w, best.cost());
        if (o.status() != Search.Status.SOLVED) {
          break; // exhausted below the bound (nothing cheaper at this weight) or out of time
        }
        best = o;
      }
    }
    return best;
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /** This thread's CPU time in nanoseconds. */
  static long cpuNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }

  private static Status status(Search.Status s) {
    switch (s) {
      case SOLVED:
        return Status.SOLVED;
      case UNSOLVABLE:
        return Status.UNSOLVABLE;
      case OUT_OF_MEMORY:
        return Status.OUT_OF_MEMORY;
      default:
        return Status.TIMEOUT;
    }
  }

  private static List<String> names(Task task, List<Integer> plan) {
    List<String> out = new ArrayList<>();
    for (int o : plan) {
      Task.Op op = task.ops().get(o);
      if (!op.hidden()) {
        out.add(op.name());
      }
    }
    return out;
  }
}
