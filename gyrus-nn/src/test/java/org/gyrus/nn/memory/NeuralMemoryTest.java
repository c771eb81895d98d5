package org.gyrus.nn.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.nn.blocks.BlockTypes;
import org.gyrus.nn.blocks.SpecCompiler;
import org.gyrus.nn.testing.FiniteDifferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The test-time memory: inner gradients, the chunked scan against a loop, outer gradients. */
class NeuralMemoryTest {
  private static final double H = 1e-6;

  static AttentionalBias bias(String name) {
    switch (name) {
      case "moneta":
        return AttentionalBias.lp(3);
      case "yaad":
        return AttentionalBias.huber(0.3);
      default:
        return AttentionalBias.l2();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"titans", "moneta", "yaad"})
  void the_hand_derived_inner_gradient_matches_finite_differences(String variant) {
    AttentionalBias b = bias(variant);
    SplittableRandom rng = new SplittableRandom(5);
    for (int trial = 0; trial < 20; trial++) {
      double[] m = random(rng, 12);
      double[] k = random(rng, 4);
      double[] v = random(rng, 3);
      double[] g = b.gradient(m, k, v);
      for (int i = 0; i < m.length; i++) {
        double[] plus = m.clone();
        plus[i] += H;
        double[] minus = m.clone();
        minus[i] -= H;
        double numeric = (b.loss(plus, k, v) - b.loss(minus, k, v)) / (2 * H);
        assertThat(g[i]).as("%s dℓ/dM[%d]", variant, i).isCloseTo(numeric, Offset.offset(1e-7));
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
    "titans, 1, 1.0",
    "titans, 3, 1.0",
    "titans, 3, 0.25",
    "moneta, 1, 1.0",
    "moneta, 3, 1.0",
    "yaad, 3, 1.0",
    "memora, 1, 1.0",
    "memora, 3, 0.25"
  })
  void the_chunked_scan_equals_the_token_loop(String variant, int chunk, double maxStep) {
    int b = 2;
    int t = 7;
    int d = 3;
    SplittableRandom rng = new SplittableRandom(chunk * 31L + variant.length());
    double[] q = random(rng, b * t * d);
    double[] k = random(rng, b * t * d);
    double[] v = random(rng, b * t * d);
    double[] pa = random(rng, b * t);
    double[] pe = random(rng, b * t);
    double[] pt = random(rng, b * t);
    boolean memora = variant.equals("memora");
    double[] expected =
        ScanReference.run(bias(variant), memora, chunk, maxStep, b, t, d, q, k, v, pa, pe, pt);
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      Shape seq = new Shape(b, t, d);
      Shape gates = new Shape(b, t);
      NDArray y =
          new MemoryScan(bias(variant), memora, chunk, maxStep)
              .run(
                  m.create(q, seq),
                  m.create(k, seq),
                  m.create(v, seq),
                  m.create(pa, gates),
                  m.create(pe, gates),
                  m.create(pt, gates));
      assertThat(y.getShape()).isEqualTo(seq);
      double[] got = y.toDoubleArray();
      for (int i = 0; i < got.length; i++) {
        assertThat(got[i]).as("y[%d]", i).isCloseTo(expected[i], Offset.offset(1e-9));
      }
    }
  }

  @Test
  void a_large_step_stores_a_pair_that_a_query_reads_back() {
    // θ → 1, no forgetting: one ℓ2 step on a unit key writes v exactly (M k = v).
    int d = 4;
    double[] q = new double[2 * d];
    double[] k = new double[2 * d];
    double[] v = new double[2 * d];
    k[1] = 1;
    v[0] = 0.5;
    v[1] = -2;
    v[2] = 3;
    v[3] = 1;
    q[d + 1] = 1;
    double[] off = {-40, -40};
    double[] step = {40, 40};
    double[] y =
        ScanReference.run(AttentionalBias.l2(), false, 1, 1.0, 1, 2, d, q, k, v, off, off, step);
    assertThat(y[d]).isCloseTo(0.5, Offset.offset(1e-9));
    assertThat(y[d + 1]).isCloseTo(-2, Offset.offset(1e-9));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{_type: neural_memory, variant: titans, chunk: 2}",
        "{_type: neural_memory, variant: moneta, heads: 2, chunk: 3}",
        "{_type: neural_memory, variant: yaad, delta: 0.2, chunk: 1}",
        "{_type: neural_memory, variant: memora, chunk: 2, shift: false}",
        "{_type: recall_attention, kernel: softmax, heads: 2}",
        "{_type: recall_attention, kernel: linear}"
      })
  void outer_gradients_match_finite_differences(String spec) {
    FiniteDifferences.check(SpecCodec.fromYaml(spec), new Shape(5, 4), 3);
  }

  @Test
  void the_types_are_registered_and_check_their_arguments() {
    assertThat(BlockTypes.standard().names()).contains("neural_memory", "recall_attention");
    SpecCompiler c = SpecCompiler.standard();
    var a = c.analyse(SpecCodec.fromYaml("{_type: neural_memory}"), new Shape(64, 32), "m");
    assertThat(a.output()).isEqualTo(new Shape(64, 32));
    assertThat(a.params()).isEqualTo(3 * (64 * 32 + 32) + 64 * 3 + 3 + 32 * 32 + 32);
    assertThatThrownBy(
            () ->
                c.analyse(
                    SpecCodec.fromYaml("{_type: neural_memory, heads: 3}"), new Shape(8, 32), "m"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("m.heads");
    assertThatThrownBy(
            () ->
                c.analyse(
                    SpecCodec.fromYaml("{_type: neural_memory, variant: moneta, p: 1}"),
                    new Shape(8, 32),
                    "m"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("m.p");
  }

  static double[] random(SplittableRandom rng, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.nextDouble(-1, 1);
    }
    return v;
  }
}
