package org.gyrus.nn.ctm;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.BlockTypes;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.blocks.SpecCompiler;
import org.gyrus.nn.testing.FiniteDifferences;
import org.junit.jupiter.api.Test;

/** CTM: synchronisation, the two-tick loss, halting, gradients and declared sizes. */
class CtmTest {
  private static final String SMALL =
      "{_type: ctm, out: 3, neurons: 4, memory: 3, hidden: 2, ticks: 3, width: 4, heads: 2,"
          + " sync_out: 5, sync_action: 3}";

  @Test
  void running_synchronisation_equals_the_decayed_sum_over_ticks() {
    int[][] pairs = {{0, 1, 2, 2}, {1, 1, 0, 3}};
    double[] r = {0, 0.5, 2, 20};
    SplittableRandom rng = new SplittableRandom(2);
    double[][] z = new double[6][4];
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      Ctm.Sync sync = new Ctm.Sync(m, pairs, m.create(r));
      for (int t = 0; t < z.length; t++) {
        for (int i = 0; i < 4; i++) {
          z[t][i] = rng.nextDouble(-2, 2);
        }
        double[] got = sync.fold(m.create(z[t], new Shape(1, 4))).toDoubleArray();
        double[] want = direct(java.util.Arrays.copyOf(z, t + 1), pairs, r);
        for (int p = 0; p < 4; p++) {
          assertThat(got[p]).as("tick %d pair %d", t, p).isCloseTo(want[p], Offset.offset(1e-9));
        }
      }
    }
  }

  /** S = Σ_τ e^{−r(t−τ)} z_i z_j / sqrt(Σ_τ e^{−r(t−τ)}), r clipped to [0, 15]. */
  private static double[] direct(double[][] z, int[][] pairs, double[] r) {
    int t = z.length - 1;
    double[] s = new double[pairs[0].length];
    for (int p = 0; p < s.length; p++) {
      double rate = Math.min(15, Math.max(0, r[p]));
      double num = 0;
      double den = 0;
      for (int tau = 0; tau <= t; tau++) {
        double w = Math.exp(-rate * (t - tau));
        num += w * z[tau][pairs[0][p]] * z[tau][pairs[1][p]];
        den += w;
      }
      s[p] = num / Math.sqrt(den);
    }
    return s;
  }

  @Test
  void the_loss_averages_the_least_loss_tick_and_the_most_certain_tick() {
    // one example, one position, two classes, three ticks
    double[][] logits = {
      {0, 0}, {3, 0}, {0, 1}
    }; // target 1: tick 2 has least loss, tick 1 most certain
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      NDArray x = m.create(new double[] {0, 0, 3, 0, 0, 1}, new Shape(1, 3, 2));
      TickLoss tl = new TickLoss(1, 2);
      double got = tl.loss(x, new int[] {1}).getDouble();
      double least = ce(logits[2], 1);
      double mostCertain = ce(logits[1], 1);
      assertThat(got).isCloseTo((least + mostCertain) / 2, Offset.offset(1e-12));
      double[] certainty = tl.perTick(x, new int[] {1})[1].toDoubleArray();
      assertThat(certainty[0]).isCloseTo(0, Offset.offset(1e-12));
      assertThat(certainty[1]).isGreaterThan(certainty[2]);
    }
  }

  private static double ce(double[] logits, int target) {
    double lse = Math.log(Math.exp(logits[0]) + Math.exp(logits[1]));
    return lse - logits[target];
  }

  @Test
  void halting_stops_at_the_first_certain_tick() {
    TickReadout r = new TickReadout(4, 0.8);
    int[][] right = {{0, 1, 1, 1}, {0, 0, 0, 1}};
    float[][] certainty = {{0.1f, 0.85f, 0.9f, 0.95f}, {0.1f, 0.2f, 0.3f, 0.4f}};
    r.add(right, certainty, 1);
    assertThat(r.meanTicksHalted()).isEqualTo((2 + 4) / 2.0);
    assertThat(r.accuracyHalted()).isEqualTo(1.0);
    assertThat(r.accuracyByTick()).containsExactly(0, 0.5, 0.5, 1);
    assertThat(r.accuracyCertain()).isEqualTo(1.0);
  }

  @Test
  void parity_targets_are_the_running_parity_of_minus_ones() {
    Parity.Batch b = Parity.sample(20, 16, new SplittableRandom(4));
    for (int i = 0; i < 20; i++) {
      for (int p = 0; p < 16; p++) {
        int minus = 0;
        for (int q = 0; q <= p; q++) {
          minus += b.bits()[i * 16 + q] < 0 ? 1 : 0;
        }
        assertThat(b.targets()[i * 16 + p]).isEqualTo(minus % 2);
      }
    }
  }

  @Test
  void gradients_match_finite_differences() {
    FiniteDifferences.check(SpecCodec.fromYaml(SMALL), new Shape(3, 2), 4);
  }

  @Test
  void the_declared_sizes_are_the_built_ones() {
    assertThat(BlockTypes.standard().names()).contains("ctm");
    Value spec = SpecCodec.fromYaml(SMALL);
    Shape in = new Shape(3, 2);
    var a = SpecCompiler.standard().analyse(spec, in, "m");
    assertThat(a.output()).isEqualTo(new Shape(3, 3));
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      Block b =
          new CompiledModel(
                  spec, SpecCompiler.standard().build(spec, in, "m"), in, a.output(), 0, 0)
              .initialize(m, DataType.FLOAT32);
      long count = 0;
      for (var p : b.getParameters().values()) {
        count += p.getArray().size();
      }
      assertThat(a.params()).isEqualTo(count);
    }
  }
}
