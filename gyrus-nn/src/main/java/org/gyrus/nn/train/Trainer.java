package org.gyrus.nn.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.gyrus.core.SpecError;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.blocks.Shapes;
import org.gyrus.nn.data.Augment;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;

/**
 * The training loop: softmax cross-entropy, one {@link NDScope} per step so every intermediate
 * array is freed, in-place optimizer updates, validation after each epoch, best-validation weights
 * kept. Seeded (engine and shuffling), so a CPU run repeats exactly.
 */
public final class Trainer {
  private final CompiledModel model;
  private final Recipe recipe;
  private final Engine engine;
  private final NDManager manager;
  private final Block block;
  private final ParameterStore ps;
  private final List<NDArray> params = new ArrayList<>();

  /** Parameters trained at lr × recipe.quadLrScale (quadratic-neuron terms, named quad_*). */
  private final List<NDArray> slowParams = new ArrayList<>();

  private final List<NDArray> state = new ArrayList<>();

  /** Fixed curriculum scores (per-example losses of a scoring model); null = self-paced. */
  private float[] curriculumLosses;

  /** Builds and initialises the model's parameters under {@code manager} (seeded). */
  public Trainer(CompiledModel model, Recipe recipe, NDManager manager) {
    this(model, recipe, manager, b -> {});
  }

  /**
   * As above, then {@code prepare} sees the initialised block before the trainable parameters are
   * collected: it may load inherited weights into it and freeze parameters ({@link
   * Parameter#freeze}), which are then left out of the optimizer.
   */
  public Trainer(CompiledModel model, Recipe recipe, NDManager manager, Consumer<Block> prepare) {
    this.model = model;
    this.recipe = recipe;
    this.manager = manager;
    this.engine = manager.getEngine();
    engine.setRandomSeed((int) recipe.seed());
    this.block = model.initialize(manager, DataType.FLOAT32, recipe.initStd());
    prepare.accept(block);
    this.ps = new ParameterStore(manager, false);
    for (Parameter p : block.getParameters().values()) {
      state.add(p.getArray());
      if (p.requiresGradient()) {
        boolean slow = p.getName().startsWith("quad_") && recipe.quadLrScale() != 1.0;
        (slow ? slowParams : params).add(p.getArray());
      }
    }
  }

  /** How each training step runs the model ({@link StepForward#PLAIN} unless set). */
  private StepForward forward = StepForward.PLAIN;

  public Block block() {
    return block;
  }

  /** Trains with {@code f} computing each step's logits and extra loss (e.g. guidance). */
  public Trainer withForward(StepForward f) {
    this.forward = f;
    return this;
  }

  public ParameterStore parameterStore() {
    return ps;
  }

  /**
   * With {@code recipe.curriculum}, samples each epoch's examples by these fixed per-example losses
   * (weight 1 / loss, {@link Curriculum#scored}) instead of the self-paced last-seen losses: the
   * paper's protocol, where {@code losses} come from a model trained beforehand ({@link
   * #exampleLosses}).
   */
  public Trainer scoreCurriculumBy(float[] losses) {
    this.curriculumLosses = losses.clone();
    return this;
  }

