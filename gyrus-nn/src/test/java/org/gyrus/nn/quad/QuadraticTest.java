package org.gyrus.nn.quad;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.HashMap;
import java.util.Map;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.train.ProgressBar;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.TrainResult;
import org.gyrus.nn.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * Quadratic neurons: ReLinear starts linear, the slow group obeys its rate, training clears a bar.
 */
class QuadraticTest {
  @Test
  void relinear_layer_starts_as_its_linear_part() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      Value spec = SpecCodec.fromYaml("{_type: quadratic, units: 3}");
      CompiledModel cm = CompiledModel.classifier(spec, new Shape(4), 0);
      Block b = cm.initialize(m, DataType.FLOAT64);
      Map<String, NDArray> p = new HashMap<>();
      for (Parameter q : b.getParameters().values()) {
        p.put(q.getName(), q.getArray());
      }
      NDArray x = m.randomUniform(-2, 2, new Shape(5, 4), DataType.FLOAT64);
      NDArray y = b.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
      NDArray linear = x.matMul(p.get("w_r")).add(p.get("b_r")).add(p.get("quad_c"));
      assertThat(y.sub(linear).abs().max().getDouble()).isLessThan(1e-12);
      assertThat(p.get("quad_w_g").abs().sum().getDouble()).isZero();
    }
  }

  @Test
  void quadratic_terms_follow_their_own_rate_and_training_clears_the_bar() {
    DataSplits data = Datasets.embeddedDemo(0);
    DataSplits small =
        new DataSplits(data.train().head(2000), data.validation().head(500), data.test());
    Value spec =
        SpecCodec.fromYaml(
            "[{_type: flatten}, {_type: quadratic, units: 32, activation: relu}, {_type: dense,"
                + " units: 10}]");
    Recipe r =
        Recipe.defaults().with("epochs", 2L, "lr", 3e-3, "batch_size", 64L, "quad_lr_scale", 0.0);
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      CompiledModel cm =
          CompiledModel.classifier(spec, small.train().exampleShape(), small.train().classes());
      Trainer t = new Trainer(cm, r, m);
      TrainResult res = t.fit(small, e -> true, new ProgressBar("test", false));
      for (Parameter q : t.block().getParameters().values()) {
        if (q.getName().equals("quad_b_g")) {
          // rate 0: the gate bias is still ReLinear's 1
          assertThat(q.getArray().sub(1).abs().max().getFloat()).isZero();
        }
        if (q.getName().equals("w_r")) {
          assertThat(q.getArray().abs().sum().getFloat()).isPositive();
        }
      }
      // 2 epochs on 2,000 embedded Fashion-MNIST images: a linear probe gets about 0.75
      assertThat(res.testAccuracy()).isGreaterThan(0.72);
    }
  }
}
