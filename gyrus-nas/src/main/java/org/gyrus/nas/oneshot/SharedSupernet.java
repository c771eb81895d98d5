package org.gyrus.nas.oneshot;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.gyrus.nn.Scalars;
import org.gyrus.nn.data.Augment;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.oneshot.Supernet;

/**
 * The weights every one-shot method shares: a {@link Supernet} (C channels, N cells per stage,
 * {@code classes} logits), its SGD-with-momentum update (decay 3e-4, gradient norm clipped at 5),
 * batches of a {@link Dataset} (augmented by shift and flip for weight training), and the accuracy
 * of one sub-architecture on a single path. A single path is the supernet with one-hot op weights
 * whose other ops are not computed, so training it moves only the chosen ops' weights (and the
 * stem, reductions and head every path shares).
 */
final class SharedSupernet implements AutoCloseable {
  final NDManager manager;
  final Supernet net;
  final ParameterStore ps;
  final int side;
  private final List<NDArray> params = new ArrayList<>();
  private final List<NDArray> momentum = new ArrayList<>();

  SharedSupernet(int channels, int cellsPerStage, int classes, int side, long seed) {
    this.side = side;
    manager = NDManager.newBaseManager();
    Engine.getInstance().setRandomSeed((int) seed);
    net = new Supernet(channels, cellsPerStage, classes);
    net.initialize(
        manager,
        DataType.FLOAT32,
        new Shape(1, 3, side, side),
        new Shape(Genotype.EDGES, Genotype.OPS));
    ps = new ParameterStore(manager, false);
    for (Parameter p : net.getParameters().values()) {
      if (p.requiresGradient()) {
        params.add(p.getArray());
        momentum.add(p.getArray().zerosLike());
      }
    }
  }

  /** Images and labels of one batch; augmented (shift, flip) when {@code aug} is given. */
  NDArray[] batch(Dataset d, int[] order, int off, int bs, SplittableRandom aug) {
    int per = d.exampleSize();
    float[] x = new float[bs * per];
    float[] y = new float[bs];
    int shift = side / 8;
    for (int i = 0; i < bs; i++) {
      int ex = order[(off + i) % order.length];
      if (aug == null) {
        System.arraycopy(d.x(), ex * per, x, i * per, per);
      } else {
        int dx = aug.nextInt(2 * shift + 1) - shift;
        int dy = aug.nextInt(2 * shift + 1) - shift;
        Augment.shifted(d.x(), ex * per, x, i * per, 3, side, side, dx, dy, aug.nextBoolean());
      }
      y[i] = d.y()[ex];
    }
    return new NDArray[] {
      manager.create(x, new Shape(bs, 3, side, side)),
      manager.create(y, new Shape(bs)).toType(DataType.INT64, false)
    };
  }

  static NDArray crossEntropy(NDArray logits, NDArray y) {
    return logits.logSoftmax(1).gather(y.reshape(-1, 1), 1).neg().mean();
  }

  /** The one-hot op weights (6,5) of a cell (a single path needs none: see {@link #pathLogits}). */
  NDArray oneHot(Genotype g) {
    float[] w = new float[Genotype.EDGES * Genotype.OPS];
    for (int e = 0; e < Genotype.EDGES; e++) {
      w[e * Genotype.OPS + g.ops()[e]] = 1;
    }
    return manager.create(w, new Shape(Genotype.EDGES, Genotype.OPS));
  }

  /** Which ops a single path computes: the cell's one op per edge. */
  static boolean[][] path(Genotype g) {
    boolean[][] active = new boolean[Genotype.EDGES][Genotype.OPS];
    for (int e = 0; e < Genotype.EDGES; e++) {
      active[e][g.ops()[e]] = true;
    }
    return active;
  }

  /** Supernet forward passes so far (each one serves every head, whatever the task count). */
  long forwards;

  /** Logits of cell {@code g} on its single path (its ops taken with weight 1, no multiply). */
  NDArray pathLogits(NDArray x, Genotype g, boolean train) {
    forwards++;
    return net.logits(ps, x, null, path(g), train);
  }

  /**
   * Logits a weight-sharing estimate of cell {@code g} is made from: its single path with batch
   * statistics in every batch norm, as NB201's own weight-sharing code evaluates candidates (BN
   * without running statistics). The running averages belong to the mixture of every path trained
   * so far, not to {@code g}; a path's batch statistics are what it would compute alone.
   */
  NDArray evalLogits(NDArray x, Genotype g) {
    return pathLogits(x, g, true);
  }

  /** Weight steps skipped because a gradient was NaN or infinite. */
  long nonFiniteSteps;

