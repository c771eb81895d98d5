package org.gyrus.nn.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.train.EpochReport;
import org.gyrus.nn.train.ProgressBar;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.TrainResult;
import org.gyrus.nn.train.Trainer;

/**
 * B3 at CPU scale: the ViT of an example file (examples/blocks/karat-vit.yaml, KArAt attention)
 * against the same ViT with every {@code karat} node replaced by softmax {@code attention} (same
 * heads), on each task (mnist, fashion-mnist) and seed: test accuracy, parameters, and wall and CPU
 * seconds per epoch. Arguments: DATA_DIR EXAMPLE TRAIN_SIZE EPOCHS SEEDS TASKS (comma-separated).
 */
public final class KaratBench {
  private KaratBench() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Value karat = SpecCodec.fromYaml(Files.readString(Path.of(args[1])));
    int trainSize = Integer.parseInt(args[2]);
    int epochs = Integer.parseInt(args[3]);
    int seeds = Integer.parseInt(args[4]);
    Value softmax = softmax(karat);
    Shape in = new Shape(1, 28, 28);
    for (String task : args[5].split(",")) {
      DataSplits full = Datasets.idx(dir, task, 1.0 / 12, 0);
      DataSplits data =
          new DataSplits(full.train().head(trainSize), full.validation().head(2000), full.test());
      for (int seed = 0; seed < seeds; seed++) {
        for (String arm : new String[] {"softmax", "karat"}) {
          try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
            CompiledModel model =
                CompiledModel.classifier(arm.equals("karat") ? karat : softmax, in, 10);
            EmoeBench.Clock c = new EmoeBench.Clock();
            Trainer t = new Trainer(model, recipe(epochs, seed), m);
            TrainResult r = t.fit(data, e -> true, new ProgressBar(arm, false));
            double epochWall = 0;
            for (EpochReport e : r.history()) {
              epochWall += e.seconds();
            }
            int n = r.history().size();
            System.out.printf(
                Locale.ROOT,
                "arm %s task %s seed %d test_acc %.4f params %d flops %d epochs %d"
                    + " epoch_wall_seconds %.2f epoch_cpu_seconds %.2f wall_seconds %.1f"
                    + " cpu_seconds %.1f%n",
                arm,
                task,
                seed,
                r.testAccuracy(),
                model.params(),
                model.flops(),
                n,
                epochWall / n,
                c.cpuSeconds() / n,
                c.wallSeconds(),
                c.cpuSeconds());
          }
        }
      }
    }
  }

  /** The spec with each karat node replaced by softmax attention with its heads and causality. */
  public static Value softmax(Value v) {
    if (v instanceof Value.ListVal l) {
      List<Value> out = new ArrayList<>();
      l.items().forEach(i -> out.add(softmax(i)));
      return new Value.ListVal(out);
    }
    if (v instanceof Value.Node n) {
      if (n.type().equals("karat")) {
        Map<String, Value> a = new LinkedHashMap<>();
        for (String k : new String[] {"heads", "causal"}) {
          if (n.args().containsKey(k)) {
            a.put(k, n.args().get(k));
          }
        }
        return new Value.Node("attention", a);
      }
      Map<String, Value> a = new LinkedHashMap<>();
      n.args().forEach((k, x) -> a.put(k, softmax(x)));
      return new Value.Node(n.type(), a);
    }
    return v;
  }

  private static Recipe recipe(int epochs, long seed) {
    return Recipe.defaults()
        .with("lr", 1e-3, "epochs", (long) epochs, "seed", seed, "batch_size", 128L);
  }
}
