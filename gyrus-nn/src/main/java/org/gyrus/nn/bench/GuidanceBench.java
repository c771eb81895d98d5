package org.gyrus.nn.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.guide.Guidance;
import org.gyrus.nn.train.EpochReport;
import org.gyrus.nn.train.ProgressBar;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.TrainResult;
import org.gyrus.nn.train.Trainer;

/**
 * B19 at CPU scale on Fashion-MNIST: a deep plain MLP (flatten, then DEPTH dense ReLU layers of
 * width 128, no residuals) trained alone and guided by a trained CNN (conv 16, conv 32, pool, conv
 * 64, global pool): 1 − CKA between MLP layers 3, 6, 9, 12 and the CNN's four conv/pool outputs,
 * weight 1. Prints per arm and seed the test accuracy and the per-epoch training loss and
 * validation accuracy. Arguments: DATA_DIR TRAIN_SIZE EPOCHS SEEDS DEPTH.
 */
public final class GuidanceBench {
  private GuidanceBench() {}

  private static final String CNN =
      "[{_type: conv2d, filters: 16, kernel: 3, padding: same, activation: relu},"
          + " {_type: conv2d, filters: 32, kernel: 3, stride: 2, padding: 1, activation: relu},"
          + " {_type: max_pool, kernel: 2},"
          + " {_type: conv2d, filters: 64, kernel: 3, padding: same, activation: relu},"
          + " {_type: global_avg_pool}]";

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int trainSize = Integer.parseInt(args[1]);
    int epochs = Integer.parseInt(args[2]);
    int seeds = Integer.parseInt(args[3]);
    int depth = Integer.parseInt(args[4]);
    DataSplits full = Datasets.idx(dir, "fashion-mnist", 1.0 / 12, 0);
    Dataset train = full.train().head(trainSize);
    DataSplits data = new DataSplits(train, full.validation().head(2000), full.test());
    StringJoiner mlp = new StringJoiner(", ", "[{_type: flatten}, ", "]");
    for (int i = 0; i < depth; i++) {
      mlp.add("{_type: dense, units: 128, activation: relu}");
    }
    Value target = SpecCodec.fromYaml(mlp.toString());
    Shape in = new Shape(1, 28, 28);
    int[][] pairs = {{3, 0}, {depth / 2, 1}, {3 * depth / 4, 3}, {depth, 4}};
    try (NDManager guideManager = Engine.getEngine("PyTorch").newBaseManager()) {
      CompiledModel cnn = CompiledModel.classifier(SpecCodec.fromYaml(CNN), in, 10);
      Trainer guide = new Trainer(cnn, recipe(epochs, 100), guideManager);
      TrainResult g = guide.fit(data, r -> true, new ProgressBar("guide", false));
      System.out.printf(Locale.ROOT, "guide cnn test_acc %.4f%n", g.testAccuracy());
      ParameterStore gps = guide.parameterStore();
      for (int seed = 0; seed < seeds; seed++) {
        for (String arm : new String[] {"unguided", "guided"}) {
          try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
            CompiledModel model = CompiledModel.classifier(target, in, 10);
            Trainer t = new Trainer(model, recipe(epochs, seed), m);
            if (arm.equals("guided")) {
              t.withForward(new Guidance(model, cnn, guide.block(), gps, pairs, 1f));
            }
            print(arm, seed, depth, t.fit(data, r -> true, new ProgressBar(arm, false)));
          }
        }
      }
    }
  }

  private static Recipe recipe(int epochs, long seed) {
    return Recipe.defaults()
        .with("lr", 1e-3, "epochs", (long) epochs, "seed", seed, "batch_size", 128L);
  }

  private static void print(String arm, int seed, int depth, TrainResult r) {
    StringJoiner loss = new StringJoiner(",");
    StringJoiner val = new StringJoiner(",");
    for (EpochReport e : r.history()) {
      loss.add(String.format(Locale.ROOT, "%.4f", e.trainLoss()));
      val.add(String.format(Locale.ROOT, "%.4f", e.valAccuracy()));
    }
    System.out.printf(
        Locale.ROOT,
        "arm %s seed %d depth %d test_acc %.4f train_seconds %.1f losses %s val %s%n",
        arm,
        seed,
        depth,
        r.testAccuracy(),
        r.trainSeconds(),
        loss,
        val);
  }
}
