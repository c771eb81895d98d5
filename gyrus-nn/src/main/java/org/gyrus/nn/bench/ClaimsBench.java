package org.gyrus.nn.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.train.Curriculum;
import org.gyrus.nn.train.EpochListener;
import org.gyrus.nn.train.EpochReport;
import org.gyrus.nn.train.ProgressBar;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.TrainResult;
import org.gyrus.nn.train.Trainer;

/**
 * Issue 23 §1–2, the claims of B20 (annealed gradient noise trains a 20-layer ReLU MLP from a poor
 * initialisation) and B21 (cyclical curriculum beats vanilla at equal steps). Usage: {@code
 * ClaimsBench noise|curriculum-fashion|curriculum-cifar DATA_DIR OUT_DIR [key=value ...]}; writes
 * {@code OUT_DIR/ROW.json} (rows in the results format plus per-run detail) and PNG curves; with
 * {@code tag=NAME}, {@code OUT_DIR/ROW-NAME.json} and ids of their own. {@code net=} takes inline
 * YAML or a spec file.
 */
public final class ClaimsBench {
  private final Map<String, String> opts = new LinkedHashMap<>();

  private ClaimsBench(String[] args) {
    for (int i = 3; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      opts.put(kv[0], kv.length == 2 ? kv[1] : "true");
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: ClaimsBench noise|curriculum-fashion|curriculum-cifar DATA OUT");
      System.exit(2);
    }
    ClaimsBench b = new ClaimsBench(args);
    Path data = Path.of(args[1]);
    Path out = Path.of(args[2]);
    // tag=NAME keeps a variant's rows (another protocol of the same row) beside the default ones
    String tag = b.opt("tag", "");
    String name = tag.isEmpty() ? args[0] : args[0] + "-" + tag;
    Map<String, Object> row =
        switch (args[0]) {
          case "noise" -> new NoiseClaim(b).run(data, out);
          case "curriculum-fashion", "curriculum-cifar" ->
              new CurriculumClaim(b, name, args[0].endsWith("cifar")).run(data, out);
          default -> throw new IllegalArgumentException("unknown row " + args[0]);
        };
    row.put("command", System.getenv().getOrDefault("ROW_COMMAND", "(not set)"));
    Files.createDirectories(out);
    Files.writeString(out.resolve(name + ".json"), RowJson.json(row, "") + "\n");
  }

  int intOpt(String key, int def) {
    return Integer.parseInt(opts.getOrDefault(key, Integer.toString(def)));
  }

  double doubleOpt(String key, double def) {
    return Double.parseDouble(opts.getOrDefault(key, Double.toString(def)));
  }

  String opt(String key, String def) {
    return opts.getOrDefault(key, def);
  }

  /** The options as given (recorded in the row, so a figure carries its settings). */
  Map<String, String> options() {
    return opts;
  }

  /** One trained network: the trainer (weights kept, best-validation restored) and its result. */
  record Run(TrainResult result, float[] trainLosses) {}

  /**
   * Trains {@code spec} under {@code recipe}; with {@code scores} the curriculum samples by them.
   * With {@code scoreTrain} the trained model's per-example training losses come back too.
   */
  static Run train(
      Value spec, Recipe recipe, DataSplits data, float[] scores, boolean scoreTrain, String tag) {
    CompiledModel model =
        CompiledModel.classifier(spec, data.train().exampleShape(), data.train().classes());
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
      Trainer trainer = new Trainer(model, recipe, manager);
      if (scores != null) {
        trainer.scoreCurriculumBy(scores);
      }
      TrainResult r = trainer.fit(data, EpochListener.none(), ProgressBar.auto(tag));
      System.err.printf(
          Locale.ROOT,
          "%s: test %.4f val %.4f loss %.4f (%s, %.0f s)%n",
          tag,
          r.testAccuracy(),
          r.valAccuracy(),
          r.finalTrainLoss(),
          r.stopReason(),
          r.trainSeconds());
      return new Run(r, scoreTrain ? trainer.exampleLosses(data.train()) : null);
    }
  }

  /** One metric row of the results format. */
  static Map<String, Object> row(String id, String metric, Object value, String unit, String a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("metric", metric);
    m.put("value", value);
    m.put("unit", unit);
    m.put("anchor", a);
    return m;
  }

  static double mean(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  static double sd(List<Double> xs) {
    double m = mean(xs);
    double ss = 0;
    for (double x : xs) {
      ss += (x - m) * (x - m);
    }
    return xs.size() < 2 ? 0 : Math.sqrt(ss / (xs.size() - 1));
  }

  /** Mean over runs of one per-epoch quantity, as (x, y) points with x = examples seen / N. */
  static List<double[]> meanCurve(
      List<TrainResult> runs, java.util.function.ToDoubleFunction<EpochReport> f) {
    List<double[]> pts = new ArrayList<>();
    int epochs = runs.stream().mapToInt(r -> r.history().size()).min().orElse(0);
    double x = 0;
    for (int e = 0; e < epochs; e++) {
      double y = 0;
      for (TrainResult r : runs) {
        y += f.applyAsDouble(r.history().get(e));
      }
      x += runs.get(0).history().get(e).dataFraction();
      pts.add(new double[] {x, y / runs.size()});
    }
    return pts;
  }

  /** The network: inline YAML, or the path of a spec file. */
  static Value spec(String yamlOrFile) {
    Path file = Path.of(yamlOrFile.strip());
    if (yamlOrFile.endsWith(".yaml") && Files.isRegularFile(file)) {
      try {
        return SpecCodec.fromYaml(Files.readString(file));
      } catch (IOException e) {
        throw new UncheckedIOException(file + ": " + e.getMessage(), e);
      }
    }
    return SpecCodec.fromYaml(yamlOrFile);
  }

  /** A head-n training subset (after the seeded split), or all when n <= 0. */
  static DataSplits trainHead(DataSplits d, int n) {
    if (n <= 0 || n >= d.train().size()) {
      return d;
    }
    Dataset t = d.train().head(n);
    return new DataSplits(t, d.validation(), d.test());
  }

  static DataSplits load(Path data, String name, double valFraction, long seed) {
    return switch (name) {
      case "cifar10" -> Datasets.cifar10(data, false, valFraction, seed);
      case "cifar10-10k" -> Datasets.cifar10(data, true, valFraction, seed);
      default -> Datasets.idx(data, name, valFraction, seed);
    };
  }

  static int equalStepEpochs(int vanillaEpochs) {
    return Curriculum.epochsForEqualSteps(vanillaEpochs);
  }
}
