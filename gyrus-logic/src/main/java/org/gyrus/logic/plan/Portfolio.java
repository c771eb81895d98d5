package org.gyrus.logic.plan;

import java.util.function.LongSupplier;

/**
 * LAMA's first iteration, joined by a plain FF greedy search once it has expanded {@link #SOLO}
 * states without a plan; from then on the two take turns, {@link #SLICE} expansions each, in this
 * one thread, and the first plan (or proof that there is none) ends both.
 *
 * <p>Why: on some IPC-2000 blocks instances (62, 65) the landmark count leads the alternation into
 * a plateau it does not leave in 60 s, while FF alone finds a plan in 10k expansions (0.6 s), and
 * no single change to the landmarks (no reasonable orderings, acceptance without orderings, no
 * landmark preferred operators) fixed these without losing others (bench/results/planning.md).
 * Searches are deterministic, so every task LAMA solves within {@code SOLO} expansions gets the
 * very same plan as without the fallback; beyond that, LAMA runs at half speed.
 */
final class Portfolio {
  /** LAMA's expansions before FF joins: above every IPC 1998-2002 instance LAMA solves fast. */
  static final long SOLO = 50_000;

  /** Expansions per turn once both run. */
  static final long SLICE = 1024;

  private Portfolio() {}

  /**
   * Runs {@code lama} (the first search's heuristics) alone for {@code solo} expansions, then
   * alternates with a greedy search on {@code ff}; both lazy greedy searches over {@code task}.
   */
  static Search.Outcome lamaThenFf(
      Task task,
      Successors succ,
      LongSupplier clock,
      long deadline,
      Heuristic[] lama,
      Heuristic ff,
      long solo) {
    Search first = new Search(task, succ, clock, deadline);
    Search.Lazy a = first.lazyRun(lama, -1, Long.MAX_VALUE);
    Search.Outcome o = a.run(solo);
    if (o != null) {
      return o;
    }
    Search second = new Search(task, succ, clock, deadline);
    Search.Lazy b = second.lazyRun(new Heuristic[] {ff}, -1, Long.MAX_VALUE);
    Search.Lazy[] runs = {a, b};
    Search[] searches = {first, second};
    while (true) {
      for (int i = 0; i < 2; i++) {
        if (runs[i] == null) {
          continue;
        }
        o = runs[i].run(SLICE);
        if (o == null) {
          continue;
        }
        if (o.status() == Search.Status.OUT_OF_MEMORY && runs[1 - i] != null) {
          runs[i] = null; // drop it (and its states): the other may still succeed
          searches[i] = null;
          continue;
        }
        // a plan, a proof (exhausted greedy search: no reachable goal), or the shared deadline
        return withBothCounters(o, searches);
      }
    }
  }

  private static Search.Outcome withBothCounters(Search.Outcome o, Search[] searches) {
    long expanded = 0;
    long evaluated = 0;
    long generated = 0;
    for (Search s : searches) {
      if (s != null) {
        expanded += s.expanded();
        evaluated += s.evaluated();
        generated += s.generated();
      }
    }
    return new Search.Outcome(o.status(), o.plan(), o.cost(), expanded, evaluated, generated);
  }
}
