package org.gyrus.nn.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.moe.Carve;
import org.gyrus.nn.moe.LoadBalance;
import org.gyrus.nn.train.ProgressBar;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.TrainResult;
import org.gyrus.nn.train.Trainer;

/**
 * B6 at CPU scale on Fashion-MNIST: a dense MLP (flatten, dense HIDDEN relu, dense 10) is trained,
 * its FFN (both dense layers) carved into EXPERTS experts by balanced k-means and run with top-k
 * routing; accuracy of the carved model before and after FT_EPOCHS of fine-tuning (with and without
 * the load-balance loss, weight 0.01), against the dense model and the same MoE trained from
 * scratch for EPOCHS. FLOPs per example from the specs. Prints one line per arm and seed.
 * Arguments: DATA_DIR TRAIN_SIZE EPOCHS FT_EPOCHS SEEDS HIDDEN EXPERTS TOP_K.
 */
public final class EmoeBench {
  private EmoeBench() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int trainSize = Integer.parseInt(args[1]);
    int epochs = Integer.parseInt(args[2]);
    int ftEpochs = Integer.parseInt(args[3]);
    int seeds = Integer.parseInt(args[4]);
    int hidden = Integer.parseInt(args[5]);
    int experts = Integer.parseInt(args[6]);
    int topK = Integer.parseInt(args[7]);
    DataSplits full = Datasets.idx(dir, "fashion-mnist", 1.0 / 12, 0);
    DataSplits data =
        new DataSplits(full.train().head(trainSize), full.validation().head(2000), full.test());
    Shape in = new Shape(1, 28, 28);
    Value denseSpec =
        SpecCodec.fromYaml(
            "[{_type: flatten}, {_type: dense, units: "
                + hidden
                + ", activation: relu},"
                + " {_type: dense, units: 10}]");
    for (int seed = 0; seed < seeds; seed++) {
      try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
        // a compiled model owns its block: compile one per trainer
        CompiledModel dense = CompiledModel.classifier(denseSpec, in, 10);
        Clock c = new Clock();
        Trainer d = new Trainer(dense, recipe(epochs, seed, 1e-3), m);
        TrainResult dr = d.fit(data, r -> true, new ProgressBar("dense", false));
        c.print("dense", seed, dense, dr.testAccuracy(), Double.NaN, epochs);
        List<ai.djl.nn.core.Linear> ls = Carve.linears(d.block());
        Carve.Ffn ffn = Carve.Ffn.of(ls.get(0), ls.get(1));
        long carveSeed = seed;
        Consumer<Block> carve = b -> Carve.into(ffn, Carve.moes(b).get(0), carveSeed);
        CompiledModel all = moe(in, hidden, experts, experts);
        c = new Clock();
        Trainer exact = new Trainer(all, recipe(1, seed, 1e-3), m, carve);
        c.print("carved_all_experts", seed, all, exact.accuracy(data.test()), Double.NaN, 0);
        for (String arm : new String[] {"carved", "carved_balance"}) {
          c = new Clock();
          CompiledModel routed = moe(in, hidden, experts, topK);
          Trainer t = new Trainer(routed, recipe(ftEpochs, seed, 3e-4), m, carve);
          double before = t.accuracy(data.test());
          if (arm.equals("carved_balance")) {
            t.withForward(new LoadBalance(0.01f));
          }
          TrainResult r = t.fit(data, x -> true, new ProgressBar(arm, false));
          c.print(arm, seed, routed, r.testAccuracy(), before, ftEpochs);
        }
        c = new Clock();
        CompiledModel routed = moe(in, hidden, experts, topK);
        Trainer s = new Trainer(routed, recipe(epochs, seed, 1e-3), m);
        TrainResult sr = s.fit(data, x -> true, new ProgressBar("scratch", false));
        c.print("moe_scratch", seed, routed, sr.testAccuracy(), Double.NaN, epochs);
      }
    }
  }

  private static CompiledModel moe(Shape in, int hidden, int experts, int topK) {
    return CompiledModel.classifier(
        SpecCodec.fromYaml(
            String.format(
                "[{_type: flatten}, {_type: moe, hidden: %d, units: 10, experts: %d, top_k: %d}]",
                hidden, experts, topK)),
        in,
        10);
  }

  private static Recipe recipe(int epochs, long seed, double lr) {
    return Recipe.defaults()
        .with("lr", lr, "epochs", (long) epochs, "seed", seed, "batch_size", 128L);
  }

  /** Wall and process CPU seconds since construction. */
  static final class Clock {
    private final long wall = System.nanoTime();
    private final long cpu = cpuNanos();

    static long cpuNanos() {
      return ((com.sun.management.OperatingSystemMXBean)
              ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }

    double wallSeconds() {
      return (System.nanoTime() - wall) / 1e9;
    }

    double cpuSeconds() {
      return (cpuNanos() - cpu) / 1e9;
    }

    void print(String arm, int seed, CompiledModel model, double acc, double before, int epochs) {
      System.out.printf(
          Locale.ROOT,
          "arm %s seed %d test_acc %.4f before_ft %.4f flops %d params %d epochs %d"
              + " wall_seconds %.1f cpu_seconds %.1f%n",
          arm,
          seed,
          acc,
          before,
          model.flops(),
          model.params(),
          epochs,
          wallSeconds(),
          cpuSeconds());
    }
  }
}
