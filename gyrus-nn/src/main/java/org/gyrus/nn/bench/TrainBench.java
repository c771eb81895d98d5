package org.gyrus.nn.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.train.EpochListener;
import org.gyrus.nn.train.EpochReport;
import org.gyrus.nn.train.ProgressBar;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.TrainAndEvaluate;
import org.gyrus.nn.train.TrainResult;

/**
 * Benchmark driver for bench/train_vs_pytorch: trains the MLP or CNN on Fashion-MNIST with Gyrus or
 * with a raw DJL loop and prints one JSON line. Usage: {@code TrainBench gyrus|djl|matmul mlp|cnn
 * EPOCHS BATCH DATA_DIR [KEY=VALUE ...]}, the pairs overriding recipe keys of the Gyrus run (e.g.
 * {@code schedule=cosine shift=2 flip=true}).
 */
public final class TrainBench {
  static final String MLP =
      "[{_type: flatten}, {_type: dense, units: 256, activation: relu}, {_type: dense, units: 10}]";
  static final String CNN =
      "[{_type: conv2d, filters: 32, kernel: 3, activation: relu}, {_type: max_pool, kernel: 2},"
          + " {_type: conv2d, filters: 64, kernel: 3, activation: relu}, {_type: max_pool, kernel: 2},"
          + " {_type: flatten}, {_type: dense, units: 10}]";

  private TrainBench() {}

  public static void main(String[] args) {
    String impl = args[0];
    if (impl.equals("matmul")) {
      System.out.println(matmul());
      return;
    }
    String model = args[1];
    int epochs = Integer.parseInt(args[2]);
    int batch = Integer.parseInt(args[3]);
    Path dir = Path.of(args[4]);
    DataSplits full = Datasets.idx(dir, "fashion-mnist", 0.0, 1);
    // validation = 2,000 training examples: selection never sees the test set
    DataSplits data = new DataSplits(full.train(), full.train().head(2000), full.test());
    Value spec = SpecCodec.fromYaml(model.equals("mlp") ? MLP : CNN);
    long flops = CompiledModel.classifier(spec, data.train().exampleShape(), 10).flops();
    List<Double> times = new ArrayList<>();
    double acc;
    // load the engine's native library first, outside the measured window (Python imports torch
    // before its clock starts, too)
    try (NDManager warm = Engine.getEngine("PyTorch").newBaseManager()) {
      warm.ones(new Shape(2, 2)).matMul(warm.ones(new Shape(2, 2))).toFloatArray();
    }
    // CPU time of this thread: with one engine thread the ops run here, and it is robust to load
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu0 = mx.getCurrentThreadCpuTime();
    if (impl.equals("gyrus")) {
      Recipe r =
          Recipe.defaults().with("epochs", epochs, "batch_size", batch, "lr", 1e-3, "seed", 1);
      for (int i = 5; i < args.length; i++) {
        String[] kv = args[i].split("=", 2);
        r = r.with(kv[0], SpecCodec.fromYaml(kv.length == 2 ? kv[1] : "true"));
      }
      TrainResult res =
          TrainAndEvaluate.run(
              spec, r, data, EpochListener.none(), ProgressBar.auto("gyrus " + model));
      for (EpochReport e : res.history()) {
        times.add(e.seconds());
      }
      acc = res.testAccuracy();
    } else {
      List<Double> out = RawDjlLoop.run(model, data, epochs, batch, 1);
      acc = out.remove(out.size() - 1);
      times.addAll(out);
    }
    double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
    System.out.println(
        String.format(
            Locale.ROOT,
            "{\"impl\": \"%s\", \"model\": \"%s\", \"recipe\": \"%s\", \"batch\": %d, \"epoch_seconds\": %s,"
                + " \"test_accuracy\": %.4f, \"forward_flops_per_example\": %d, \"train_examples\": %d,"
                + " \"thread_cpu_seconds\": %.3f}",
            impl,
            model,
            String.join(
                " ", java.util.Arrays.copyOfRange(args, Math.min(5, args.length), args.length)),
            batch,
            times,
            acc,
            flops,
            data.train().size(),
            cpu));
  }

  /** GFLOP/s of a 1024^3 float32 matmul, median of 10. */
  static String matmul() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      NDArray a = m.randomUniform(0, 1, new Shape(1024, 1024));
      NDArray b = m.randomUniform(0, 1, new Shape(1024, 1024));
      double[] t = new double[10];
      for (int i = -2; i < t.length; i++) {
        long s = System.nanoTime();
        a.matMul(b).toFloatArray();
        if (i >= 0) {
          t[i] = (System.nanoTime() - s) / 1e9;
        }
      }
      java.util.Arrays.sort(t);
      return String.format(
          Locale.ROOT, "{\"matmul_gflops\": %.1f}", 2.0 * Math.pow(1024, 3) / t[5] / 1e9);
    }
  }
}