  /**
   * Applies one SGD step from the gradients the last backward pass left on the weights (clipped,
   * decayed, with momentum), then zeroes them; a step whose gradients are not all finite is skipped
   * and counted in {@link #nonFiniteSteps}. A weight with no gradient at all (an op off the sampled
   * path) is left alone, momentum and decay included, as PyTorch's SGD skips it.
   */
  void sgdUpdate(double lr) {
    double norm2 = 0;
    List<NDArray> grads = new ArrayList<>(params.size());
    boolean[] used = new boolean[params.size()];
    NDList squares = new NDList(params.size());
    for (NDArray p : params) {
      NDArray g = p.getGradient();
      grads.add(g);
      squares.add(g.square().sum());
    }
    float[] n2 = NDArrays.stack(squares).toFloatArray(); // one host read, not one per tensor
    for (int i = 0; i < params.size(); i++) {
      used[i] = n2[i] != 0;
      norm2 += n2[i];
    }
    if (!Double.isFinite(norm2)) {
      // Skipped, not applied: one non-finite gradient would turn every weight NaN through the
      // clipping factor. Counted and reported with the run (NOTES.md: one-shot NaN steps).
      nonFiniteSteps++;
      zeroGrads();
      return;
    }
    double clip = Math.min(1, 5 / (Math.sqrt(norm2) + 1e-6));
    for (int i = 0; i < params.size(); i++) {
      if (!used[i]) {
        continue;
      }
      NDArray p = params.get(i);
      NDArray g = grads.get(i).mul((float) clip).add(p.mul(3e-4f));
      momentum.get(i).muli(0.9f).addi(g);
      p.subi(momentum.get(i).mul((float) lr));
    }
    zeroGrads();
  }

  void zeroGrads() {
    for (NDArray p : params) {
      JniUtils.zeroGrad((PtNDArray) p);
    }
  }

  /** Cosine annealing from {@code lr} at step 0 to 0.001 at {@code total}. */
  static double cosineLr(double lr, long t, long total) {
    return 0.001 + (lr - 0.001) * (1 + Math.cos(Math.PI * t / total)) / 2;
  }

  /** Backward of the loss {@code loss} computes (inside the collector), one SGD step; the loss. */
  double step(Supplier<NDArray> loss, double lr) {
    double value;
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray l = loss.get();
      gc.backward(l);
      value = l.getFloat();
    }
    sgdUpdate(lr);
    return value;
  }

  /** One weight step of cell {@code g}'s single path on batch {@code b}; returns the loss. */
  double trainPath(NDArray[] b, Genotype g, double lr) {
    return step(() -> crossEntropy(pathLogits(b[0], g, true), b[1]), lr);
  }

  /**
   * One weight step on the mean loss of several paths on the same batch (FairNAS's strict fairness
   * when the paths use every op of every edge once); returns that loss.
   */
  double trainPaths(NDArray[] b, List<Genotype> paths, double lr) {
    return step(
        () -> {
          NDArray l = null;
          for (Genotype g : paths) {
            NDArray lg = crossEntropy(pathLogits(b[0], g, true), b[1]);
            l = l == null ? lg : l.add(lg);
          }
          return Scalars.div(l, paths.size());
        },
        lr);
  }

  /**
   * Cell {@code g}'s accuracy on {@code batches} batches of {@code bs} examples of {@code d} from
   * example {@code offset} on (wrapping around), on its single path. Batch statistics (train mode),
   * as weight-sharing estimators do: the running averages belong to the mixture of paths.
   */
  double accuracy(Genotype g, Dataset d, int offset, int bs, int batches) {
    return accuracy(g, d, offset, bs, batches, true, null);
  }

  /**
   * As above, with running statistics when not {@code train}, and only the head's columns [cols[0],
   * cols[1]) when {@code cols} is given (one task of a shared head).
   */
  double accuracy(
      Genotype g, Dataset d, int offset, int bs, int batches, boolean train, int[] cols) {
    int[] order = new int[d.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    long correct = 0;
    for (int s = 0; s < batches; s++) {
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        NDArray[] b = batch(d, order, offset + s * bs, bs, null);
        NDArray logits = train ? evalLogits(b[0], g) : pathLogits(b[0], g, false);
        if (cols != null) {
          logits = logits.get(new NDIndex(":, {}:{}", cols[0], cols[1]));
        }
        correct += logits.argMax(1).eq(b[1]).sum().getLong();
      }
    }
    return (double) correct / ((long) batches * bs);
  }

  /** A search's estimate: the first batches of 256 (or all of a smaller {@code d}). */
  double estimate(Genotype g, Dataset d, int batches, int[] cols) {
    int bs = Math.min(256, d.size());
    return accuracy(g, d, 0, bs, Math.min(batches, d.size() / bs), true, cols);
  }

  void save(java.io.DataOutputStream out) throws java.io.IOException {
    net.saveParameters(out);
  }

  @Override
  public void close() {
    manager.close();
  }
}
