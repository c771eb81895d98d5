package org.gyrus.nn.moe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.blocks.SpecCompiler;
import org.gyrus.nn.testing.FiniteDifferences;
import org.junit.jupiter.api.Test;

/** Emergent MoE: carving is exact at top_k = E, routing matches a brute-force oracle, balance. */
class MoeTest {
  private static final Shape IN = new Shape(6);

  private static Block init(NDManager m, String yaml) {
    return CompiledModel.classifier(SpecCodec.fromYaml(yaml), IN, 0)
        .initialize(m, DataType.FLOAT64);
  }

  /** A random dense FFN 6 → 24 → 5 with random biases, and its carved MoE with E=4, top_k. */
  private static Block[] denseAndCarved(NDManager m, int topK) {
    Engine.getEngine("PyTorch").setRandomSeed(5);
    Block dense =
        init(m, "[{_type: dense, units: 24, activation: relu}, {_type: dense, units: 5}]");
    List<Linear> ls = Carve.linears(dense);
    for (Linear l : ls) {
      NDArray b = l.getParameters().get("bias").getArray();
      b.set(m.randomUniform(-0.5f, 0.5f, b.getShape(), DataType.FLOAT64).toDoubleArray());
    }
    Block moe = init(m, "{_type: moe, hidden: 24, units: 5, experts: 4, top_k: " + topK + "}");
    int[] expert = Carve.into(Carve.Ffn.of(ls.get(0), ls.get(1)), Carve.moes(moe).get(0), 1);
    int[] sizes = new int[4];
    for (int e : expert) {
      sizes[e]++;
    }
    assertThat(sizes).containsOnly(6);
    return new Block[] {dense, moe};
  }

  private static double[] run(NDManager m, Block b, NDArray x) {
    return b.forward(new ParameterStore(m, false), new NDList(x), false)
        .singletonOrThrow()
        .toDoubleArray();
  }

