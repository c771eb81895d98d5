package org.gyrus.logic.ilp;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Noise-tolerant combine: the program of at most {@code maxClauses} clauses minimising its
 * description length, literals + heads + false negatives + false positives (Popper's MDL score).
 * Exact over the {@value #POOL} clauses with the best individual score; branch and bound on size +
 * false positives, which adding clauses never lowers.
 */
final class NoisyCombiner {
  static final int POOL = 300;

  private record Cand(Clause clause, BitSet pos, BitSet neg, int cost) {}

  private final List<Cand> cands;
  private final int nPos;
  private final int maxClauses;
  private int bestScore;
  private List<Cand> best;

  private NoisyCombiner(List<Cand> cands, int nPos, int maxClauses) {
    this.cands = cands;
    this.nPos = nPos;
    this.maxClauses = maxClauses;
  }

  static List<Clause> solve(
      List<Combiner.Unit> consistent,
      List<ClauseSearch.Tested> noisy,
      int nPos,
      int nNeg,
      int maxClauses) {
    List<Cand> all = new ArrayList<>();
    for (Combiner.Unit u : consistent) {
      if (u.clauses().size() == 1) {
        all.add(new Cand(u.clauses().get(0), u.pos(), new BitSet(), u.literals() + 1));
      }
    }
    for (ClauseSearch.Tested t : noisy) {
      all.add(new Cand(t.clause(), t.pos(), t.neg(), t.clause().size() + 1));
    }
    all.sort(
        Comparator.comparingInt(
            (Cand c) -> c.cost() + c.neg().cardinality() - c.pos().cardinality()));
    NoisyCombiner n =
        new NoisyCombiner(all.subList(0, Math.min(POOL, all.size())), nPos, maxClauses);
    n.bestScore = nPos; // the empty program: every positive missed
    n.search(0, new ArrayList<>(), new BitSet(), new BitSet(), 0);
    if (n.best == null) {
      return null;
    }
    return n.best.stream().map(Cand::clause).toList();
  }

  private void search(int from, List<Cand> chosen, BitSet pos, BitSet neg, int cost) {
    int score = cost + (nPos - pos.cardinality()) + neg.cardinality();
    if (!chosen.isEmpty() && score < bestScore) {
      bestScore = score;
      best = new ArrayList<>(chosen);
    }
    if (chosen.size() == maxClauses) {
      return;
    }
    for (int i = from; i < cands.size(); i++) {
      Cand c = cands.get(i);
      BitSet n = (BitSet) neg.clone();
      n.or(c.neg());
      if (cost + c.cost() + n.cardinality() >= bestScore) {
        continue;
      }
      BitSet p = (BitSet) pos.clone();
      p.or(c.pos());
      chosen.add(c);
      search(i + 1, chosen, p, n, cost + c.cost());
      chosen.remove(chosen.size() - 1);
    }
  }
}
