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