  public TrainResult fit(DataSplits data, EpochListener listener, ProgressBar bar) {
    Dataset train = data.train();
    SplittableRandom rng = new SplittableRandom(recipe.seed());
    Optimizer opt = Optimizer.of(recipe, params);
    Optimizer slowOpt = slowParams.isEmpty() ? null : Optimizer.of(recipe, slowParams);
    Curriculum cur = recipe.curriculum() ? curriculum(train.size()) : null;
    int bs = recipe.batchSize();
    int per = train.exampleSize();
    // one reusable native buffer pair: the engine reads it in place, no copy or allocation per step
    BatchBuffers batch = new BatchBuffers(train.exampleShape(), bs);
    int[] image = recipe.augments() ? imageShape(train) : null;
    float[] scratch = new float[per];
    // its own stream, so that turning augmentation on leaves the batch order unchanged
    SplittableRandom aug = new SplittableRandom(recipe.seed() * 31 + 17);
    long start = System.nanoTime();
    long t = 0;
    double bestVal = -1;
    int sinceBest = 0;
    List<NDArray> best = null;
    List<EpochReport> history = new ArrayList<>();
    String stop = "epochs";
    double lastLoss = Double.NaN;
    StepTotals totals = new StepTotals();
    WeightAverage avg = recipe.ema() > 0 ? new WeightAverage(block, recipe.ema(), manager) : null;
    for (int epoch = 0; epoch < recipe.epochs(); epoch++) {
      long epochStart = System.nanoTime();
      int[] order =
          cur != null
              ? shuffle(cur.select(epoch, rng), rng)
              : Dataset.permutation(train.size(), rng);
      int steps = (order.length + bs - 1) / bs;
      totals.reset();
      double lr = 0;
      boolean outOfTime = false;
      for (int s = 0; s < steps; s++) {
        int off = s * bs;
        int m = Math.min(bs, order.length - off);
        batch.clear();
        for (int i = 0; i < m; i++) {
          int ex = order[off + i];
          if (image == null) {
            batch.add(train.x(), ex * per, train.y()[ex]);
          } else {
            int dx = recipe.shift() == 0 ? 0 : aug.nextInt(2 * recipe.shift() + 1) - recipe.shift();
            int dy = recipe.shift() == 0 ? 0 : aug.nextInt(2 * recipe.shift() + 1) - recipe.shift();
            boolean flip = recipe.flip() && aug.nextBoolean();
            Augment.shifted(
                train.x(), ex * per, scratch, 0, image[0], image[1], image[2], dx, dy, flip);
            batch.add(scratch, 0, train.y()[ex]);
          }
        }
        lr = Schedule.lr(recipe, epoch + (double) s / steps, recipe.epochs());
        t++;
        float[] losses = step(batch, opt, slowOpt, (float) lr, t, totals);
        if (avg != null) {
          avg.update();
        }
        if (cur != null) {
          for (int i = 0; i < m; i++) {
            cur.record(order[off + i], losses[i]);
          }
        }
        long done = (long) off + m;
        double secs = (System.nanoTime() - epochStart) / 1e9;
        bar.update(
            done, order.length, totals.lossSum / done, (double) totals.correct / done, done / secs);
        if (recipe.maxSeconds() > 0 && (System.nanoTime() - start) / 1e9 > recipe.maxSeconds()) {
          outOfTime = true;
          int seenNow = off + m;
          order = Arrays.copyOf(order, seenNow);
          break;
        }
      }
      double lossSum = totals.lossSum;
      long correct = totals.correct;
      double secs = (System.nanoTime() - epochStart) / 1e9;
      lastLoss = lossSum / order.length;
      double val =
          avg == null
              ? accuracy(data.validation())
              : avg.withAverage(() -> accuracy(data.validation()));
      EpochReport rep =
          new EpochReport(
              epoch + 1,
              lastLoss,
              (double) correct / order.length,
              val,
              lr,
              cur != null ? Curriculum.fraction(epoch) : 1.0,
              secs,
              order.length / secs);
      history.add(rep);
      bar.finish(
          String.format(
              "epoch %d: loss %.4f train %.2f%% val %.2f%% (%.1fs)",
              epoch + 1, rep.trainLoss(), 100 * rep.trainAccuracy(), 100 * val, secs));
      if (val > bestVal) {
        bestVal = val;
        sinceBest = 0;
        List<NDArray> prev = best;
        // with averaging, the averaged weights are the ones validated, kept and tested
        best = avg == null ? snapshot(prev) : avg.withAverage(() -> snapshot(prev));
      } else {
        sinceBest++;
      }
      if (!Double.isFinite(lastLoss)) {
        stop = "diverged";
        break;
      }
      if (!listener.onEpoch(rep)) {
        stop = "pruned";
        break;
      }
      if (outOfTime) {
        stop = "time";
        break;
      }
      if (recipe.patience() > 0 && sinceBest >= recipe.patience()) {
        stop = "early_stopping";
        break;
      }
    }
    double trainSecs = (System.nanoTime() - start) / 1e9;
    if (best != null) {
      restore(best);
    }
    if (avg != null) {
      avg.close();
    }
    double test = accuracy(data.test());
    return new TrainResult(
        bestVal,
        test,
        model.params(),
        model.flops(),
        latencyMs(),
        history.size(),
        trainSecs,
        lastLoss,
        stop,
        List.copyOf(history));
  }

