package org.gyrus.nn.spiking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.nn.attractor.FiniteDifferences;
import org.junit.jupiter.api.Test;

/**
 * Neuroformer pieces: the circuit's spikes follow its synapses, the trained attention finds planted
 * synapses, AUROC, transformer gradients.
 */
class NeuroformerTest {
  @Test
  void a_presynaptic_spike_raises_the_targets_next_bin_firing() {
    LifCircuit c = new LifCircuit(30, 0.1, 0.4, 1);
    float[] s = c.simulate(20000, 0.15, 0.03, 2);
    int n = 30;
    double withEdge = 0;
    double withEdgeN = 0;
    double without = 0;
    double withoutN = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i == j) {
          continue;
        }
        double both = 0;
        double pre = 0;
        for (int t = 1; t < 20000; t++) {
          if (s[(t - 1) * n + j] > 0) {
            pre++;
            both += s[t * n + i];
          }
        }
        if (c.connected(i, j)) {
          withEdge += both / Math.max(pre, 1);
          withEdgeN++;
        } else {
          without += both / Math.max(pre, 1);
          withoutN++;
        }
      }
    }
    assertThat(withEdgeN).isPositive();
    assertThat(withEdge / withEdgeN).isGreaterThan(1.5 * without / withoutN);
  }

  @Test
  void attention_finds_two_planted_synapses_in_a_five_neuron_circuit() {
    double[][] w = new double[5][5];
    w[3][0] = 0.8; // 0 -> 3: P(3 fires | 0 fired a bin before) 0.59 against a rate of 0.03
    w[1][2] = 0.8; // 2 -> 1
    float[] s = new LifCircuit(w).simulate(6000, 0.2, 0.05, 5);
    NeuroformerFit.Result r = NeuroformerFit.run(s, 5, 5, 8, 4800, 10, 1e-2, 6);
    for (double[][] a : List.of(r.attention(), r.attentionAfterSpike())) {
      for (int[] syn : new int[][] {{3, 0}, {1, 2}}) {
        int post = syn[0];
        int pre = syn[1];
        // most of the postsynaptic neuron's attention (null key included) goes to its input, and
        // no other neuron reads that input as much
        assertThat(a[post][pre]).as("attention %d <- %d", post, pre).isGreaterThan(0.5);
        for (int k = 0; k < 5; k++) {
          if (k != pre && k != post) {
            assertThat(a[post][k]).as("attention %d <- %d", post, k).isLessThan(a[post][pre]);
            assertThat(a[k][pre]).as("attention %d <- %d", k, pre).isLessThan(a[post][pre]);
          }
        }
      }
    }
  }

  @Test
  void auroc_matches_the_pairwise_definition() {
    SplittableRandom rng = new SplittableRandom(3);
    double[] sc = new double[200];
    boolean[] lab = new boolean[200];
    for (int i = 0; i < sc.length; i++) {
      lab[i] = rng.nextBoolean();
      sc[i] = Math.round((rng.nextDouble() + (lab[i] ? 0.3 : 0)) * 10) / 10.0; // with ties
    }
    double wins = 0;
    double pairs = 0;
    for (int a = 0; a < sc.length; a++) {
      for (int b = 0; b < sc.length; b++) {
        if (lab[a] && !lab[b]) {
          pairs++;
          wins += sc[a] > sc[b] ? 1 : sc[a] == sc[b] ? 0.5 : 0;
        }
      }
    }
    assertThat(NeuroformerFit.auroc(sc, lab)).isCloseTo(wins / pairs, within(1e-12));
  }

  @Test
  void spike_transformer_gradients_match_finite_differences() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      SpikeTransformer t = new SpikeTransformer(4, 3, 5, 0.2);
      t.initialize(m, DataType.FLOAT64, new Shape(2, 4, 3));
      SplittableRandom rng = new SplittableRandom(4);
      // the value projection starts at zero, which would zero the attention's gradients too
      for (var p : t.getParameters()) {
        NDArray v = p.getValue().getArray();
        v.set(m.randomNormal(0, 0.7f, v.getShape(), DataType.FLOAT64).toDoubleArray());
      }
      double[] x = new double[2 * 4 * 3];
      for (int i = 0; i < x.length; i++) {
        x[i] = rng.nextDouble();
      }
      FiniteDifferences.check(m, t, m.create(x, new Shape(2, 4, 3)), 1e-6);
    }
  }
}
