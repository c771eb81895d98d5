package org.gyrus.nn.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gyrus.core.SpecError;
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
    return run(spec, recipe, data, onEpoch, bar, null);
  }

  /**
   * Trains, and when {@code keepWeights} is not null writes the trained parameters there (DJL's
   * parameter format; {@link #restore} reads them back into the same spec).
   */
  public static TrainResult run(
      Value spec,
      Recipe recipe,
      DataSplits data,
      EpochListener onEpoch,
      ProgressBar bar,
      Path keepWeights) {
    CompiledModel model =
        CompiledModel.classifier(spec, data.train().exampleShape(), data.train().classes());
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
      Trainer trainer = new Trainer(model, recipe, manager);
      TrainResult result = trainer.fit(data, onEpoch, bar);
      if (keepWeights != null) {
        save(trainer, keepWeights);
      }
      return result;
    }
  }

  private static void save(Trainer trainer, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
        trainer.block().saveParameters(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write weights to " + file, e);
    }
  }

  /**
   * A trainer whose model is {@code spec} with the parameters {@link #run} kept in {@code weights}:
   * for evaluating, analysing or growing a trained network later. The caller owns {@code manager}.
   */
  public static Trainer restore(
      Value spec, Shape input, int classes, Path weights, NDManager manager) {
    CompiledModel model = CompiledModel.classifier(spec, input, classes);
    Trainer trainer = new Trainer(model, Recipe.defaults(), manager);
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(weights)))) {
      trainer.block().loadParameters(manager, in);
    } catch (IOException | ai.djl.MalformedModelException e) {
      throw new SpecError(weights.toString(), "weights kept for this spec: " + e.getMessage());
    }
    return trainer;
  }
}
