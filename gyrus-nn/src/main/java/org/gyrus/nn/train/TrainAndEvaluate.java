package org.gyrus.nn.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.data.DataSplits;

/**
 * The evaluator's entry point: a concrete model spec and a recipe in, metrics out. The spec is
 * compiled and shape-checked against the data before anything is trained, so a bad spec fails fast
 * with a {@link org.gyrus.core.SpecError} naming the node path.
 */
public final class TrainAndEvaluate {
  private TrainAndEvaluate() {}

  public static TrainResult run(Value spec, Recipe recipe, DataSplits data, EpochListener onEpoch) {
    return run(spec, recipe, data, onEpoch, ProgressBar.auto("train"));
  }

  public static TrainResult run(
      Value spec, Recipe recipe, DataSplits data, EpochListener onEpoch, ProgressBar bar) {
    CompiledModel model =
        CompiledModel.classifier(spec, data.train().exampleShape(), data.train().classes());
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
      return new Trainer(model, recipe, manager).fit(data, onEpoch, bar);
    }
  }
}
