package org.gyrus.nn.spiking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.nn.attractor.FiniteDifferences;
import org.gyrus.nn.blocks.BlockTypes;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.blocks.SpecCompiler;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.TrainAndEvaluate;
import org.gyrus.nn.train.TrainResult;
import org.junit.jupiter.api.Test;

/** The {@code lif} block: surrogate backward, dynamics, gradients, registration, training. */
class LifTest {
  @Test
  void surrogate_backward_is_the_derivative_of_the_smooth_spike() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      double[] us = {-1.3, -0.2, -0.01, 0.0, 0.03, 0.4, 2.0};
      NDArray u = m.create(us);
      u.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
        NDArray s = Surrogate.spike(u, 2.0);
        assertThat(s.toDoubleArray()).containsExactly(0, 0, 0, 0, 1, 1, 1);
        gc.backward(s.sum());
      }
      double[] g = u.getGradient().toDoubleArray();
      double h = 1e-6;
      for (int i = 0; i < us.length; i++) {
        double fd =
            (Surrogate.smooth(m.create(us[i] + h), 2.0).getDouble()
                    - Surrogate.smooth(m.create(us[i] - h), 2.0).getDouble())
                / (2 * h);
        assertThat(g[i]).isCloseTo(fd, within(1e-7));
        assertThat(g[i]).isCloseTo(Surrogate.derivative(us[i], 2.0), within(1e-12));
      }
    }
  }

  @Test
  void forward_matches_a_plain_leaky_integrate_and_fire_simulation() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      LifLayer layer = new LifLayer(3, 2, 12, 0.9, 1.0, 2.0, LifLayer.Output.SPIKES, false);
      layer.initialize(m, DataType.FLOAT64, new Shape(1, 3));
      double[] w = {0.5, -0.2, 0.3, 0.8, -0.4, 0.1};
      double[] b = {0.05, 0.0};
      layer.getParameters().get("weight").getArray().set(w);
      layer.getParameters().get("bias").getArray().set(b);
      double[] x = {0.7, 0.2, -0.5};
      double[] got =
          layer
              .forward(
                  new ParameterStore(m, false), new NDList(m.create(x, new Shape(1, 3))), false)
              .singletonOrThrow()
              .toDoubleArray();
      int spikes = 0;
      for (int u = 0; u < 2; u++) {
        double cur = b[u];
        for (int f = 0; f < 3; f++) {
          cur += x[f] * w[f * 2 + u];
        }
        double mem = 0;
        double reset = 0;
        for (int t = 0; t < 12; t++) {
          mem = 0.9 * mem + cur - reset;
          double s = mem > 1.0 ? 1 : 0;
          reset = s;
          assertThat(got[t * 2 + u]).as("t=%d u=%d", t, u).isEqualTo(s);
          spikes += (int) s;
        }
      }
      assertThat(spikes).isPositive();
    }
  }

  @Test
  void smooth_mode_gradients_match_finite_differences() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      String[] specs = {
        "{_type: lif, units: 3, steps: 4, beta: 0.8, threshold: 0.5, smooth: true}",
        "{_type: lif, units: 2, beta: 0.9, threshold: 0.3, output: rate, smooth: true}",
        "{_type: lif, units: 2, steps: 3, output: membrane, smooth: true}"
      };
      Shape[] inputs = {new Shape(2, 3), new Shape(2, 4, 3), new Shape(2, 3)};
      for (int k = 0; k < specs.length; k++) {
        Value spec = SpecCodec.fromYaml(specs[k]);
        var block = SpecCompiler.standard().build(spec, inputs[k].slice(1), "lif");
        block.initialize(m, DataType.FLOAT64, inputs[k]);
        SplittableRandom rng = new SplittableRandom(k);
        double[] xv = new double[(int) inputs[k].size()];
        for (int i = 0; i < xv.length; i++) {
          xv[i] = rng.nextDouble(-1, 2);
        }
        FiniteDifferences.check(m, block, m.create(xv, inputs[k]), 1e-6);
      }
    }
  }

  @Test
  void is_registered_the_example_compiles_and_a_small_snn_trains() throws IOException {
    assertThat(BlockTypes.standard().names()).contains("lif");
    Value example =
        SpecCodec.fromYaml(Files.readString(Path.of("../examples/blocks/lif-mnist.yaml")));
    CompiledModel cm = CompiledModel.classifier(example, new Shape(1, 28, 28), 10);
    assertThat(cm.output()).isEqualTo(new Shape(10));
    assertThat(cm.params()).isEqualTo(784 * 1000 + 1000 + 1000 * 10 + 10);
    Value small =
        SpecCodec.fromYaml(
            "{_type: model, head: none, body: [{_type: flatten}, {_type: lif, units: 32, steps: 4},"
                + " {_type: lif, units: 10, output: membrane}]}");
    Recipe recipe =
        Recipe.from(
            (Value.Node)
                SpecCodec.fromYaml("{_type: recipe, optimizer: adam, lr: 2.0e-3, epochs: 1}"));
    var all = Datasets.embeddedFashionMnist();
    var few = all.subset(java.util.stream.IntStream.range(0, 3000).toArray(), "fashion-3000");
    TrainResult r =
        TrainAndEvaluate.run(
            small,
            recipe,
            org.gyrus.nn.data.DataSplits.threeWay(few, 0.1, 0.2, 0, false),
            rep -> true);
    assertThat(r.metrics().get("test_accuracy")).isGreaterThan(0.55);
  }
}