  @Test
  void carved_moe_with_every_expert_is_the_dense_ffn() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      Block[] b = denseAndCarved(m, 4);
      NDArray x = m.randomUniform(-2, 2, new Shape(9, 6), DataType.FLOAT64);
      double[] dense = run(m, b[0], x);
      double[] moe = run(m, b[1], x);
      for (int i = 0; i < dense.length; i++) {
        assertThat(moe[i]).isCloseTo(dense[i], org.assertj.core.data.Offset.offset(1e-12));
      }
    }
  }

  @Test
  void top_k_routing_sums_the_k_best_gated_experts_like_a_brute_force_oracle() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      Block[] b = denseAndCarved(m, 2);
      MoeLayer moe = Carve.moes(b[1]).get(0);
      double[] w1 = moe.array("w1").toDoubleArray(); // (6,24)
      double[] b1 = moe.array("b1").toDoubleArray();
      double[] w2 = moe.array("w2").toDoubleArray(); // (24,5)
      double[] b2 = moe.array("b2").toDoubleArray();
      double[] g = moe.array("gates").toDoubleArray(); // (4,6)
      NDArray x = m.randomUniform(-2, 2, new Shape(9, 6), DataType.FLOAT64);
      double[] xs = x.toDoubleArray();
      double[] got = run(m, b[1], x);
      for (int n = 0; n < 9; n++) {
        Integer[] order = {0, 1, 2, 3};
        double[] score = new double[4];
        for (int e = 0; e < 4; e++) {
          for (int i = 0; i < 6; i++) {
            score[e] += xs[n * 6 + i] * g[e * 6 + i];
          }
        }
        Arrays.sort(order, (p, q) -> Double.compare(score[q], score[p]));
        double[] y = b2.clone();
        for (int r = 0; r < 2; r++) {
          for (int j = order[r] * 6; j < order[r] * 6 + 6; j++) {
            double h = b1[j];
            for (int i = 0; i < 6; i++) {
              h += xs[n * 6 + i] * w1[i * 24 + j];
            }
            for (int u = 0; u < 5; u++) {
              y[u] += Math.max(0, h) * w2[j * 5 + u];
            }
          }
        }
        for (int u = 0; u < 5; u++) {
          assertThat(got[n * 5 + u]).isCloseTo(y[u], org.assertj.core.data.Offset.offset(1e-12));
        }
      }
    }
  }

  @Test
  void balanced_k_means_fills_every_cluster_and_recovers_planted_groups() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int trial = 0; trial < 20; trial++) {
      int k = 2 + trial % 5;
      int per = 3 + trial % 4;
      double[][] centres = new double[k][5];
      for (double[] c : centres) {
        for (int j = 0; j < 5; j++) {
          c[j] = rng.nextDouble(-20, 20);
        }
      }
      double[][] p = new double[k * per][5];
      int[] planted = new int[k * per];
      for (int i = 0; i < p.length; i++) {
        planted[i] = rng.nextInt(k * per) % k; // shuffled membership, still per points each
      }
      int[] count = new int[k];
      for (int i = 0; i < p.length; i++) {
        int c = planted[i];
        while (count[c] == per) {
          c = (c + 1) % k;
        }
        planted[i] = c;
        count[c]++;
        for (int j = 0; j < 5; j++) {
          p[i][j] = centres[c][j] + rng.nextDouble(-0.5, 0.5);
        }
      }
      int[] got = BalancedKMeans.cluster(p, k, 100, trial);
      int[] sizes = new int[k];
      for (int c : got) {
        sizes[c]++;
      }
      assertThat(sizes).as("trial %d", trial).containsOnly(per);
      double planted2 = BalancedKMeans.within(p, planted, k);
      assertThat(BalancedKMeans.within(p, got, k))
          .as("trial %d", trial)
          .isLessThan(planted2 + 1e-9);
      // an arbitrary balanced partition is much worse
      int[] striped = new int[p.length];
      for (int i = 0; i < p.length; i++) {
        striped[i] = i % k;
      }
      assertThat(BalancedKMeans.within(p, got, k)).isLessThan(BalancedKMeans.within(p, striped, k));
    }
  }

  @Test
  void moe_gradients_match_finite_differences() {
    FiniteDifferences.check(
        SpecCodec.fromYaml("{_type: moe, hidden: 8, units: 3, experts: 4, top_k: 2}"), IN, 6);
    FiniteDifferences.check(
        SpecCodec.fromYaml(
            "{_type: moe, hidden: 6, units: 4, experts: 3, top_k: 1, activation: tanh}"),
        new Shape(3, 5),
        6);
  }

  @Test
  void load_balance_term_matches_its_formula_and_reaches_the_gates() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      Engine.getEngine("PyTorch").setRandomSeed(2);
      Block b = init(m, "{_type: moe, hidden: 8, units: 3, experts: 4, top_k: 1}");
      MoeLayer moe = Carve.moes(b).get(0);
      NDArray x = m.randomUniform(-1, 1, new Shape(10, 6), DataType.FLOAT64);
      double[] g = moe.array("gates").toDoubleArray();
      double[] xs = x.toDoubleArray();
      double[] frac = new double[4];
      double[] prob = new double[4];
      for (int n = 0; n < 10; n++) {
        double[] s = new double[4];
        int best = 0;
        double z = 0;
        for (int e = 0; e < 4; e++) {
          for (int i = 0; i < 6; i++) {
            s[e] += xs[n * 6 + i] * g[e * 6 + i];
          }
          best = s[e] > s[best] ? e : best;
        }
        for (int e = 0; e < 4; e++) {
          z += Math.exp(s[e]);
        }
        frac[best] += 0.1;
        for (int e = 0; e < 4; e++) {
          prob[e] += Math.exp(s[e]) / z / 10;
        }
      }
      double want = 0;
      for (int e = 0; e < 4; e++) {
        want += 4 * frac[e] * prob[e];
      }
      NDArray gates = moe.array("gates");
      try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
        b.forward(new ParameterStore(m, false), new NDList(x), true);
        NDArray loss = moe.lastBalanceLoss();
        assertThat(loss.getDouble()).isCloseTo(want, org.assertj.core.data.Offset.offset(1e-12));
        gc.backward(loss);
      }
      assertThat(gates.getGradient().abs().sum().getDouble()).isPositive();
    }
  }

  @Test
  void bad_arguments_name_the_path() {
    SpecCompiler c = SpecCompiler.standard();
    Value odd = SpecCodec.fromYaml("[{_type: moe, hidden: 10, units: 3, experts: 4}]");
    assertThatThrownBy(() -> c.analyse(odd, IN, "model"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("model[0].experts")
        .hasMessageContaining("divide hidden=10");
    Value wide = SpecCodec.fromYaml("{_type: moe, hidden: 8, units: 3, experts: 4, top_k: 5}");
    assertThatThrownBy(() -> c.analyse(wide, IN, "m")).hasMessageContaining("m.top_k");
    assertThatThrownBy(() -> c.analyse(wide, new Shape(2, 3, 4), "m"))
        .hasMessageContaining("moe expects");
    // params: W1, b1, W2, b2, gates; FLOPs: router + 2 of 4 experts
    var a = c.analyse(SpecCodec.fromYaml("{_type: moe, hidden: 8, units: 3}"), IN, "m");
    assertThat(a.params()).isEqualTo(6 * 8 + 8 + 8 * 3 + 3 + 8 * 6);
    var k = c.analyse(SpecCodec.fromYaml("{_type: moe, hidden: 8, units: 3, experts: 4}"), IN, "m");
    assertThat(k.flops()).isEqualTo(2 * 6 * 4 + 2 * 6 * 4 + 4 + 4 + 2 * 4 * 3 + 3);
  }
}
