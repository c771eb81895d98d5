package org.gyrus.logic.datalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.gyrus.logic.datalog.engine.Engine;
import org.gyrus.logic.datalog.engine.Relation;
import org.junit.jupiter.api.Test;

/** Aggregates on random weighted graphs against the same numbers computed directly in Java. */
class AggregateTest {

  @Test
  void countSumMinMaxMatchDirectComputation() {
    qt().withExamples(300)
        .withFixedSeed(37)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Random rng = new Random(seed);
              int n = 1 + rng.nextInt(8);
              StringBuilder src = new StringBuilder();
              Set<List<Integer>> edges = new HashSet<>();
              Map<Integer, Long> weight = new HashMap<>();
              for (int i = 0; i < n; i++) {
                long w = rng.nextInt(41) - 20;
                weight.put(i, w);
                src.append("node(").append(i).append(").\n");
                src.append("w(").append(i).append(", ").append(w).append(").\n");
              }
              int m = rng.nextInt(3 * n);
              for (int i = 0; i < m; i++) {
                int a = rng.nextInt(n);
                int b = rng.nextInt(n);
                edges.add(List.of(a, b));
                src.append("edge(").append(a).append(", ").append(b).append(").\n");
              }
              src.append("deg(X, C) :- node(X), C = count : edge(X, _).\n");
              src.append("wsum(X, S) :- node(X), S = sum W : { edge(X, Y), w(Y, W) }.\n");
              src.append("wmin(X, M) :- node(X), M = min W : { edge(X, Y), w(Y, W) }.\n");
              src.append("wmax(X, M) :- node(X), M = max W + 1 : { edge(X, Y), w(Y, W) }.\n");
              src.append("dw(X, C) :- node(X), C = count W : { edge(X, Y), w(Y, W) }.\n");
              src.append("heavy(X) :- deg(X, C), C >= 2, S = sum D : deg(_, D), C * 4 > S.\n");
              Engine e = new Engine(Parser.parse(src.toString(), "agg.dl"));
              e.run();
              Map<Integer, Long> deg = new TreeMap<>();
              Map<Integer, Long> sum = new TreeMap<>();
              Map<Integer, Long> min = new TreeMap<>();
              Map<Integer, Long> max = new TreeMap<>();
              Map<Integer, Long> distinct = new TreeMap<>();
              long totalDeg = 0;
              for (int x = 0; x < n; x++) {
                long d = 0;
                long s = 0;
                Set<Long> ws = new HashSet<>();
                Long lo = null;
                Long hi = null;
                for (int y = 0; y < n; y++) {
                  if (edges.contains(List.of(x, y))) {
                    long w = weight.get(y);
                    d++;
                    s += w;
                    ws.add(w);
                    lo = lo == null ? w : Math.min(lo, w);
                    hi = hi == null ? w + 1 : Math.max(hi, w + 1);
                  }
                }
                deg.put(x, d);
                sum.put(x, s);
                distinct.put(x, (long) ws.size());
                if (lo != null) {
                  min.put(x, lo);
                  max.put(x, hi);
                }
                totalDeg += d;
              }
              List<Integer> heavy = new ArrayList<>();
              for (int x = 0; x < n; x++) {
                if (deg.get(x) >= 2 && deg.get(x) * 4 > totalDeg) {
                  heavy.add(x);
                }
              }
              assertThat(pairs(e, "deg")).isEqualTo(deg);
              assertThat(pairs(e, "wsum")).isEqualTo(sum);
              assertThat(pairs(e, "wmin")).isEqualTo(min);
              assertThat(pairs(e, "wmax")).isEqualTo(max);
              assertThat(pairs(e, "dw")).isEqualTo(distinct);
              Relation h = e.relation("heavy");
              List<Integer> got = new ArrayList<>();
              for (int r = 0; r < h.size(); r++) {
                got.add(((Long) e.symbols().value(h.get(r, 0))).intValue());
              }
              assertThat(got).containsExactlyInAnyOrderElementsOf(heavy);
            });
  }

  private static Map<Integer, Long> pairs(Engine e, String pred) {
    Relation r = e.relation(pred);
    Map<Integer, Long> out = new TreeMap<>();
    for (int row = 0; row < r.size(); row++) {
      long k = (Long) e.symbols().value(r.get(row, 0));
      long v = (Long) e.symbols().value(r.get(row, 1));
      assertThat(out.put((int) k, v)).as("one value per group").isNull();
    }
    return out;
  }
}
