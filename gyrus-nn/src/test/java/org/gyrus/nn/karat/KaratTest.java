package org.gyrus.nn.karat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.nio.DoubleBuffer;
import org.assertj.core.data.Offset;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.blocks.SpecCompiler;
import org.gyrus.nn.testing.FiniteDifferences;
import org.junit.jupiter.api.Test;

/** Fourier KArAt: a hand-set map is elementwise cos; gradients; drop-in shape checks. */
class KaratTest {
  @Test
  void identity_kan_with_one_cosine_turns_attention_into_cos_of_the_scores() {
    // T=2, D=2, one head; q = k = v = x and output projection I; C picks cos(1·a_s) for output
    // s and P = I, so the weights are cos(x_i·x_j/√2) and the output is cos(S) x
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      Value spec =
          SpecCodec.fromYaml("{_type: karat, heads: 1, grid: 1, rank: 2, normalise: none}");
      CompiledModel cm = CompiledModel.classifier(spec, new Shape(2, 2), 0);
      Block b = cm.initialize(m, DataType.FLOAT64);
      var p = b.getParameters();
      set(named(p, "qkv_weight"), 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1);
      set(named(p, "qkv_bias"), 0, 0, 0, 0, 0, 0);
      set(named(p, "out_weight"), 1, 0, 0, 1);
      set(named(p, "out_bias"), 0, 0);
      // rows k·2G + m (m = 0 cos, 1 sin), columns s
      set(named(p, "kan_coef"), 1, 0, 0, 0, 0, 1, 0, 0);
      set(named(p, "kan_proj"), 1, 0, 0, 1);
      double[] x = {0.3, -1.2, 0.8, 0.5};
      NDArray in = m.create(x, new Shape(1, 2, 2));
      double[] got =
          b.forward(new ParameterStore(m, false), new NDList(in), false)
              .singletonOrThrow()
              .toDoubleArray();
      for (int i = 0; i < 2; i++) {
        for (int c = 0; c < 2; c++) {
          double want = 0;
          for (int j = 0; j < 2; j++) {
            double s = (x[i * 2] * x[j * 2] + x[i * 2 + 1] * x[j * 2 + 1]) / Math.sqrt(2);
            want += Math.cos(s) * x[j * 2 + c];
          }
          assertThat(got[i * 2 + c]).isCloseTo(want, Offset.offset(1e-12));
        }
      }
    }
  }

  /** DJL prefixes child blocks' parameter names with their position ("01qkv_weight"). */
  private static NDArray named(ai.djl.nn.ParameterList p, String suffix) {
    for (var e : p) {
      if (e.getKey().endsWith(suffix)) {
        return e.getValue().getArray();
      }
    }
    throw new AssertionError("no parameter " + suffix + " in " + p.keys());
  }

  private static void set(NDArray a, double... v) {
    a.set(DoubleBuffer.wrap(v));
  }

  @Test
  void karat_gradients_match_finite_differences() {
    FiniteDifferences.check(
        SpecCodec.fromYaml("{_type: karat, heads: 2, grid: 2, rank: 3}"), new Shape(3, 4), 5);
    FiniteDifferences.check(
        SpecCodec.fromYaml("{_type: karat, heads: 1, causal: true, grid: 1, normalise: none}"),
        new Shape(3, 2),
        5);
    FiniteDifferences.check(
        SpecCodec.fromYaml("{_type: patches, size: 2, dim: 3}"), new Shape(1, 4, 4), 5);
  }

  @Test
  void causal_karat_ignores_the_future() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      Engine.getEngine("PyTorch").setRandomSeed(4);
      Value spec = SpecCodec.fromYaml("{_type: karat, heads: 2, causal: true}");
      Block b = CompiledModel.classifier(spec, new Shape(4, 4), 0).initialize(m, DataType.FLOAT64);
      NDArray x = m.randomUniform(-1, 1, new Shape(1, 4, 4), DataType.FLOAT64);
      NDArray y = x.duplicate();
      y.set(new ai.djl.ndarray.index.NDIndex("0, 3, :"), 5.0); // change only the last token
      ParameterStore ps = new ParameterStore(m, false);
      NDArray fx = b.forward(ps, new NDList(x), false).singletonOrThrow();
      NDArray fy = b.forward(ps, new NDList(y), false).singletonOrThrow();
      assertThat(fx.get("0, :3, :").sub(fy.get("0, :3, :")).abs().max().getDouble())
          .isLessThan(1e-12);
      assertThat(fx.get("0, 3, :").sub(fy.get("0, 3, :")).abs().max().getDouble())
          .isGreaterThan(1e-3);
    }
  }

  @Test
  void karat_is_a_drop_in_for_attention_with_its_own_parameter_count() {
    SpecCompiler c = SpecCompiler.standard();
    Shape in = new Shape(16, 32);
    var att = c.analyse(SpecCodec.fromYaml("{_type: attention, heads: 4}"), in, "m");
    var kar = c.analyse(SpecCodec.fromYaml("{_type: karat, heads: 4}"), in, "m");
    assertThat(kar.output()).isEqualTo(att.output());
    assertThat(kar.params() - att.params()).isEqualTo(16 * 2 * 3 * 4 + 4 * 16);
    assertThat(kar.flops()).isGreaterThan(att.flops());
    Value bad = SpecCodec.fromYaml("[{_type: karat, heads: 3}]");
    assertThatThrownBy(() -> c.analyse(bad, in, "model"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("model[0].heads");
    assertThatThrownBy(() -> c.analyse(SpecCodec.fromYaml("{_type: karat}"), new Shape(8), "k"))
        .hasMessageContaining("karat expects 3 axes");
    assertThatThrownBy(
            () ->
                c.analyse(
                    SpecCodec.fromYaml("{_type: patches, size: 5, dim: 8}"),
                    new Shape(1, 28, 28),
                    "p"))
        .hasMessageContaining("p.size");
    assertThat(
            c.analyse(
                    SpecCodec.fromYaml("{_type: patches, size: 7, dim: 8}"),
                    new Shape(1, 28, 28),
                    "p")
                .output())
        .isEqualTo(new Shape(16, 8));
  }
}
