package org.gyrus.nesy.symreg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Genetic programming over prefix programs: tournament selection, subtree crossover, subtree and
 * point mutation, programs longer than the grammar's maximum rejected. Used alone (the baseline)
 * and seeded with controller samples (neural-guided GP).
 */
final class Gp {
  private final Library lib;
  private final Grammar grammar;
  private final Scorer scorer;
  private final Random rnd;
  private final int tournament;
  private final double crossoverRate;

  Gp(
      Library lib,
      Grammar grammar,
      Scorer scorer,
      Random rnd,
      int tournament,
      double crossoverRate) {
    this.lib = lib;
    this.grammar = grammar;
    this.scorer = scorer;
    this.rnd = rnd;
    this.tournament = tournament;
    this.crossoverRate = crossoverRate;
  }

  /** One generation of the same size; the best parent is kept (elitism of one). */
  List<Scorer.Candidate> generation(List<Scorer.Candidate> pop) {
    List<Scorer.Candidate> next = new ArrayList<>(pop.size());
    next.add(pop.stream().max(Comparator.comparingDouble(Scorer.Candidate::fitness)).orElseThrow());
    while (next.size() < pop.size()) {
      int[] a = select(pop).program();
      int[] child;
      if (rnd.nextDouble() < crossoverRate) {
        child = crossover(a, select(pop).program());
      } else if (rnd.nextBoolean()) {
        child = subtreeMutation(a);
      } else {
        child = pointMutation(a);
      }
      if (child.length > grammar.maxLen || lib.countConsts(child) > grammar.maxConsts + 2) {
        child = a;
      }
      next.add(scorer.score(child));
    }
    return next;
  }

  private Scorer.Candidate select(List<Scorer.Candidate> pop) {
    Scorer.Candidate best = null;
    for (int i = 0; i < tournament; i++) {
      Scorer.Candidate c = pop.get(rnd.nextInt(pop.size()));
      if (best == null || c.fitness() > best.fitness()) {
        best = c;
      }
    }
    return best;
  }

  int[] crossover(int[] a, int[] b) {
    int sa = rnd.nextInt(a.length);
    int ea = lib.subtreeEnd(a, sa);
    int sb = rnd.nextInt(b.length);
    int eb = lib.subtreeEnd(b, sb);
    return splice(a, sa, ea, java.util.Arrays.copyOfRange(b, sb, eb));
  }

  int[] subtreeMutation(int[] a) {
    int s = rnd.nextInt(a.length);
    return splice(a, s, lib.subtreeEnd(a, s), randomTree(rnd.nextInt(3)));
  }

  /** Replaces one token by another of the same arity. */
  int[] pointMutation(int[] a) {
    int[] c = a.clone();
    int i = rnd.nextInt(c.length);
    int arity = lib.arity(c[i]);
    List<Integer> same = new ArrayList<>();
    for (int t = 0; t < lib.size(); t++) {
      if (lib.arity(t) == arity && t != c[i]) {
        same.add(t);
      }
    }
    if (!same.isEmpty()) {
      c[i] = same.get(rnd.nextInt(same.size()));
    }
    return c;
  }

  /** A random tree of depth at most {@code depth} ("grow": terminals may end branches early). */
  int[] randomTree(int depth) {
    List<Integer> out = new ArrayList<>();
    grow(depth, out);
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private void grow(int depth, List<Integer> out) {
    List<Integer> choices = new ArrayList<>();
    for (int t = 0; t < lib.size(); t++) {
      if (depth > 0 || lib.arity(t) == 0) {
        choices.add(t);
      }
    }
    int t = choices.get(rnd.nextInt(choices.size()));
    out.add(t);
    for (int i = 0; i < lib.arity(t); i++) {
      grow(depth - 1, out);
    }
  }

  private static int[] splice(int[] a, int start, int end, int[] insert) {
    int[] c = new int[a.length - (end - start) + insert.length];
    System.arraycopy(a, 0, c, 0, start);
    System.arraycopy(insert, 0, c, start, insert.length);
    System.arraycopy(a, end, c, start + insert.length, a.length - end);
    return c;
  }
}
