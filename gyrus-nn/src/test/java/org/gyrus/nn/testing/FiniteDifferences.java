package org.gyrus.nn.testing;

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
import org.assertj.core.data.Offset;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.Analysis;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.blocks.Shapes;
import org.gyrus.nn.blocks.SpecCompiler;

/**
 * Autograd gradients of a spec's block against central finite differences in float64 (the check of
 * {@code GradientCheckTest}, shared by the issue-19 packages): the input and up to {@code samples}
 * entries of every trainable parameter, loss = sum(out · r) with a fixed random r.
 */
public final class FiniteDifferences {
  private static final double H = 1e-6;

  private FiniteDifferences() {}

  /** Checks a spec on a batch of 2 with inputs uniform in (−1, 1). */
  public static void check(Value spec, Shape in, int samples) {
    Engine engine = Engine.getEngine("PyTorch");
    Analysis a = SpecCompiler.standard().analyse(spec, in, "model");
    SplittableRandom rng = new SplittableRandom(7);
    try (NDManager m = engine.newBaseManager()) {
      engine.setRandomSeed(3);
      Block block =
          new CompiledModel(
                  spec, SpecCompiler.standard().build(spec, in, "model"), in, a.output(), 0, 0)
              .initialize(m, DataType.FLOAT64);
      Shape xs = Shapes.withBatch(2, in);
      Shape ys = Shapes.withBatch(2, a.output());
      NDArray x = m.create(uniform(rng, (int) xs.size()), xs);
      NDArray r = m.create(uniform(rng, (int) ys.size()), ys);
      x.setRequiresGradient(true);
      ParameterStore ps = new ParameterStore(m, false);
      try (GradientCollector gc = engine.newGradientCollector()) {
        NDArray out = block.forward(ps, new NDList(x), true).singletonOrThrow();
        assertThat(out.getShape()).isEqualTo(ys);
        gc.backward(out.mul(r).sum());
      }
      List<NDArray> targets = new ArrayList<>(List.of(x));
      List<String> names = new ArrayList<>(List.of("input"));
      for (var p : block.getParameters()) {
        Parameter param = p.getValue();
        if (param.requiresGradient()) {
          targets.add(param.getArray());
          names.add(p.getKey());
        }
      }
      for (int t = 0; t < targets.size(); t++) {
        NDArray arr = targets.get(t);
        // a parameter outside the output's graph (e.g. MoE gates) reads back a float32 zero
        // gradient
        double[] analytic = arr.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
        double[] base = arr.toDoubleArray();
        for (int k = 0; k < Math.min(samples, base.length); k++) {
          int idx = base.length <= samples ? k : rng.nextInt(base.length);
          double numeric =
              (loss(block, ps, arr, shifted(base, idx, H), x, r)
                      - loss(block, ps, arr, shifted(base, idx, -H), x, r))
                  / (2 * H);
          arr.set(DoubleBuffer.wrap(base));
          assertThat(analytic[idx])
              .as("%s d/d%s[%d]", spec, names.get(t), idx)
              .isCloseTo(numeric, Offset.offset(1e-6 + 1e-5 * Math.abs(numeric)));
        }
      }
    }
  }

  private static double[] uniform(SplittableRandom rng, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.nextDouble(-1, 1);
    }
    return v;
  }

  private static double[] shifted(double[] base, int idx, double h) {
    double[] v = base.clone();
    v[idx] += h;
    return v;
  }

  private static double loss(
      Block block, ParameterStore ps, NDArray target, double[] values, NDArray x, NDArray r) {
    target.set(DoubleBuffer.wrap(values));
    NDArray out = block.forward(ps, new NDList(x), true).singletonOrThrow();
    return out.mul(r).sum().getDouble();
  }
}
