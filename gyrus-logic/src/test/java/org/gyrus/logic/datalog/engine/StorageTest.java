package org.gyrus.logic.datalog.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.gyrus.logic.datalog.Parser;
import org.junit.jupiter.api.Test;

/**
 * The compact storage against java.util collections, and a closure against breadth-first search.
 */
class StorageTest {

  @Test
  void adaptiveSetBehavesLikeAHashSet() {
    qt().withExamples(300)
        .withFixedSeed(19)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random rng = new Random(seed);
              int universe = 1 + rng.nextInt(5000);
              AdaptiveIntSet s = new AdaptiveIntSet();
              Set<Integer> ref = new HashSet<>();
              int ops = rng.nextInt(3000);
              for (int i = 0; i < ops; i++) {
                int v = rng.nextInt(universe + 100); // some values beyond the universe
                assertThat(s.add(v, universe)).isEqualTo(ref.add(v));
                int w = rng.nextInt(universe + 100);
                assertThat(s.contains(w)).isEqualTo(ref.contains(w));
                if (rng.nextInt(3) == 0) { // removal (delete-and-rederive), also on a copy
                  int r = rng.nextInt(universe + 100);
                  if (rng.nextBoolean()) {
                    AdaptiveIntSet before = s;
                    s = s.copy();
                    assertThat(s.remove(r)).isEqualTo(ref.contains(r));
                    assertThat(before.contains(r)).isEqualTo(ref.contains(r));
                    ref.remove(r);
                  } else {
                    assertThat(s.remove(r)).isEqualTo(ref.remove(r));
                  }
                }
              }
              assertThat(s.size()).isEqualTo(ref.size());
              for (int v = 0; v < universe + 100; v++) {
                assertThat(s.contains(v)).isEqualTo(ref.contains(v));
              }
            });
  }

  @Test
  void relationsOfEveryArityDeduplicateAndFind() {
    Random rng = new Random(23);
    Symbols symbols = new Symbols();
    for (int i = 0; i < 200; i++) {
      symbols.intern((long) i);
    }
    for (int arity = 0; arity <= 4; arity++) {
      Relation rel = new Relation("r", arity, symbols);
      Set<List<Integer>> ref = new HashSet<>();
      for (int i = 0; i < 5000; i++) {
        int[] t = new int[arity];
        List<Integer> key = new ArrayList<>();
        for (int c = 0; c < arity; c++) {
          t[c] = rng.nextInt(12);
          key.add(t[c]);
        }
        assertThat(rel.insert(t, 0)).isEqualTo(ref.add(key));
      }
      assertThat(rel.size()).isEqualTo(ref.size());
      for (int row = 0; row < rel.size(); row++) {
        assertThat(rel.find(rel.row(row))).isEqualTo(row);
      }
    }
  }

  /**
   * In-place removal (and rows appended for a while, then taken back) against a relation rebuilt
   * from the same tuples: membership, row ids, every index's lookups and the CSR arrays agree.
   */
  @Test
  void inPlaceRemovalKeepsLookupsEqualToARebuiltRelation() {
    qt().withExamples(150)
        .withFixedSeed(37)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random rng = new Random(seed);
              Symbols symbols = new Symbols();
              int universe = 2 + rng.nextInt(rng.nextBoolean() ? 8 : 400); // bitsets or hash sets
              for (int i = 0; i < universe; i++) {
                symbols.intern((long) i);
              }
              int arity = rng.nextInt(5);
              List<int[]> indexed = new ArrayList<>();
              for (int k = arity == 0 ? 0 : 1 + rng.nextInt(3); k > 0; k--) {
                int[] cols =
                    rng.ints(1 + rng.nextInt(arity), 0, arity).distinct().sorted().toArray();
                indexed.add(cols);
              }
              Relation rel = new Relation("r", arity, symbols);
              indexed.forEach(rel::index);
              Set<List<Integer>> ref = new HashSet<>();
              for (int step = 0; step < 8; step++) {
                Relation batch = randomRows(rng, arity, universe, symbols, 1 + rng.nextInt(300));
                int op = rng.nextInt(3);
                if (op == 0) {
                  rel.unseal();
                  for (int r = 0; r < batch.size(); r++) {
                    rel.insert(batch.row(r), 0);
                    ref.add(key(batch.row(r)));
                  }
                  rel.seal();
                } else if (op == 1) {
                  for (int r = 0; r < rel.size() && rng.nextBoolean(); r += 1 + rng.nextInt(4)) {
                    batch.unseal(); // present rows too, not only random ones
                    batch.insert(rel.row(r), 0);
                    batch.seal();
                  }
                  int present = 0;
                  for (int r = 0; r < batch.size(); r++) {
                    present += ref.remove(key(batch.row(r))) ? 1 : 0;
                  }
                  assertThat(rel.removeAll(batch)).isEqualTo(present);
                } else {
                  List<List<Integer>> before = rowsOf(rel);
                  Set<List<Integer>> with = new HashSet<>(ref);
                  for (int r = 0; r < batch.size(); r++) {
                    with.add(key(batch.row(r)));
                  }
                  rel.withRows(batch, () -> sameAsRebuilt(rel, with, indexed, rng));
                  assertThat(rowsOf(rel)).isEqualTo(before); // old rows keep their ids
                }
                sameAsRebuilt(rel, ref, indexed, rng);
              }
            });
  }

  private static Relation randomRows(Random rng, int arity, int universe, Symbols s, int n) {
    Relation out = new Relation("batch", arity, s);
    for (int i = 0; i < n; i++) {
      out.insert(rng.ints(arity, 0, universe).toArray(), 0);
    }
    out.seal();
    return out;
  }

  private static List<Integer> key(int[] t) {
    List<Integer> k = new ArrayList<>();
    for (int v : t) {
      k.add(v);
    }
    return k;
  }

  private static List<List<Integer>> rowsOf(Relation rel) {
    List<List<Integer>> out = new ArrayList<>();
    for (int r = 0; r < rel.size(); r++) {
      out.add(key(rel.row(r)));
    }
    return out;
  }

  /** Checks {@code rel} against {@code ref} and a relation built afresh from it. */
  private static boolean sameAsRebuilt(
      Relation rel, Set<List<Integer>> ref, List<int[]> indexed, Random rng) {
    int arity = rel.arity();
    Relation rebuilt = new Relation("rebuilt", arity, new Symbols());
    for (List<Integer> t : ref) {
      rebuilt.insert(t.stream().mapToInt(Integer::intValue).toArray(), 0);
    }
    rebuilt.seal();
    assertThat(rel.size()).isEqualTo(ref.size());
    assertThat(new HashSet<>(rowsOf(rel))).isEqualTo(ref);
    List<int[]> probes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      probes.add(
          rng.nextBoolean() && rel.size() > 0
              ? rel.row(rng.nextInt(rel.size()))
              : rng.ints(arity, 0, 12).toArray());
    }
    List<Object> actual = new ArrayList<>();
    List<Object> expected = new ArrayList<>();
    for (int[] t : probes) {
      actual.add(rel.contains(t));
      expected.add(ref.contains(key(t)));
      int row = rel.find(t);
      actual.add(row < 0 ? null : key(rel.row(row)));
      expected.add(ref.contains(key(t)) ? key(t) : null);
      for (int[] cols : indexed) {
        int[] k = new int[cols.length];
        for (int c = 0; c < cols.length; c++) {
          k[c] = t[cols[c]];
        }
        actual.add(lookup(rel, cols, k));
        expected.add(lookup(rebuilt, cols, k));
      }
    }
    assertThat(actual).isEqualTo(expected);
    if (arity == 2 && rel.sealed()) {
      rel.buildCsr();
      rebuilt.buildCsr();
      List<Set<Integer>> actualCsr = new ArrayList<>();
      List<Set<Integer>> expectedCsr = new ArrayList<>();
      for (int a = 0; a < 12; a++) {
        actualCsr.add(csrValues(rel, a));
        expectedCsr.add(csrValues(rebuilt, a));
      }
      assertThat(actualCsr).isEqualTo(expectedCsr);
    }
    return true;
  }

  /** The tuples an index finds for a key, verified and sorted. */
  private static List<List<Integer>> lookup(Relation rel, int[] cols, int[] k) {
    ColumnIndex ix = rel.index(cols);
    List<List<Integer>> out = new ArrayList<>();
    for (int r = ix.first(k); r >= 0; r = ix.next(r)) {
      if (r >= rel.size()) {
        out.add(List.of(-1)); // a stale row id: never equal to the rebuilt relation's answer
        continue;
      }
      boolean match = true;
      for (int c = 0; c < cols.length; c++) {
        match &= rel.get(r, cols[c]) == k[c];
      }
      if (match) {
        out.add(key(rel.row(r)));
      }
    }
    out.sort(java.util.Comparator.comparing(Object::toString));
    return out;
  }

  private static Set<Integer> csrValues(Relation rel, int a) {
    Set<Integer> out = new HashSet<>();
    int[] off = rel.csrOffsets();
    for (int i = a + 1 < off.length ? off[a] : 0; a + 1 < off.length && i < off[a + 1]; i++) {
      out.add(rel.csrValues()[i]);
    }
    return out;
  }

  @Test
  void parallelRoundsGiveTheSameModelAsOneThread() {
    qt().withExamples(150)
        .withFixedSeed(31)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random rng = new Random(seed);
              StringBuilder src = new StringBuilder();
              int n = 5 + rng.nextInt(60);
              int m = rng.nextInt(4 * n);
              for (int i = 0; i < m; i++) {
                src.append("e(")
                    .append(rng.nextInt(n))
                    .append(", ")
                    .append(rng.nextInt(n))
                    .append(").\n");
                if (rng.nextInt(5) == 0) {
                  src.append("bad(").append(rng.nextInt(n)).append(").\n");
                }
              }
              src.append("bad(-1).\n");
              src.append("p(X, Y) :- e(X, Y).\n");
              src.append("p(X, Z) :- p(X, Y), e(Y, Z), !bad(Z).\n");
              src.append("p(X, Z) :- e(X, Y), p(Y, Z), X != Z.\n");
              src.append("q(Y, X) :- p(X, Y), q(X, Z).\nq(X, X) :- e(X, X).\n");
              src.append("s(X, Z) :- q(X, Y), Z = Y + 1.\n");
              var prog = Parser.parse(src.toString(), "par.dl");
              Engine one = new Engine(prog).threads(1);
              Engine many = new Engine(prog).threads(3).parallelMinDelta(1);
              assertThat(rows(many)).isEqualTo(rows(one));
            });
  }

  private static Set<String> rows(Engine e) {
    e.run();
    Set<String> out = new HashSet<>();
    for (Relation r : e.relations().values()) {
      for (int row = 0; row < r.size(); row++) {
        out.add(e.show(r, row));
      }
    }
    return out;
  }

  @Test
  void transitiveClosureMatchesBreadthFirstSearch() {
    Random rng = new Random(29);
    int n = 300;
    List<List<Integer>> adj = new ArrayList<>();
    StringBuilder src = new StringBuilder();
    for (int i = 0; i < n; i++) {
      adj.add(new ArrayList<>());
    }
    for (int i = 0; i < 700; i++) {
      int a = rng.nextInt(n);
      int b = rng.nextInt(n);
      adj.get(a).add(b);
      src.append("edge(").append(a).append(", ").append(b).append(").\n");
    }
    src.append("path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n");
    long expected = 0;
    for (int s = 0; s < n; s++) {
      boolean[] seen = new boolean[n];
      ArrayDeque<Integer> q = new ArrayDeque<>(adj.get(s));
      while (!q.isEmpty()) {
        int v = q.poll();
        if (!seen[v]) {
          seen[v] = true;
          expected++;
          q.addAll(adj.get(v));
        }
      }
    }
    Engine e = new Engine(Parser.parse(src.toString(), "tc.dl"));
    e.run();
    assertThat((long) e.relation("path").size()).isEqualTo(expected);
    assertThat(expected).isGreaterThan(10_000); // dense enough for the bitset path
  }
}
