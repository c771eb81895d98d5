package org.gyrus.logic.ilp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The pruned search and the exact combine against brute force: every body of at most 3 literals
 * over a random bias is enumerated in every order with a naive evaluator, and the smallest
 * consistent single clause must be exactly what the learner finds (or "no solution" when none).
 */
class SearchOracleTest {
  private static final Bias.Pred HEAD = new Bias.Pred("h", List.of("t"), List.of(true));
  private static final String[] CONSTS = {"a", "b", "c", "d", "e"};

  /** A random bias of unary and binary predicates (directions random) with random facts. */
  private record Instance(Bias bias, Facts facts, List<List<String>>[] rows, List<Example> exs) {}

  @SuppressWarnings("unchecked")
  private static Instance instance(long seed) {
    Random r = new Random(seed);
    int nPreds = 2 + r.nextInt(2);
    List<Bias.Pred> preds = new ArrayList<>();
    List<List<String>>[] rows = new List[nPreds];
    Facts facts = new Facts();
    for (int i = 0; i < nPreds; i++) {
      int arity = 1 + r.nextInt(2);
      List<String> types = arity == 1 ? List.of("t") : List.of("t", "t");
      List<Boolean> dirs = arity == 1 ? List.of(true) : List.of(true, r.nextBoolean());
      preds.add(new Bias.Pred("p" + i, types, dirs));
      rows[i] = new ArrayList<>();
      // binary facts are random, a function of their first argument, or closed under swapping:
      // the last two exercise the search's pruning of functional and symmetric duplicates
      int kind = arity == 2 ? r.nextInt(3) : 0;
      for (int k = 0; k < (kind == 1 ? CONSTS.length : 7); k++) {
        List<String> row = new ArrayList<>();
        for (int a = 0; a < arity; a++) {
          row.add(kind == 1 && a == 0 ? CONSTS[k] : CONSTS[r.nextInt(CONSTS.length)]);
        }
        if (kind == 1 && r.nextInt(4) == 0) {
          continue; // a partial function
        }
        add(rows[i], facts, "p" + i, row);
        if (kind == 2) {
          add(rows[i], facts, "p" + i, List.of(row.get(1), row.get(0)));
        }
      }
    }
    List<Example> exs = new ArrayList<>();
    for (String c : CONSTS) {
      exs.add(new Example(List.of(c), r.nextBoolean()));
    }
    if (exs.stream().noneMatch(Example::positive)) {
      exs.set(0, new Example(List.of("a"), true));
    }
    Bias bias = new Bias(HEAD, preds, 3, 3, 1, false, false);
    return new Instance(bias, facts, rows, exs);
  }

  private static void add(List<List<String>> rows, Facts facts, String pred, List<String> row) {
    if (!rows.contains(row)) {
      rows.add(row);
      facts.add(pred, new ArrayList<>(row));
    }
  }

  /** The size of the smallest consistent complete clause covering every positive, or -1. */
  private static int bruteForce(Instance in) {
    for (int size = 1; size <= 3; size++) {
      for (List<int[]> body : bodies(in, size)) {
        if (wellFormed(in, body) && exact(in, body)) {
          return size;
        }
      }
    }
    return -1;
  }

  /** Every sequence of literals (pred, vars in 0..2), no order or numbering constraints. */
  private static List<List<int[]>> bodies(Instance in, int size) {
    List<int[]> lits = new ArrayList<>();
    for (int p = 0; p < in.bias().body().size(); p++) {
      int ar = in.bias().body().get(p).arity();
      for (int v = 0; v < Math.pow(3, ar); v++) {
        lits.add(ar == 1 ? new int[] {p, v} : new int[] {p, v / 3, v % 3});
      }
    }
    List<List<int[]>> out = new ArrayList<>();
    out.add(List.of());
    for (int k = 0; k < size; k++) {
      List<List<int[]>> longer = new ArrayList<>();
      for (List<int[]> b : out) {
        for (int[] l : lits) {
          List<int[]> c = new ArrayList<>(b);
          c.add(l);
          longer.add(c);
        }
      }
      out = longer;
    }
    return out;
  }

