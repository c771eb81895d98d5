package org.gyrus.nn.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Autograd gradients of every block type against central finite differences in float64, for the
 * input and for sampled entries of every trainable parameter. The loss is sum(out * r) with a fixed
 * random r, so every output element matters. The engine is reseeded before each forward pass, so
 * dropout draws the same mask every time.
 */
class GradientCheckTest {
  private static final double H = 1e-6;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{_type: dense, units: 3} | 4",
        "{_type: dense, units: 3, activation: tanh} | 2,4",
        "{_type: conv1d, filters: 2, kernel: 3, padding: 1} | 2,5",
        "{_type: conv2d, filters: 2, kernel: 3, stride: 2, activation: sigmoid} | 2,5,5",
        "{_type: max_pool, kernel: 2} | 2,4,4",
        "{_type: avg_pool, kernel: 3, stride: 1, padding: 1} | 2,4,4",
        "{_type: max_pool, kernel: 2} | 2,6",
        "{_type: global_avg_pool} | 3,3,3",
        "{_type: global_max_pool} | 3,4",
        "{_type: batch_norm} | 3,2,2",
        "{_type: batch_norm} | 4",
        "{_type: layer_norm} | 3,4",
        "{_type: dropout, rate: 0.5} | 6",
        "{_type: kan, units: 2, grid: 3} | 3",
        "{_type: kan, units: 1, grid: 5, order: 2, bias: false} | 2",
        "{_type: skan, units: 2, basis: 5} | 3",
        "{_type: quadratic, units: 3, relinear: false} | 4",
        "{_type: quadratic, units: 2, activation: tanh} | 3",
        "{_type: spectral_conv, filters: 2, modes: 3} | 2,6",
        "{_type: spectral_conv, filters: 2, modes: 2} | 2,4,5",
        "{_type: fno, width: 3, modes: 2, layers: 2, hidden: 4} | 2,6",
        "{_type: fno, width: 2, modes: 2, layers: 2, hidden: 3, padding: 0.3} | 2,6",
        "{_type: fno, width: 2, modes: 2, layers: 1, hidden: 3, padding: 0.5} | 2,4,5",
        "{_type: relu} | 5",
        "{_type: gelu} | 5",
        "{_type: silu} | 5",
        "{_type: tanh} | 5",
        "{_type: sigmoid} | 5",
        "{_type: flatten} | 2,3",
        "{_type: attention, heads: 2} | 3,4",
        "{_type: attention, heads: 1, causal: true} | 3,2",
        "{_type: frozen, body: [{_type: attention, heads: 2}, {_type: dense, units: 3}]} | 3,4",
        "{_type: residual, body: [{_type: dense, units: 4}, {_type: relu}]} | 4",
        "{_type: parallel, join: mean, branches: [{_type: dense, units: 3}, {_type: dense, units: 3}]} | 4",
        "{_type: concat, branches: [{_type: conv2d, filters: 1, kernel: 1}, {_type: identity}]} | 2,3,3",
        "{_type: sequential, layers: [{_type: dense, units: 3, activation: silu}, {_type: dense, units: 2}]} | 3",
        "{_type: cell, nodes: 4, channels: 2, edges: [{_type: edge, from: 0, to: 1, op: nor_conv_3x3},"
            + " {_type: edge, from: 0, to: 2, op: avg_pool_3x3}, {_type: edge, from: 1, to: 2, op: skip_connect},"
            + " {_type: edge, from: 0, to: 3, op: nor_conv_1x1}, {_type: edge, from: 2, to: 3, op: none},"
            + " {_type: edge, from: 1, to: 3, op: skip_connect}]} | 2,3,3",
      })
  void gradients_match_finite_differences(String specText, String dims) {
    Value spec = SpecCodec.fromYaml(specText);
    String[] parts = dims.trim().split(",");
    long[] d = new long[parts.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = Long.parseLong(parts[i].trim());
    }
    check(spec, new Shape(d), false);
  }

  @ParameterizedTest(name = "embedding")
  @CsvSource({"5"})
  void embedding_gradients_match(int vocab) {
    check(
        SpecCodec.fromYaml("{_type: embedding, vocab: " + vocab + ", dim: 3}"), new Shape(4), true);
  }

  private static void check(Value spec, Shape in, boolean ids) {
    Engine engine = Engine.getEngine("PyTorch");
    Analysis a = SpecCompiler.standard().analyse(spec, in, "model");
    SplittableRandom rng = new SplittableRandom(7);
    try (NDManager m = engine.newBaseManager()) {
      engine.setRandomSeed(3);
      CompiledModel cm =
          new CompiledModel(
              spec, SpecCompiler.standard().build(spec, in, "model"), in, a.output(), 0, 0);
      Block block = cm.initialize(m, DataType.FLOAT64);
      Shape xs = Shapes.withBatch(3, in);
      double[] xv = new double[(int) xs.size()];
      for (int i = 0; i < xv.length; i++) {
        xv[i] = ids ? rng.nextInt(5) : rng.nextDouble(-1, 1);
      }
      double[] rv = new double[(int) Shapes.withBatch(3, a.output()).size()];
      for (int i = 0; i < rv.length; i++) {
        rv[i] = rng.nextDouble(-1, 1);
      }
      NDArray r = m.create(rv, Shapes.withBatch(3, a.output()));
      ParameterStore ps = new ParameterStore(m, false);
      NDArray x = m.create(xv, xs);
      if (!ids) {
        x.setRequiresGradient(true);
      }
      try (GradientCollector gc = engine.newGradientCollector()) {
        engine.setRandomSeed(11);
        NDArray out = block.forward(ps, new NDList(x), true).singletonOrThrow();
        assertThat(out.getShape()).isEqualTo(Shapes.withBatch(3, a.output()));
        gc.backward(out.mul(r).sum());
      }
      List<NDArray> targets = new ArrayList<>();
      List<String> names = new ArrayList<>();
      if (!ids) {
        targets.add(x);
        names.add("input");
      }
      for (var p : block.getParameters()) {
        Parameter param = p.getValue();
        if (param.requiresGradient()) {
          targets.add(param.getArray());
          names.add(p.getKey());
        }
      }
      assertThat(targets).isNotEmpty();
      for (int t = 0; t < targets.size(); t++) {
        NDArray arr = targets.get(t);
        double[] analytic = arr.getGradient().toDoubleArray();
        double[] base = arr.toDoubleArray();
        for (int k = 0; k < Math.min(12, base.length); k++) {
          int idx = base.length <= 12 ? k : rng.nextInt(base.length);
          double[] plus = base.clone();
          plus[idx] += H;
          double[] minus = base.clone();
          minus[idx] -= H;
          double numeric =
              (loss(block, ps, m, engine, arr, plus, x, r)
                      - loss(block, ps, m, engine, arr, minus, x, r))
                  / (2 * H);
          arr.set(DoubleBuffer.wrap(base));
          assertThat(analytic[idx])
              .as("%s d/d%s[%d]", spec, names.get(t), idx)
              .isCloseTo(
                  numeric, org.assertj.core.data.Offset.offset(1e-6 + 1e-5 * Math.abs(numeric)));
        }
      }
    }
  }

  private static double loss(
      Block block,
      ParameterStore ps,
      NDManager m,
      Engine engine,
      NDArray target,
      double[] values,
      NDArray x,
      NDArray r) {
    target.set(DoubleBuffer.wrap(values));
    engine.setRandomSeed(11);
    NDArray out = block.forward(ps, new NDList(x), true).singletonOrThrow();
    return out.mul(r).sum().getDouble();
  }
}
