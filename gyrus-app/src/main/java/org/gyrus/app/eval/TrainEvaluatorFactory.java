package org.gyrus.app.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.train.ProgressBar;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.TrainAndEvaluate;
import org.gyrus.nn.train.TrainResult;
import org.gyrus.search.Evaluator;
import org.gyrus.search.EvaluatorFactory;
import org.gyrus.search.Metrics;
import org.gyrus.search.TrialPruned;

/**
 * {@code evaluator: {_type: train, data: embedded-fashion-mnist, recipe: {...}, objective:
 * val_accuracy}}: builds the concrete spec as a DJL network, trains it with the recipe, and reports
 * validation accuracy as the objective (test accuracy, parameters, FLOPs and latency as extra
 * metrics). Each epoch's validation accuracy goes to the study's pruner.
 */
public final class TrainEvaluatorFactory implements EvaluatorFactory {
  private static final List<String> KEYS =
      List.of("data", "recipe", "objective", "val_fraction", "seed");
  private static final List<String> OBJECTIVES = List.of("val_accuracy", "test_accuracy");

  @Override
  public String name() {
    return "train";
  }

  @Override
  public String description() {
    return "train the spec as a network (gyrus-nn) and report validation accuracy";
  }

  @Override
  public Evaluator create(Value.Node spec, Path dataDir) {
    for (String k : spec.args().keySet()) {
      if (!KEYS.contains(k)) {
        throw new SpecError("evaluator." + k, "one of " + KEYS, "'" + k + "'");
      }
    }
    String objective = spec.strArg("objective", "val_accuracy");
    if (!OBJECTIVES.contains(objective)) {
      throw new SpecError("evaluator.objective", "one of " + OBJECTIVES, "'" + objective + "'");
    }
    Value r = spec.arg("recipe");
    Recipe recipe;
    if (r == null) {
      recipe = Recipe.defaults();
    } else if (r instanceof Value.Node n) {
      recipe = Recipe.from(n);
    } else {
      throw new SpecError("evaluator.recipe", "a recipe node {_type: recipe, ...}", r.toString());
    }
    long seed = spec.intArg("seed", 0);
    DataSplits data =
        data(
            spec.strArg("data", "embedded-fashion-mnist"),
            dataDir,
            spec.floatArg("val_fraction", 1.0 / 12),
            seed);
    return (concrete, ctx) -> {
      TrainResult result =
          TrainAndEvaluate.run(
              concrete,
              recipe.with("seed", ctx.seed()),
              data,
              rep -> !ctx.report(rep.epoch(), rep.valAccuracy()),
              ProgressBar.auto("trial " + ctx.number()));
      if ("pruned".equals(result.stopReason())) {
        throw new TrialPruned(
            "pruned after epoch "
                + result.epochs()
                + " at validation accuracy "
                + result.valAccuracy());
      }
      Map<String, Double> extra = result.metrics();
      double value =
          objective.equals("val_accuracy") ? result.valAccuracy() : result.testAccuracy();
      return new Metrics(List.of(value), extra);
    };
  }

  static DataSplits data(String name, Path dataDir, double valFraction, long seed) {
    switch (name) {
      case "embedded-fashion-mnist":
        return Datasets.embeddedDemo(seed);
      case "fashion-mnist":
      case "mnist":
        return Datasets.idx(dataDir, name, valFraction, seed);
      default:
        throw new SpecError(
            "evaluator.data", "embedded-fashion-mnist, fashion-mnist or mnist", "'" + name + "'");
    }
  }
}