  /**
   * In-arguments bound by the head or an earlier literal; no repeated literal; no singleton; var 0
   * in the body.
   */
  private static boolean wellFormed(Instance in, List<int[]> body) {
    for (int i = 0; i < body.size(); i++) {
      for (int j = i + 1; j < body.size(); j++) {
        if (java.util.Arrays.equals(body.get(i), body.get(j))) {
          return false;
        }
      }
    }
    boolean[] bound = {true, false, false};
    int[] count = {1, 0, 0};
    for (int[] l : body) {
      Bias.Pred p = in.bias().body().get(l[0]);
      for (int j = 1; j < l.length; j++) {
        if (p.inputs().get(j - 1) && !bound[l[j]]) {
          return false;
        }
      }
      for (int j = 1; j < l.length; j++) {
        bound[l[j]] = true;
        count[l[j]]++;
      }
    }
    for (int v = 0; v < 3; v++) {
      if (count[v] == 1) {
        return false;
      }
    }
    return count[0] >= 2;
  }

  private static boolean exact(Instance in, List<int[]> body) {
    for (Example e : in.exs()) {
      String[] bind = {e.args().get(0).toString(), null, null};
      if (holds(in, body, 0, bind) != e.positive()) {
        return false;
      }
    }
    return true;
  }

  /** Naive evaluation: try every constant for an unbound variable. */
  private static boolean holds(Instance in, List<int[]> body, int i, String[] bind) {
    if (i == body.size()) {
      return true;
    }
    int[] l = body.get(i);
    for (int v = 1; v < l.length; v++) {
      if (bind[l[v]] == null) {
        for (String c : CONSTS) {
          bind[l[v]] = c;
          boolean ok = holds(in, body, i, bind);
          bind[l[v]] = null;
          if (ok) {
            return true;
          }
        }
        return false;
      }
    }
    List<String> row = new ArrayList<>();
    for (int v = 1; v < l.length; v++) {
      row.add(bind[l[v]]);
    }
    return in.rows()[l[0]].contains(row) && holds(in, body, i + 1, bind);
  }

  @Test
  void smallestConsistentClauseMatchesBruteForce() {
    qt().withExamples(150)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Instance in = instance(seed);
              int expected = bruteForce(in);
              Learner.Result r =
                  Learner.learn(
                      new Task(in.bias(), in.facts(), List.of(), in.exs()),
                      Learner.Options.defaults());
              if (expected < 0) {
                assertThat(r.status()).as("seed %d", seed).isEqualTo(Learner.Status.NO_SOLUTION);
              } else {
                assertThat(r.status()).as("seed %d", seed).isEqualTo(Learner.Status.SOLVED);
                assertThat(r.program().get(0).size()).as("seed %d", seed).isEqualTo(expected);
                assertThat(r.fn() + r.fp()).isZero();
              }
            });
  }

  @Test
  void combineFindsTheSmallestCoverLikeBruteForce() {
    qt().withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random r = new Random(seed);
              int nPos = 1 + r.nextInt(8);
              int maxClauses = 1 + r.nextInt(3);
              List<Combiner.Unit> units = new ArrayList<>();
              int n = 1 + r.nextInt(9);
              for (int i = 0; i < n; i++) {
                BitSet b = new BitSet();
                for (int e = 0; e < nPos; e++) {
                  if (r.nextInt(3) == 0) {
                    b.set(e);
                  }
                }
                int lits = 1 + r.nextInt(4);
                List<Clause.Literal> body = new ArrayList<>();
                for (int k = 0; k < lits; k++) {
                  body.add(new Clause.Literal(HEAD, new int[] {k}, false));
                }
                units.add(new Combiner.Unit(List.of(new Clause(HEAD, body)), b, lits));
              }
              int best = Integer.MAX_VALUE;
              for (int mask = 1; mask < (1 << n); mask++) {
                if (Integer.bitCount(mask) > maxClauses) {
                  continue;
                }
                BitSet cov = new BitSet();
                int cost = 0;
                for (int i = 0; i < n; i++) {
                  if ((mask & (1 << i)) != 0) {
                    cov.or(units.get(i).pos());
                    cost += units.get(i).literals() + 1;
                  }
                }
                if (cov.cardinality() == nPos) {
                  best = Math.min(best, cost);
                }
              }
              List<Clause> got = Combiner.solve(units, nPos, maxClauses);
              if (best == Integer.MAX_VALUE) {
                assertThat(got).isNull();
              } else {
                assertThat(got).isNotNull();
                assertThat(got.size()).isLessThanOrEqualTo(maxClauses);
                assertThat(got.stream().mapToInt(c -> c.size() + 1).sum()).isEqualTo(best);
              }
            });
  }
}
