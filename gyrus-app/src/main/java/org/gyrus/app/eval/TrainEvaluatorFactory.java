package org.gyrus.app.eval;

import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.Space;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.plugin.Register;
import org.gyrus.nn.blocks.BlockTypes;
import org.gyrus.nn.blocks.SpecCompiler;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.train.EpochReport;
import org.gyrus.nn.train.ProgressBar;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.TrainAndEvaluate;
import org.gyrus.nn.train.TrainResult;
import org.gyrus.search.Evaluator;
import org.gyrus.search.EvaluatorFactory;
import org.gyrus.search.Metrics;
import org.gyrus.search.TrialContext;
import org.gyrus.search.TrialPruned;

/**
 * {@code evaluator: {_type: train, data: embedded-fashion-mnist, recipe: {...}, objective:
 * val_accuracy}}: builds the concrete spec as a DJL network, trains it with the recipe, and reports
 * validation accuracy as the objective (test accuracy, parameters, FLOPs and latency as extra
 * metrics). Each epoch's validation accuracy goes to the study's pruner.
 */
@Register
public final class TrainEvaluatorFactory implements EvaluatorFactory {
  private static final List<String> DATA =
      List.of("embedded-fashion-mnist", "fashion-mnist", "mnist", "cifar10", "cifar10-10k");
  private static final String[] IDX_FILES = {
    "train-images-idx3-ubyte.gz",
    "train-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz",
    "t10k-labels-idx1-ubyte.gz"
  };

  /** The images of a data set: 1×28×28 for the MNISTs, 3×32×32 for CIFAR-10; 10 classes each. */
  private static Shape input(String data) {
    return data.startsWith("cifar10") ? new Shape(3, 32, 32) : new Shape(1, 28, 28);
  }

  @Override
  public NodeType type() {
    return NodeType.of(
        "train",
        "train the spec as a network (gyrus-nn) and report validation accuracy",
        ArgSpec.optional("data", Kind.STR, "embedded-fashion-mnist")
            .oneOf(DATA.toArray(String[]::new))
            .doc("data set (full ones are read from the data directory)"),
        ArgSpec.optional("recipe", Kind.NODE)
            .doc("{_type: recipe, ...}; default: Adam 1e-3, 5 epochs"),
        ArgSpec.optional("objective", Kind.STR, "val_accuracy")
            .oneOf("val_accuracy", "test_accuracy")
            .doc("the value the search maximises"),
        ArgSpec.optional("select_on_test", Kind.BOOL, false)
            .doc("allow objective: test_accuracy (selection on the test set; marked in reports)"),
        ArgSpec.optional("val_fraction", Kind.FLOAT, 1.0 / 12)
            .range(0.001, 0.5)
            .doc("share of the training set held out for validation"),
        ArgSpec.optional("seed", Kind.INT, 0).doc("seed of the split"),
        ArgSpec.optional("train_examples", Kind.INT, 0)
            .range(0, Integer.MAX_VALUE)
            .doc("train on this many examples of the (shuffled) training split; 0 = all"),
        ArgSpec.optional("keep_weights", Kind.BOOL, false)
            .doc("keep each trial's trained weights beside the study (trial attribute 'weights')"));
  }

  @Override
  public void checkArgs(Args args) {
    if (args.string("objective").equals("test_accuracy") && !args.bool("select_on_test")) {
      throw new SpecError(
          "objective",
          "test_accuracy selects models on the test set; set select_on_test: true to do it anyway,"
              + " or use val_accuracy");
    }
    recipe(args);
  }

  @Override
  public void checkSpace(Args args, Space space) {
    BlockTypes.standard().nodeTypes().validate(space.spec(), "");
  }

  @Override
  public String selectsOn(Args args) {
    return args.string("objective").equals("test_accuracy")
        ? "test (select_on_test: true: test accuracy is not an unbiased estimate)"
        : "validation";
  }

  @Override
  public void checkPoint(Args args, Value concrete) {
    SpecCompiler.standard().analyse(concrete, input(args.string("data")), "model");
  }

  @Override
  public List<Path> dataFiles(Args args, Path dataDir) {
    String name = args.string("data");
    if (name.startsWith("embedded") || dataDir == null) {
      return List.of();
    }
    if (name.startsWith("cifar10")) {
      String train =
          name.equals("cifar10") ? "cifar10-train-jpeg.zip" : "cifar10-train-1000perclass-jpeg.zip";
      return List.of(
          dataDir.resolve("cifar10").resolve(train),
          dataDir.resolve("cifar10").resolve("cifar10-test-jpeg.zip"));
    }
    return Arrays.stream(IDX_FILES).map(f -> dataDir.resolve(name).resolve(f)).toList();
  }