  /** Running sums of one epoch's training loss and correct predictions. */
  private static final class StepTotals {
    double lossSum;
    long correct;

    void reset() {
      lossSum = 0;
      correct = 0;
    }
  }

  /**
   * One optimisation step on the batch in {@code batch}; adds its loss and correct predictions to
   * {@code totals} and returns the per-example losses. The metrics are read from two small host
   * copies (the picked log-probabilities and the logits) after the update, instead of a chain of
   * engine reductions and a host read each.
   */
  private float[] step(
      BatchBuffers batch, Optimizer opt, Optimizer slowOpt, float lr, long t, StepTotals totals) {
    int m = batch.count();
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray x = batch.inputs(manager);
      NDArray y = batch.labels(manager);
      NDArray logits;
      NDArray picked;
      try (GradientCollector gc = engine.newGradientCollector()) {
        StepForward.Step step = forward.forward(block, ps, x);
        logits = step.logits();
        picked = logits.logSoftmax(1).gather(y, 1);
        NDArray loss = picked.mean().neg();
        gc.backward(step.extraLoss() == null ? loss : loss.add(step.extraLoss()));
      }
      List<NDArray> grads = new ArrayList<>(params.size() + slowParams.size());
      for (NDArray p : params) {
        grads.add(p.getGradient());
      }
      for (NDArray p : slowParams) {
        grads.add(p.getGradient());
      }
      clipAndNoise(grads, t);
      opt.step(params, grads.subList(0, params.size()), lr, t);
      if (slowOpt != null) {
        slowOpt.step(
            slowParams,
            grads.subList(params.size(), grads.size()),
            (float) (lr * recipe.quadLrScale()),
            t);
      }
      for (NDArray p : params) {
        JniUtils.zeroGrad((PtNDArray) p);
      }
      for (NDArray p : slowParams) {
        JniUtils.zeroGrad((PtNDArray) p);
      }
      float[] losses = picked.toFloatArray();
      for (int i = 0; i < m; i++) {
        losses[i] = -losses[i];
        totals.lossSum += losses[i];
      }
      totals.correct += correct(logits, batch);
      return losses;
    }
  }

  private Curriculum curriculum(int n) {
    if (curriculumLosses == null) {
      return new Curriculum(n);
    }
    if (curriculumLosses.length != n) {
      throw new IllegalArgumentException(
          "curriculum scores: "
              + curriculumLosses.length
              + " given for "
              + n
              + " training examples");
    }
    return Curriculum.scored(curriculumLosses);
  }

  /** Global-norm clipping, then annealed Gaussian noise (B20), both in place on the gradients. */
  private void clipAndNoise(List<NDArray> grads, long t) {
    if (recipe.clipNorm() > 0) {
      double sq = 0;
      for (NDArray g : grads) {
        sq += g.square().sum().getFloat();
      }
      double norm = Math.sqrt(sq);
      if (norm > recipe.clipNorm()) {
        float k = (float) (recipe.clipNorm() / (norm + 1e-6));
        for (NDArray g : grads) {
          g.muli(k);
        }
      }
    }
    if (recipe.gradNoise() > 0) {
      float std = (float) Schedule.noiseStd(recipe.gradNoise(), t);
      for (NDArray g : grads) {
        g.addi(manager.randomNormal(0, std, g.getShape(), g.getDataType()));
      }
    }
  }

  private List<NDArray> snapshot(List<NDArray> old) {
    if (old == null) {
      List<NDArray> copy = new ArrayList<>();
      for (NDArray a : state) {
        copy.add(a.duplicate());
      }
      return copy;
    }
    for (int i = 0; i < state.size(); i++) {
      old.get(i).muli(0).addi(state.get(i));
    }
    return old;
  }

  private void restore(List<NDArray> saved) {
    for (int i = 0; i < state.size(); i++) {
      state.get(i).muli(0).addi(saved.get(i));
    }
  }

  /** (C, H, W) of the examples; augmentation needs images. */
  private static int[] imageShape(Dataset train) {
    Shape e = train.exampleShape();
    if (e.dimension() != 3) {
      throw new SpecError(
          "recipe.shift/flip", "image data (C,H,W) to augment", "examples of shape " + e);
    }
    return new int[] {(int) e.get(0), (int) e.get(1), (int) e.get(2)};
  }

  private static int[] shuffle(int[] a, SplittableRandom rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
    return a;
  }

  /**
   * How many rows of {@code logits} have their largest value at the batch's label (the first
   * largest, NaN counting as largest, as the engine's argmax), read on the host from one copy.
   */
  private static long correct(NDArray logits, BatchBuffers batch) {
    int m = batch.count();
    int classes = (int) (logits.size() / Math.max(1, m));
    float[] z = logits.toFloatArray();
    long hits = 0;
    for (int i = 0; i < m; i++) {
      int row = i * classes;
      int arg = 0;
      float top = z[row];
      for (int c = 1; c < classes && !Float.isNaN(top); c++) {
        float v = z[row + c];
        if (v > top || Float.isNaN(v)) {
          top = v;
          arg = c;
        }
      }
      hits += arg == batch.label(i) ? 1 : 0;
    }
    return hits;
  }

  /** Cross-entropy loss of every example of {@code d} (inference mode, batches of 1000). */
  public float[] exampleLosses(Dataset d) {
    float[] out = new float[d.size()];
    int[] at = {0};
    forEachBatch(
        d,
        (logits, batch) -> {
          float[] l = logits.logSoftmax(1).gather(batch.labels(manager), 1).neg().toFloatArray();
          System.arraycopy(l, 0, out, at[0], l.length);
          at[0] += l.length;
        });
    return out;
  }

  /** Fraction of correctly classified examples (inference mode, batches of 1000). */
  public double accuracy(Dataset d) {
    long[] hits = {0};
    forEachBatch(d, (logits, batch) -> hits[0] += correct(logits, batch));
    return d.size() == 0 ? Double.NaN : (double) hits[0] / d.size();
  }

  /**
   * Mean cross-entropy of the labels under the model's softmax, in nats (inference mode, batches of
   * 1000); divided by ln 2 it is bits per example, e.g. bits per character of a language model.
   */
  public double meanCrossEntropy(Dataset d) {
    double sum = 0;
    for (float loss : exampleLosses(d)) {
      sum += loss;
    }
    return d.size() == 0 ? Double.NaN : sum / d.size();
  }

  /**
   * The model's logits for {@code d} in inference mode, 1000 examples at a time, with the batch.
   */
  private void forEachBatch(Dataset d, BiConsumer<NDArray, BatchBuffers> sink) {
    if (d.size() == 0) {
      return;
    }
    int per = d.exampleSize();
    BatchBuffers batch = new BatchBuffers(d.exampleShape(), Math.min(1000, d.size()));
    for (int off = 0; off < d.size(); off += 1000) {
      int m = Math.min(1000, d.size() - off);
      batch.clear();
      for (int i = 0; i < m; i++) {
        batch.add(d.x(), (off + i) * per, d.y()[off + i]);
      }
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        NDArray x = batch.inputs(manager);
        NDArray logits = block.forward(ps, new NDList(x), false).singletonOrThrow();
        sink.accept(logits, batch);
      }
    }
  }

  /** Median wall time of a single-example forward pass, after warm-up. */
  public double latencyMs() {
    double[] times = new double[15];
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray x = manager.zeros(Shapes.withBatch(1, model.input()));
      for (int i = -3; i < times.length; i++) {
        long s = System.nanoTime();
        try (NDScope inner = new NDScope()) {
          inner.suppressNotUsedWarning();
          block.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
        }
        if (i >= 0) {
          times[i] = (System.nanoTime() - s) / 1e6;
        }
      }
    }
    Arrays.sort(times);
    return times[times.length / 2];
  }
}
