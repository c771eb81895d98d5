package org.gyrus.nn.explain;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.Value;
import org.gyrus.core.Value.ListVal;
import org.gyrus.core.Value.Node;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.train.ProgressBar;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.TrainResult;
import org.gyrus.nn.train.Trainer;

/**
 * B18 on the synthetic scenes: trains a small CNN (conv 8, pool, conv 16, global pool, dense 9),
 * labels every unit of both convolution layers with {@link ConceptLabeler}, and adds planted units
 * whose detector is known (a 1×1 "red minus green and blue" filter per colour, applied to the
 * input) to check the labels against ground truth.
 */
public final class ConceptAnalysis {
  private ConceptAnalysis() {}

  /** One unit: its layer, index, label; {@code planted} names the concept it was built for. */
  public record Unit(String layer, int index, ConceptLabeler.Label label, String planted) {}

  public record Result(double testAccuracy, TrainResult training, List<Unit> units) {}

  public static Value spec() {
    return Node.of(
        "model",
        "body",
        ListVal.of(
            Node.of("conv2d", "filters", 8, "kernel", 3, "padding", "same", "activation", "relu"),
            Node.of("max_pool", "kernel", 2),
            Node.of("conv2d", "filters", 16, "kernel", 3, "padding", "same", "activation", "relu"),
            Node.of("global_avg_pool")));
  }

  public static Result run(
      int trainScenes, int probeScenes, int epochs, double quantile, long seed) {
    Scenes.Scene[] train = Scenes.generate(trainScenes, seed);
    Scenes.Scene[] test = Scenes.generate(1000, seed + 1);
    Scenes.Scene[] probes = Scenes.generate(probeScenes, seed + 2);
    DataSplits data =
        DataSplits.of(
            Scenes.dataset(train, "scenes/train"),
            Scenes.dataset(test, "scenes/test"),
            0.1,
            seed,
            false);
    CompiledModel model =
        CompiledModel.classifier(spec(), new Shape(3, Scenes.SIZE, Scenes.SIZE), 9);
    ConceptLabeler labeler = new ConceptLabeler(probes, quantile);
    List<Unit> units = new ArrayList<>();
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
      Trainer trainer =
          new Trainer(
              model,
              Recipe.from(
                  Node.of("recipe", "epochs", epochs, "seed", seed, "lr", 0.003, "batch_size", 32)),
              manager);
      TrainResult r = trainer.fit(data, rep -> true, ProgressBar.auto("scenes"));
      // probe with the training normalisation: the test set was normalised the same way
      Dataset probeData =
          DataSplits.of(Scenes.dataset(train, "t"), Scenes.dataset(probes, "p"), 0.1, seed, false)
              .test();
      List<float[][][]> layers = convOutputs(trainer.block(), manager, probeData);
      String[] names = {"conv1", "conv2"};
      for (int l = 0; l < layers.size(); l++) {
        float[][][] maps = layers.get(l);
        for (int u = 0; u < maps.length; u++) {
          units.add(new Unit(names[l], u, labeler.label(maps[u]), null));
        }
      }
      for (int colour = 0; colour < 3; colour++) {
        units.add(
            new Unit(
                "planted",
                colour,
                labeler.label(colourUnit(probes, colour)),
                Scenes.COLOURS.get(colour)));
      }
      return new Result(r.testAccuracy(), r, units);
    }
  }

  /** A 1×1 filter "this colour minus half the other two" on the raw probe images. */
  static float[][] colourUnit(Scenes.Scene[] probes, int colour) {
    int n = Scenes.SIZE * Scenes.SIZE;
    float[][] maps = new float[probes.length][n];
    for (int i = 0; i < probes.length; i++) {
      float[] im = probes[i].image();
      for (int p = 0; p < n; p++) {
        float others = 0;
        for (int ch = 0; ch < 3; ch++) {
          others += ch == colour ? 0 : im[ch * n + p];
        }
        maps[i][p] = im[colour * n + p] - 0.5f * others;
      }
    }
    return maps;
  }

  /**
   * Outputs of the body's convolution layers: {@code [layer][unit][image][h*w]}. The compiled
   * classifier is {@code sequential(body, head)}; body children run one by one.
   */
  static List<float[][][]> convOutputs(Block block, NDManager manager, Dataset d) {
    Block body = block.getChildren().get(0).getValue();
    ParameterStore ps = new ParameterStore(manager, false);
    NDArray x =
        manager.create(FloatBuffer.wrap(d.x()), new Shape(d.size(), 3, Scenes.SIZE, Scenes.SIZE));
    List<float[][][]> out = new ArrayList<>();
    int i = 0;
    for (var child : body.getChildren()) {
      x = child.getValue().forward(ps, new NDList(x), false).singletonOrThrow();
      if (i == 0 || i == 2) {
        out.add(unitMaps(x));
      }
      i++;
    }
    return out;
  }

  private static float[][][] unitMaps(NDArray a) {
    long[] s = a.getShape().getShape();
    int n = (int) s[0];
    int c = (int) s[1];
    int hw = (int) (s[2] * s[3]);
    float[] v = a.toFloatArray();
    float[][][] maps = new float[c][n][hw];
    for (int i = 0; i < n; i++) {
      for (int u = 0; u < c; u++) {
        System.arraycopy(v, (i * c + u) * hw, maps[u][i], 0, hw);
      }
    }
    return maps;
  }
}
