package org.gyrus.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Sorting, crowding and hypervolume against brute-force oracles on random point sets. */
class ParetoTest {

  private static double[][] integerPoints(SplittableRandom r, int n, int dims, int levels) {
    double[][] p = new double[n][dims];
    for (double[] row : p) {
      for (int d = 0; d < dims; d++) {
        row[d] = r.nextInt(levels); // few levels: many ties and duplicates
      }
    }
    return p;
  }

  /** Ranks by peeling: the points no remaining point dominates, again and again. */
  private static int[] peelRanks(double[][] p) {
    int[] rank = new int[p.length];
    boolean[] gone = new boolean[p.length];
    int left = p.length;
    for (int r = 0; left > 0; r++) {
      List<Integer> layer = new ArrayList<>();
      for (int i = 0; i < p.length; i++) {
        if (gone[i]) {
          continue;
        }
        boolean dominated = false;
        for (int j = 0; j < p.length && !dominated; j++) {
          dominated = !gone[j] && Pareto.dominates(p[j], p[i]);
        }
        if (!dominated) {
          layer.add(i);
        }
      }
      for (int i : layer) {
        rank[i] = r;
        gone[i] = true;
        left--;
      }
    }
    return rank;
  }

  @Test
  void nonDominatedSortAndFrontMatchPeeling() {
    qt().withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom r = new SplittableRandom(seed);
              double[][] p =
                  integerPoints(r, 1 + r.nextInt(40), 1 + r.nextInt(4), 2 + r.nextInt(6));
              int[] expected = peelRanks(p);
              assertThat(Pareto.ranks(p)).containsExactly(expected);
              List<Integer> firstFront = new ArrayList<>();
              for (int i = 0; i < p.length; i++) {
                if (expected[i] == 0) {
                  firstFront.add(i);
                }
              }
              assertThat(Pareto.front(p)).containsExactlyElementsOf(firstFront);
            });
  }

  @Test
  void constraintDominationPutsEveryFeasiblePointFirst() {
    qt().withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom r = new SplittableRandom(seed);
              int n = 1 + r.nextInt(30);
              double[][] p = integerPoints(r, n, 2, 5);
              double[] v = new double[n];
              for (int i = 0; i < n; i++) {
                v[i] = r.nextBoolean() ? 0 : r.nextInt(4) + 0.5;
              }
              int[] rank = Pareto.constrainedRanks(p, v);
              for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                  // Deb's rule, pairwise: whoever constraint-dominates ranks strictly lower
                  boolean dom =
                      v[i] == 0 && v[j] > 0
                          || v[i] > 0 && v[j] > 0 && v[i] < v[j]
                          || v[i] == 0 && v[j] == 0 && Pareto.dominates(p[i], p[j]);
                  if (dom) {
                    assertThat(rank[i]).isLessThan(rank[j]);
                  }
                  if (v[i] > 0 && v[i] == v[j]) {
                    assertThat(rank[i]).isEqualTo(rank[j]);
                  }
                }
              }
            });
  }

  @Test
  void crowdingIsTheNormalisedGapBetweenNeighbours() {
    qt().withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom r = new SplittableRandom(seed);
              int n = 1 + r.nextInt(25);
              int dims = 1 + r.nextInt(3);
              double[][] p = new double[n][dims];
              for (double[] row : p) {
                for (int d = 0; d < dims; d++) {
                  row[d] = r.nextDouble(); // distinct values: neighbours are well defined
                }
              }
              List<Integer> members = new ArrayList<>();
              for (int i = 0; i < n; i++) {
                members.add(i);
              }
              double[] got = Pareto.crowding(p, members);
              for (int i = 0; i < n; i++) {
                assertThat(got[i]).isCloseTo(bruteCrowding(p, i), within(1e-9));
              }
            });
  }

  private static double bruteCrowding(double[][] p, int i) {
    double sum = 0;
    for (int d = 0; d < p[i].length; d++) {
      double lower = Double.NEGATIVE_INFINITY;
      double upper = Double.POSITIVE_INFINITY;
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double[] q : p) {
        lo = Math.min(lo, q[d]);
        hi = Math.max(hi, q[d]);
        if (q[d] < p[i][d]) {
          lower = Math.max(lower, q[d]);
        } else if (q[d] > p[i][d]) {
          upper = Math.min(upper, q[d]);
        }
      }
      if (lower == Double.NEGATIVE_INFINITY || upper == Double.POSITIVE_INFINITY) {
        return Double.POSITIVE_INFINITY;
      }
      sum += (upper - lower) / (hi - lo);
    }
    return sum;
  }

  /** Unit cells of the grid above the origin that some point covers, counted one by one. */
  private static double gridVolume(double[][] p, int dims, int levels) {
    int cells = (int) Math.pow(levels, dims);
    int covered = 0;
    for (int c = 0; c < cells; c++) {
      int[] corner = new int[dims];
      int rest = c;
      for (int d = 0; d < dims; d++) {
        corner[d] = rest % levels + 1; // the cell's upper corner
        rest /= levels;
      }
      for (double[] q : p) {
        boolean covers = true;
        for (int d = 0; d < dims; d++) {
          covers &= q[d] >= corner[d];
        }
        if (covers) {
          covered++;
          break;
        }
      }
    }
    return covered;
  }

  @Test
  void hypervolumeCountsTheCoveredGridCells() {
    qt().withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom r = new SplittableRandom(seed);
              int dims = 1 + r.nextInt(4);
              int levels = 2 + r.nextInt(6);
              double[][] p = integerPoints(r, 1 + r.nextInt(20), dims, levels + 1);
              double hv = Pareto.hypervolume(List.of(p), new double[dims]);
              assertThat(hv).isEqualTo(gridVolume(p, dims, levels));
            });
  }

  @Test
  void hypervolumeOfRealPointsAgreesWithMonteCarlo() {
    SplittableRandom r = new SplittableRandom(7);
    List<double[]> pts = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      double a = r.nextDouble();
      double b = r.nextDouble() * (1 - a);
      pts.add(new double[] {a, b, 1 - a - b + 0.1 * r.nextDouble()}); // a curved 3-D front
    }
    double[] ref = {-0.1, -0.2, 0};
    double exact = Pareto.hypervolume(pts, ref);
    int hits = 0;
    int samples = 400_000;
    double box = 1.1 * 1.2 * 1.1;
    for (int s = 0; s < samples; s++) {
      double[] x = {
        ref[0] + 1.1 * r.nextDouble(), ref[1] + 1.2 * r.nextDouble(), 1.1 * r.nextDouble()
      };
      for (double[] p : pts) {
        if (p[0] >= x[0] && p[1] >= x[1] && p[2] >= x[2]) {
          hits++;
          break;
        }
      }
    }
    double estimate = box * hits / samples;
    double se = box * Math.sqrt(hits / (double) samples * (1 - hits / (double) samples) / samples);
    assertThat(exact).isCloseTo(estimate, within(4 * se));
    assertThat(Pareto.hypervolume(List.of(new double[] {2, 3}), new double[2])).isEqualTo(6);
    assertThat(Pareto.hypervolume(List.of(new double[] {2, -1}), new double[2])).isZero();
  }
}
