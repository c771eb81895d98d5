package org.gyrus.logic.ilp;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Popper's combine step, solved exactly: among consistent units (a clause, or a base clause with
 * its recursive clause), the fewest literals in at most {@code maxClauses} clauses that together
 * cover every positive example. Branch and bound on the first uncovered positive: every cover
 * contains a unit covering it, so branching over those units is complete.
 */
final class Combiner {
  /** Clauses that are tested together, what they cover and their total size. */
  record Unit(List<Clause> clauses, BitSet pos, int literals) {}

  private final List<Unit> units;
  private final int nPos;
  private final int maxClauses;
  private final List<List<Unit>> byExample = new ArrayList<>();
  private List<Unit> best;
  private int bestSize;

  private Combiner(List<Unit> units, int nPos, int maxClauses) {
    this.units = units;
    this.nPos = nPos;
    this.maxClauses = maxClauses;
  }

  /** The smallest cover, or null when none exists within the clause limit. */
  static List<Clause> solve(List<Unit> candidates, int nPos, int maxClauses) {
    Combiner c = new Combiner(prune(candidates), nPos, maxClauses);
    return c.run();
  }

  /** Keeps the smallest unit per coverage, then drops units another covers with no more size. */
  static List<Unit> prune(List<Unit> in) {
    Map<BitSet, Unit> byCover = new HashMap<>();
    for (Unit u : in) {
      byCover.merge(u.pos(), u, (a, b) -> cost(a) <= cost(b) ? a : b);
    }
    List<Unit> sorted = new ArrayList<>(byCover.values());
    sorted.sort(
        Comparator.comparingInt((Unit u) -> -u.pos().cardinality())
            .thenComparingInt(Combiner::cost));
    List<Unit> kept = new ArrayList<>();
    for (Unit u : sorted) {
      boolean dominated = false;
      for (Unit k : kept) {
        if (cost(k) <= cost(u)
            && k.clauses().size() <= u.clauses().size()
            && contains(k.pos(), u.pos())) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        kept.add(u);
      }
    }
    kept.sort(Comparator.comparingInt(Combiner::cost));
    return kept;
  }

  private static int cost(Unit u) {
    return u.literals() + u.clauses().size(); // Popper's size: body literals plus one head each
  }

  private static boolean contains(BitSet big, BitSet small) {
    BitSet s = (BitSet) small.clone();
    s.andNot(big);
    return s.isEmpty();
  }

  private List<Clause> run() {
    for (int e = 0; e < nPos; e++) {
      byExample.add(new ArrayList<>());
    }
    for (Unit u : units) {
      for (int e = u.pos().nextSetBit(0); e >= 0; e = u.pos().nextSetBit(e + 1)) {
        byExample.get(e).add(u);
      }
    }
    bestSize = Integer.MAX_VALUE;
    search(new ArrayList<>(), new BitSet(), 0, 0);
    if (best == null) {
      return null;
    }
    List<Clause> out = new ArrayList<>();
    best.forEach(u -> out.addAll(u.clauses()));
    return out;
  }

  private void search(List<Unit> chosen, BitSet covered, int size, int clauses) {
    int e = covered.nextClearBit(0);
    if (e >= nPos) {
      if (size < bestSize) {
        bestSize = size;
        best = new ArrayList<>(chosen);
      }
      return;
    }
    for (Unit u : byExample.get(e)) {
      int c = clauses + u.clauses().size();
      if (c > maxClauses || size + cost(u) >= bestSize) {
        continue;
      }
      BitSet next = (BitSet) covered.clone();
      next.or(u.pos());
      chosen.add(u);
      search(chosen, next, size + cost(u), c);
      chosen.remove(chosen.size() - 1);
    }
  }
}