  /** The trial attribute that names the file of its kept weights. */
  public static final String WEIGHTS = "weights";

  private static Path weightsFile(TrialContext ctx) {
    return ctx.artifactDir()
        .orElseThrow(
            () ->
                new SpecError(
                    "evaluator.keep_weights",
                    "a study stored in SQLite (or PostgreSQL with GYRUS_ARTIFACTS set): this"
                        + " store keeps no files"))
        .resolve("weights.params");
  }

  private static Recipe recipe(Args args) {
    Value r = args.value("recipe");
    return r == null ? Recipe.defaults() : Recipe.from((Value.Node) r);
  }

  @Override
  public boolean readsTrialArgs() {
    return true; // one evaluator keeps its data while the recipe changes from trial to trial
  }

  /** The trial attribute with one line per epoch: loss, accuracies and the learning rate used. */
  public static final String TRAIN_LOG = "train_log";

  @Override
  public Evaluator create(Args built, Path dataDir) {
    DataCache cache = new DataCache(dataDir);
    return (concrete, ctx) -> {
      Args args = ctx.args().orElse(built);
      Path weights = args.bool("keep_weights") ? weightsFile(ctx) : null;
      TrainResult result =
          TrainAndEvaluate.run(
              concrete,
              recipe(args).with("seed", ctx.seed()),
              cache.get(args),
              rep -> !ctx.report(rep.epoch(), rep.valAccuracy()),
              ProgressBar.auto("trial " + ctx.number()),
              weights);
      ctx.setAttr(TRAIN_LOG, log(result));
      if (weights != null) {
        ctx.setAttr(WEIGHTS, weights.toString());
      }
      if ("pruned".equals(result.stopReason())) {
        throw new TrialPruned(
            "pruned after epoch "
                + result.epochs()
                + " at validation accuracy "
                + result.valAccuracy());
      }
      Map<String, Double> extra = result.metrics();
      double value =
          args.string("objective").equals("val_accuracy")
              ? result.valAccuracy()
              : result.testAccuracy();
      return new Metrics(List.of(value), extra);
    };
  }

  private static String log(TrainResult r) {
    StringBuilder sb = new StringBuilder();
    for (EpochReport e : r.history()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "epoch %d loss %.4f train %.4f val %.4f lr %.6g data %.2f %.1fs%n",
              e.epoch(),
              e.trainLoss(),
              e.trainAccuracy(),
              e.valAccuracy(),
              e.learningRate(),
              e.dataFraction(),
              e.seconds()));
    }
    return sb.toString();
  }

  /** The splits of the last data arguments, reloaded only when a trial names other data. */
  private static final class DataCache {
    private final Path dataDir;
    private List<Object> key;
    private DataSplits splits;

    DataCache(Path dataDir) {
      this.dataDir = dataDir;
    }

    synchronized DataSplits get(Args args) {
      List<Object> k =
          List.of(args.string("data"), args.number("val_fraction"), args.integer("seed"));
      if (!k.equals(key)) {
        splits = null; // let the old splits go before loading the next
        splits =
            data(args.string("data"), dataDir, args.number("val_fraction"), args.integer("seed"));
        key = k;
      }
      return withTrainExamples(splits, (int) args.integer("train_examples"));
    }
  }

  /**
   * The first {@code n} examples of the training split (which the split already shuffled, seeded),
   * validation and test untouched; {@code n = 0} or past the size: all of it.
   */
  static DataSplits withTrainExamples(DataSplits s, int n) {
    if (n <= 0 || n >= s.train().size()) {
      return s;
    }
    return new DataSplits(s.train().head(n), s.validation(), s.test());
  }

  /**
   * The splits a trial of this evaluator trained and was tested on: its data set, validation share,
   * split seed and training-example limit ({@code gyrus analyse} over a kept trial).
   */
  public static DataSplits trialData(Args args, Path dataDir) {
    return withTrainExamples(
        data(args.string("data"), dataDir, args.number("val_fraction"), args.integer("seed")),
        (int) args.integer("train_examples"));
  }

  static DataSplits data(String name, Path dataDir, double valFraction, long seed) {
    switch (name) {
      case "embedded-fashion-mnist":
        return Datasets.embeddedDemo(seed);
      case "fashion-mnist":
      case "mnist":
        return Datasets.idx(dataDir, name, valFraction, seed);
      case "cifar10":
      case "cifar10-10k":
        return Datasets.cifar10(dataDir, name.equals("cifar10-10k"), valFraction, seed);
      default:
        throw new SpecError("evaluator.data", "one of " + DATA, "'" + name + "'");
    }
  }
}
