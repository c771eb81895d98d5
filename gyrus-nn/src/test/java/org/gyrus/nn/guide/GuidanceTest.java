package org.gyrus.nn.guide;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.util.List;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.train.EpochListener;
import org.gyrus.nn.train.ProgressBar;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.Trainer;
import org.junit.jupiter.api.Test;

class GuidanceTest {
  private static final Value TARGET =
      SpecCodec.fromYaml(
          "[{_type: flatten}, {_type: dense, units: 32, activation: relu},"
              + " {_type: dense, units: 32, activation: relu}]");
  private static final Value GUIDE =
      SpecCodec.fromYaml(
          "[{_type: conv2d, filters: 4, kernel: 3, stride: 2, activation: relu},"
              + " {_type: conv2d, filters: 4, kernel: 3, stride: 2, activation: relu}]");

  @Test
  void layerByLayerActivationsEndInTheModelsOwnOutput() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      CompiledModel model = CompiledModel.classifier(TARGET, new Shape(1, 28, 28), 10);
      Block block = model.initialize(m, DataType.FLOAT32);
      ParameterStore ps = new ParameterStore(m, false);
      NDArray x = m.randomNormal(new Shape(5, 1, 28, 28));
      List<NDArray> acts = Guidance.activations(Guidance.layers(model, block), ps, x, false);
      assertThat(acts).hasSize(4); // flatten, dense, dense, head dense
      NDArray whole = block.forward(ps, new NDList(x), false).singletonOrThrow();
      assertThat(acts.get(3).toFloatArray()).containsExactly(whole.toFloatArray());
    }
  }

  /**
   * With the guidance term the guided layer's CKA to the guide's layer ends higher than without.
   */
  @Test
  void guidanceRaisesAlignmentWithTheGuideLayer() {
    DataSplits full = Datasets.embeddedDemo(0);
    DataSplits data =
        new DataSplits(full.train().head(1500), full.validation().head(300), full.test().head(300));
    double unguided = alignmentAfterTraining(data, 0f);
    double guided = alignmentAfterTraining(data, 1f);
    assertThat(guided).isGreaterThan(unguided + 0.05);
  }

  private static double alignmentAfterTraining(DataSplits data, float weight) {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      CompiledModel guideModel = CompiledModel.classifier(GUIDE, new Shape(1, 28, 28), 10);
      m.getEngine().setRandomSeed(7); // the same guide in both arms
      Block guide = guideModel.initialize(m, DataType.FLOAT32);
      ParameterStore gps = new ParameterStore(m, false);
      Recipe recipe = Recipe.defaults().with("epochs", 2L, "seed", 1L, "batch_size", 100L);
      CompiledModel target = CompiledModel.classifier(TARGET, new Shape(1, 28, 28), 10);
      Trainer t = new Trainer(target, recipe, m);
      t.withForward(new Guidance(target, guideModel, guide, gps, new int[][] {{2, 1}}, weight));
      t.fit(data, EpochListener.watching(e -> {}), new ProgressBar("g", false));
      Dataset test = data.test();
      NDArray x = m.create(FloatBuffer.wrap(test.x()), new Shape(test.size(), 1, 28, 28));
      NDArray aligned =
          Guidance.activations(Guidance.layers(target, t.block()), t.parameterStore(), x, false)
              .get(2);
      NDArray guided =
          Guidance.activations(Guidance.layers(guideModel, guide), gps, x, false).get(1);
      return Cka.linear(aligned, guided).getDouble();
    }
  }
}
