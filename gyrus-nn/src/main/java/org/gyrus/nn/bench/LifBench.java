package org.gyrus.nn.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.plot.PngChart;
import org.gyrus.nn.plot.PngChart.Series;
import org.gyrus.nn.plot.RowReport;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.TrainAndEvaluate;
import org.gyrus.nn.train.TrainResult;
import org.gyrus.nn.train.Trainer;

/**
 * Row {@code lif} (B9): the snnTorch tutorial-5 spiking MLP (examples/blocks/lif-mnist.yaml,
 * 784-1000-10, 25 steps, β = 0.95, Adam 5e-4, batch 128, no clipping, as the tutorial) trained by
 * the standard trainer on MNIST (55k train / 5k validation split off the training set, 10k test),
 * then the output layer's membrane traces for the first test image. (Runs before the {@link
 * org.gyrus.nn.Scalars} fix ended with NaN gradients at a random step, with or without clipping.)
 * Arguments: DATA_DIR OUT_DIR EPOCHS.
 */
public final class LifBench {
  private LifBench() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int epochs = Integer.parseInt(args[2]);
    String lr = args.length > 3 ? args[3] : "5.0e-4";
    String specText = Files.readString(Path.of("examples/blocks/lif-mnist.yaml"));
    Value spec = SpecCodec.fromYaml(specText);
    Recipe recipe =
        Recipe.from(
            (Value.Node)
                SpecCodec.fromYaml(
                    "{_type: recipe, optimizer: adam, lr: "
                        + lr
                        + ", batch_size: 128,"
                        + " epochs: "
                        + epochs
                        + ", seed: 0}"));
    DataSplits splits = Datasets.idx(data, "mnist", 5000 / 60000.0, 0);
    Path weights = out.resolve("lif-weights.bin");
    long t0 = System.nanoTime();
    TrainResult r =
        TrainAndEvaluate.run(
            spec,
            recipe,
            splits,
            rep -> true,
            new org.gyrus.nn.train.ProgressBar("lif", false),
            weights);
    double acc = r.metrics().get("test_accuracy");
    System.out.printf(
        Locale.ROOT,
        "lif MNIST %d epoch(s): test accuracy %.4f, train %.0f s (wall %.0f s)%n",
        epochs,
        acc,
        r.metrics().get("train_seconds"),
        HopfieldBench.secs(t0));
    RowReport report =
        new RowReport(
            "lif",
            "bench/blocks_dynamics/run.sh lif",
            "full MNIST (55k train), "
                + epochs
                + " epoch, 25 steps, Adam lr "
                + lr
                + ", no clipping, 1 engine thread; snnTorch not installed"
                + " here, anchor is the tutorial's published number");
    report.result(
        "LIF MLP 784-1000-10, 25 steps, MNIST test accuracy after " + epochs + " epoch",
        String.format(Locale.ROOT, "%.4f", acc),
        ">= 0.939 (snnTorch tutorial 5: 0.9387)",
        acc >= 0.939);
    report.result(
        "training seconds (1 thread)",
        String.format(Locale.ROOT, "%.0f", r.metrics().get("train_seconds")),
        "—",
        null);
    report.data().putPOJO("metrics", r.metrics());
    Path png = out.resolve("lif_membrane.png");
    membranePlot(specText, splits, weights, png);
    Files.deleteIfExists(weights);
    report.plot(png);
    report.write(out.resolve("lif.json"));
  }

  /** Membrane traces of the 10 output neurons for the first test image, from the kept weights. */
  private static void membranePlot(String specText, DataSplits splits, Path weights, Path png) {
    Value trace = SpecCodec.fromYaml(specText.replace("output: membrane", "output: trace"));
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      Shape in = splits.test().exampleShape();
      Trainer t = TrainAndEvaluate.restore(trace, in, 10, weights, m);
      float[] x = Arrays.copyOf(splits.test().x(), (int) in.size());
      float[] v =
          t.block()
              .forward(
                  new ParameterStore(m, false),
                  new NDList(m.create(x, new Shape(1, 1, 28, 28))),
                  false)
              .singletonOrThrow()
              .toFloatArray();
      int label = splits.test().y()[0];
      List<Series> series = new ArrayList<>();
      for (int u = 0; u < 10; u++) {
        List<double[]> pts = new ArrayList<>();
        for (int s = 0; s < 25; s++) {
          pts.add(new double[] {s, v[s * 10 + u]});
        }
        series.add(new Series("digit " + u + (u == label ? " (label)" : ""), pts));
      }
      PngChart.lines(
          png, "LIF output membranes, first MNIST test image", "time step", "membrane U", series);
    }
  }
}
