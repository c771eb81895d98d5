package org.gyrus.nn.explain;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Value.ListVal;
import org.gyrus.core.Value.Node;
import org.gyrus.nn.Scalars;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.guide.Guidance;
import org.gyrus.nn.train.ProgressBar;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.StepForward;
import org.gyrus.nn.train.TrainAndEvaluate;
import org.gyrus.nn.train.TrainResult;
import org.gyrus.nn.train.Trainer;

/**
 * Trains a ReLU MLP with gyrus-nn's trainer (or restores one kept by a trial) and hands back its
 * weights as a {@link ReluMlp} over the data's value range.
 */
public final class MlpTraining {
  private MlpTraining() {}

  /**
   * A trained network and its test accuracy as DJL measured it.
   *
   * @param result training metrics, null for a restored network
   */
  public record Trained(ReluMlp net, Value spec, double testAccuracy, TrainResult result) {}

  /** The spec {@code flatten, dense(h1, relu), ..., } (the classifier head is added). */
  public static Value spec(int... hidden) {
    List<Value> body = new ArrayList<>();
    body.add(Node.of("flatten"));
    for (int h : hidden) {
      body.add(Node.of("dense", "units", h, "activation", "relu"));
    }
    return Node.of("model", "body", ListVal.of(body.toArray(Value[]::new)));
  }

  public static Trained train(Value spec, Recipe recipe, DataSplits data) {
    return train(spec, recipe, data, 0);
  }

  /**
   * Trains with {@code l1Activations} times the mean hidden activation added to the loss (0 = plain
   * cross-entropy). The penalty drives hidden ReLUs to stay off on most inputs of a class, the
   * per-class sparsity that makes B17's NAPs large (most neurons fixed) and so easier to prove.
   */
  public static Trained train(Value spec, Recipe recipe, DataSplits data, double l1Activations) {
    if (!(l1Activations >= 0)) {
      throw new SpecError("l1_activations", "a number >= 0", String.valueOf(l1Activations));
    }
    Dataset train = data.train();
    CompiledModel model = CompiledModel.classifier(spec, train.exampleShape(), train.classes());
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
      Trainer trainer = new Trainer(model, recipe, manager);
      if (l1Activations > 0) {
        trainer.withForward(activationL1(Guidance.layers(model, trainer.block()), l1Activations));
      }
      TrainResult r = trainer.fit(data, rep -> true, ProgressBar.auto("train"));
      ReluMlp net = ReluMlp.fromBlock(trainer.block(), domain(train, true), domain(train, false));
      return new Trained(net, spec, r.testAccuracy(), r);
    }
  }

  /**
   * A training step that runs {@code layers} one by one and adds {@code lambda} times the mean
   * absolute output of every hidden layer with parameters (the dense+ReLU blocks; flatten has none,
   * the last layer is the logits), averaged over the batch and all hidden units together.
   */
  static StepForward activationL1(List<Block> layers, double lambda) {
    return (block, ps, x) -> {
      NDArray h = x;
      NDArray sum = null;
      long units = 0;
      for (int i = 0; i < layers.size(); i++) {
        Block layer = layers.get(i);
        h = layer.forward(ps, new NDList(h), true).singletonOrThrow();
        if (i < layers.size() - 1 && !layer.getParameters().isEmpty()) {
          NDArray s = h.abs().sum();
          sum = sum == null ? s : sum.add(s);
          units += h.getShape().size() / h.getShape().get(0);
        }
      }
      NDArray extra = sum == null ? null : Scalars.mul(sum, lambda / (units * x.getShape().get(0)));
      return new StepForward.Step(h, extra);
    };
  }

  /**
   * The fraction of hidden units with a positive output, over all hidden layers of {@code net} and
   * the examples {@code xs}: how sparse the activations are.
   */
  public static double activeFraction(ReluMlp net, double[][] xs) {
    long on = 0;
    long all = 0;
    for (double[] x : xs) {
      double[][] z = net.preActivations(x);
      for (int l = 0; l < net.hiddenLayers(); l++) {
        for (double v : z[l]) {
          on += v > 0 ? 1 : 0;
          all++;
        }
      }
    }
    return (double) on / all;
  }

  /** A network kept by a trial ({@code keep_weights}) for {@code spec}. */
  public static Trained restore(Value spec, DataSplits data, Path weights) {
    Dataset train = data.train();
    Shape shape = train.exampleShape();
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
      Trainer t = TrainAndEvaluate.restore(spec, shape, train.classes(), weights, manager);
      ReluMlp net = ReluMlp.fromBlock(t.block(), domain(train, true), domain(train, false));
      return new Trained(net, spec, t.accuracy(data.test()), null);
    }
  }

  /**
   * The input box: every feature between the smallest and the largest value in the training data
   * (for standardised images, pixel values 0 and 1), so regions never leave valid images.
   */
  static double[] domain(Dataset d, boolean lower) {
    double v = lower ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    for (float x : d.x()) {
      v = lower ? Math.min(v, x) : Math.max(v, x);
    }
    return ReluMlp.filled(d.exampleSize(), v);
  }

  /** Examples as double rows. */
  public static double[][] rows(Dataset d) {
    int per = d.exampleSize();
    double[][] xs = new double[d.size()][per];
    for (int i = 0; i < d.size(); i++) {
      for (int k = 0; k < per; k++) {
        xs[i][k] = d.x()[i * per + k];
      }
    }
    return xs;
  }
}
