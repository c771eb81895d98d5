package org.gyrus.nn.explain;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
    return train(spec, recipe, data, l1Activations, null);
  }

  /**
   * As {@link #train(Value, Recipe, DataSplits, double)} with a weight per hidden layer: layer l's
   * absolute activations count {@code layerWeights[l]} times (null: 1 for every layer, the plain
   * penalty). A uniform penalty sparsifies the first layer most; weights growing with depth push
   * the deep layers towards B17's mostly-off pattern (mnist-net_256x4: layers 3-4 nearly all off
   * per class), where the network is nearly affine on a NAP's region.
   */
  public static Trained train(
      Value spec, Recipe recipe, DataSplits data, double l1Activations, double[] layerWeights) {
    if (!(l1Activations >= 0)) {
      throw new SpecError("l1_activations", "a number >= 0", String.valueOf(l1Activations));
    }
    Dataset train = data.train();
    CompiledModel model = CompiledModel.classifier(spec, train.exampleShape(), train.classes());
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
      Trainer trainer = new Trainer(model, recipe, manager);
      if (l1Activations > 0) {
        List<Block> layers = Guidance.layers(model, trainer.block());
        double[] w = layerScales(layers, l1Activations, layerWeights);
        trainer.withForward(activationL1(layers, w));
      }
      TrainResult r = trainer.fit(data, rep -> true, ProgressBar.auto("train"));
      ReluMlp net = ReluMlp.fromBlock(trainer.block(), domain(train, true), domain(train, false));
      return new Trained(net, spec, r.testAccuracy(), r);
    }
  }

  /** Number of hidden layers among {@code layers}: those with parameters, except the last. */
  static int hiddenCount(List<Block> layers) {
    int n = 0;
    for (int i = 0; i < layers.size() - 1; i++) {
      n += layers.get(i).getParameters().isEmpty() ? 0 : 1;
    }
    return n;
  }

  /** {@code lambda} times each hidden layer's weight, checked against the layer count. */
  static double[] layerScales(List<Block> layers, double lambda, double[] layerWeights) {
    int hidden = hiddenCount(layers);
    double[] w = new double[hidden];
    if (layerWeights != null && layerWeights.length != hidden) {
      throw new SpecError(
          "l1_layers",
          "one weight per hidden layer (" + hidden + ")",
          Arrays.toString(layerWeights));
    }
    for (int l = 0; l < hidden; l++) {
      double lw = layerWeights == null ? 1 : layerWeights[l];
      if (!(lw >= 0)) {
        throw new SpecError("l1_layers", "weights >= 0", Arrays.toString(layerWeights));
      }
      w[l] = lambda * lw;
    }
    return w;
  }

  /**
   * A training step that runs {@code layers} one by one and adds, for every hidden layer with
   * parameters (the dense+ReLU blocks; flatten has none, the last layer is the logits), {@code
   * scale[l]} times the sum of its absolute outputs, divided by the batch size and the number of
   * hidden units of all layers together (equal scales: the mean over batch and all units).
   */
  static StepForward activationL1(List<Block> layers, double[] scale) {
    return (block, ps, x) -> {
      NDArray h = x;
      NDArray sum = null;
      long units = 0;
      int hidden = 0;
      for (int i = 0; i < layers.size(); i++) {
        Block layer = layers.get(i);
        h = layer.forward(ps, new NDList(h), true).singletonOrThrow();
        if (i < layers.size() - 1 && !layer.getParameters().isEmpty()) {
          units += h.getShape().size() / h.getShape().get(0);
          double s = scale[hidden++];
          if (s > 0) {
            NDArray t = Scalars.mul(h.abs().sum(), s);
            sum = sum == null ? t : sum.add(t);
          }
        }
      }
      NDArray extra = sum == null ? null : Scalars.mul(sum, 1.0 / (units * x.getShape().get(0)));
      return new StepForward.Step(h, extra);
    };
  }

  /**
   * The fraction of hidden units with a positive output, over all hidden layers of {@code net} and
   * the examples {@code xs}: how sparse the activations are.
   */
  public static double activeFraction(ReluMlp net, double[][] xs) {
    double[] per = activeFractions(net, xs);
    double on = 0;
    long all = 0;
    for (int l = 0; l < per.length; l++) {
      on += per[l] * net.width(l);
      all += net.width(l);
    }
    return on / all;
  }

  /** Per hidden layer, the fraction of its units with a positive output over {@code xs}. */
  public static double[] activeFractions(ReluMlp net, double[][] xs) {
    double[] on = new double[net.hiddenLayers()];
    for (double[] x : xs) {
      double[][] z = net.preActivations(x);
      for (int l = 0; l < on.length; l++) {
        for (double v : z[l]) {
          on[l] += v > 0 ? 1 : 0;
        }
      }
    }
    for (int l = 0; l < on.length; l++) {
      on[l] /= (double) xs.length * net.width(l);
    }
    return on;
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
