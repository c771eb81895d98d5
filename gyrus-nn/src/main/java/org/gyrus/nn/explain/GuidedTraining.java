package org.gyrus.nn.explain;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.core.Value;
import org.gyrus.core.Value.ListVal;
import org.gyrus.core.Value.Node;
import org.gyrus.nn.Scalars;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.train.Optimizer;
import org.gyrus.nn.train.Recipe;

/**
 * N5 on {@link PartsTask}: a small CNN trained with cross-entropy plus {@code lambda} times a
 * misalignment penalty, then scored by test accuracy and attribution alignment. The penalty is the
 * occlusion attribution of everything the knowledge graph calls irrelevant: the squared change of
 * the softmax output when every pixel outside the label's parts is set to the background, {@code
 * Σ_k (p_k(x) − p_k(x ⊙ m))²} averaged over the batch ({@code m} the graph's part mask). {@code
 * lambda = 0} is plain training with the same loop, seed and data.
 */
public final class GuidedTraining {
  private GuidedTraining() {}

  /** Scores on the test set (marker at chance): accuracy and mean alignment per method. */
  public record Result(
      double lambda,
      double accuracy,
      double gradInput,
      double integrated,
      double occlusion,
      double maskShare,
      double seconds) {}

  public static Value spec() {
    return Node.of(
        "model",
        "body",
        ListVal.of(
            Node.of("conv2d", "filters", 8, "kernel", 3, "padding", "same", "activation", "relu"),
            Node.of("max_pool", "kernel", 2),
            Node.of("conv2d", "filters", 16, "kernel", 3, "padding", "same", "activation", "relu"),
            Node.of("global_max_pool")));
  }

  public static Result run(
      double lambda, int trainN, int testN, int epochs, double lr, double marker, long seed) {
    long start = System.nanoTime();
    PartsTask.Example[] train = PartsTask.generate(trainN, marker, seed);
    PartsTask.Example[] test = PartsTask.generate(testN, 1 / 3.0, seed + 1);
    Shape shape = new Shape(1, PartsTask.SIZE, PartsTask.SIZE);
    CompiledModel model = CompiledModel.classifier(spec(), shape, 3);
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
      manager.getEngine().setRandomSeed((int) seed);
      Block block = model.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32);
      List<NDArray> params = new ArrayList<>();
      block.getParameters().forEach(p -> params.add(p.getValue().getArray()));
      Optimizer opt = Optimizer.of(Recipe.from(Node.of("recipe", "lr", lr, "seed", seed)), params);
      ParameterStore ps = new ParameterStore(manager, false);
      SplittableRandom rng = new SplittableRandom(seed);
      int per = PartsTask.SIZE * PartsTask.SIZE;
      int batch = 64;
      long t = 0;
      for (int e = 0; e < epochs; e++) {
        int[] order = Dataset.permutation(train.length, rng);
        for (int off = 0; off + batch <= order.length; off += batch) {
          float[] xs = new float[batch * per];
          float[] kept = new float[batch * per];
          long[] ys = new long[batch];
          for (int i = 0; i < batch; i++) {
            PartsTask.Example ex = train[order[off + i]];
            System.arraycopy(ex.image(), 0, xs, i * per, per);
            for (int p = 0; p < per; p++) {
              kept[i * per + p] = ex.relevant()[p] ? ex.image()[p] : 0;
            }
            ys[i] = ex.label();
          }
          step(manager, block, ps, opt, params, xs, kept, ys, lambda, lr, ++t);
        }
      }
      Attributions attr = new Attributions(block, manager, shape);
      return score(attr, test, lambda, (System.nanoTime() - start) / 1e9);
    }
  }

  private static void step(
      NDManager manager,
      Block block,
      ParameterStore ps,
      Optimizer opt,
      List<NDArray> params,
      float[] xs,
      float[] kept,
      long[] ys,
      double lambda,
      double lr,
      long t) {
    int n = ys.length;
    Shape s = new Shape(n, 1, PartsTask.SIZE, PartsTask.SIZE);
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray x = manager.create(FloatBuffer.wrap(xs), s);
      NDArray y = manager.create(ys, new Shape(n, 1));
      try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
        NDArray logits = block.forward(ps, new NDList(x), true).singletonOrThrow();
        NDArray loss = logits.logSoftmax(1).gather(y, 1).neg().mean();
        if (lambda > 0) {
          NDArray xk = manager.create(FloatBuffer.wrap(kept), s);
          NDArray lk = block.forward(ps, new NDList(xk), true).singletonOrThrow();
          NDArray diff = logits.softmax(1).sub(lk.softmax(1));
          loss = loss.add(Scalars.mul(diff.square().sum(new int[] {1}).mean(), lambda));
        }
        gc.backward(loss);
      }
      List<NDArray> grads = new ArrayList<>();
      for (NDArray p : params) {
        grads.add(p.getGradient());
      }
      opt.step(params, grads, (float) lr, t);
      Attributions.zeroParameterGradients(block);
    }
  }

  private static Result score(
      Attributions attr, PartsTask.Example[] test, double lambda, double s) {
    int per = PartsTask.SIZE * PartsTask.SIZE;
    int n = test.length;
    float[] xs = new float[n * per];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(test[i].image(), 0, xs, i * per, per);
      labels[i] = test[i].label();
    }
    int correct = 0;
    float[][] logits = new float[3][];
    for (int c = 0; c < 3; c++) {
      int[] all = new int[n];
      java.util.Arrays.fill(all, c);
      logits[c] = attr.logits(xs, all);
    }
    for (int i = 0; i < n; i++) {
      int best = 0;
      for (int c = 1; c < 3; c++) {
        best = logits[c][i] > logits[best][i] ? c : best;
      }
      correct += best == labels[i] ? 1 : 0;
    }
    float[] gi = attr.gradientTimesInput(xs, labels);
    float[] ig = attr.integratedGradients(xs, labels, 16);
    float[] oc = attr.occlusion(xs, labels, 2);
    double[] mean = new double[4];
    for (int i = 0; i < n; i++) {
      boolean[] m = test[i].relevant();
      mean[0] += Attributions.alignment(gi, i * per, per, m) / n;
      mean[1] += Attributions.alignment(ig, i * per, per, m) / n;
      mean[2] += Attributions.alignment(oc, i * per, per, m) / n;
      int area = 0;
      for (boolean b : m) {
        area += b ? 1 : 0;
      }
      mean[3] += (double) area / per / n;
    }
    return new Result(lambda, (double) correct / n, mean[0], mean[1], mean[2], mean[3], s);
  }
}
