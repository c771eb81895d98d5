package org.gyrus.nn.attractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hopfield family (B12) against brute-force fields, known capacities and the cascade theory. */
class HopfieldTest {
  @Test
  void hebbian_field_equals_the_sum_over_patterns_and_recalls_below_capacity() {
    SplittableRandom rng = new SplittableRandom(1);
    int n = 200;
    HebbianNetwork net = new HebbianNetwork(n);
    List<int[]> pats = new ArrayList<>();
    for (int p = 0; p < 6; p++) {
      pats.add(HebbianNetwork.randomPattern(n, 0.2, rng));
      net.store(pats.get(p));
    }
    int[] s = HebbianNetwork.randomPattern(n, 0, rng);
    for (int i = 0; i < n; i += 17) {
      double oracle = 0;
      for (int[] xi : pats) {
        for (int j = 0; j < n; j++) {
          oracle += j == i ? 0 : (double) xi[i] * xi[j] * s[j] / n;
        }
      }
      assertThat(net.field(s, i)).isCloseTo(oracle, within(1e-12));
    }
    HebbianNetwork classic = new HebbianNetwork(n);
    List<int[]> dense = new ArrayList<>();
    for (int p = 0; p < 10; p++) {
      dense.add(HebbianNetwork.randomPattern(n, 0, rng));
      classic.store(dense.get(p));
    }
    int[] cue = HebbianNetwork.corrupt(dense.get(0), 0.2, rng);
    classic.relax(cue, 0, 50, rng);
    assertThat(HebbianNetwork.overlap(dense.get(0), cue)).isEqualTo(1.0);
  }

  @Test
  void retrieval_breaks_down_above_the_critical_load() {
    double[] at = new double[2];
    int n = 400;
    int[] loads = {20, 120}; // alpha 0.05 and 0.30, either side of 0.138
    for (int k = 0; k < 2; k++) {
      SplittableRandom rng = new SplittableRandom(5);
      HebbianNetwork net = new HebbianNetwork(n);
      List<int[]> pats = new ArrayList<>();
      for (int p = 0; p < loads[k]; p++) {
        pats.add(HebbianNetwork.randomPattern(n, 0, rng));
        net.store(pats.get(p));
      }
      for (int q = 0; q < 3; q++) {
        int[] s = pats.get(q).clone();
        net.relax(s, 0, 40, rng);
        at[k] += HebbianNetwork.overlap(pats.get(q), s) / 3;
      }
    }
    assertThat(at[0]).isGreaterThan(0.99);
    assertThat(at[1]).isLessThan(0.8);
  }

  @Test
  void glauber_flips_up_with_the_heat_bath_probability() {
    SplittableRandom rng = new SplittableRandom(2);
    int up = 0;
    int draws = 200_000;
    for (int i = 0; i < draws; i++) {
      up += Glauber.spin(0.3, -1, 0.5, rng) > 0 ? 1 : 0;
    }
    assertThat((double) up / draws).isCloseTo(1 / (1 + Math.exp(-2 * 0.3 / 0.5)), within(0.005));
    assertThat(Glauber.spin(0.0, -1, 0, rng)).isEqualTo(-1);
  }

  @Test
  void dense_memory_of_degree_three_stores_beyond_the_classical_capacity() {
    SplittableRandom rng = new SplittableRandom(3);
    int n = 100;
    List<int[]> pats = new ArrayList<>();
    for (int p = 0; p < 40; p++) {
      pats.add(HebbianNetwork.randomPattern(n, 0, rng));
    }
    double[] mean = new double[2];
    for (int degree = 2; degree <= 3; degree++) {
      DenseAssociativeMemory dam = new DenseAssociativeMemory(pats, degree);
      for (int q = 0; q < 5; q++) {
        int[] s = dam.relax(HebbianNetwork.corrupt(pats.get(q), 0.1, rng), 30);
        mean[degree - 2] += HebbianNetwork.overlap(pats.get(q), s) / 5;
      }
    }
    assertThat(mean[0]).isLessThan(0.9); // alpha = 0.4: classical fails
    assertThat(mean[1]).isEqualTo(1.0);
  }

  @Test
  void multitasking_field_is_the_hebbian_field_and_retrieval_is_hierarchical() {
    SplittableRandom rng = new SplittableRandom(4);
    int n = 300;
    int[][] xi = new int[3][];
    HebbianNetwork net = new HebbianNetwork(n);
    for (int mu = 0; mu < 3; mu++) {
      xi[mu] = HebbianNetwork.randomPattern(n, 0.4, rng);
      net.store(xi[mu]);
    }
    MultitaskingNetwork mt = new MultitaskingNetwork(xi);
    int[] s = HebbianNetwork.randomPattern(n, 0, rng);
    double[] m = mt.overlaps(s);
    for (int i = 0; i < n; i += 7) {
      assertThat(mt.field(s, m, i)).isCloseTo(net.field(s, i), within(1e-12));
    }
    // T = 0 from pattern 1: the cascade m_k = (1-d) d^(k-1)
    int big = 6000;
    double d = 0.3;
    int[][] pats = new int[3][];
    for (int mu = 0; mu < 3; mu++) {
      pats[mu] = HebbianNetwork.randomPattern(big, d, rng);
    }
    int[] start = new int[big];
    for (int i = 0; i < big; i++) {
      start[i] = pats[0][i] != 0 ? pats[0][i] : (rng.nextBoolean() ? 1 : -1);
    }
    double[] got = new MultitaskingNetwork(pats).run(start, 0, 30, rng);
    for (int k = 0; k < 3; k++) {
      assertThat(Math.abs(got[k])).isCloseTo((1 - d) * Math.pow(d, k), within(0.03));
    }
    assertThat(MultitaskingNetwork.hierarchyLimit(3)).isCloseTo(0.6180, within(1e-3));
    assertThat(MultitaskingNetwork.hierarchyLimit(2)).isCloseTo(1.0, within(1e-9));
  }
}
