package org.gyrus.nas.oneshot;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
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
import java.util.function.Consumer;
import org.gyrus.nn.data.Augment;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.oneshot.MixedCell;
import org.gyrus.nn.oneshot.Supernet;

/**
 * First-order DARTS over the NAS-Bench-201 cell: each step moves the architecture parameters α
 * (Adam, lr archLr, betas 0.5/0.999, decay 1e-3) on a batch of the architecture half, then the
 * supernet's weights (SGD, momentum 0.9, decay 3e-4, gradient norm clipped at 5) on a batch of the
 * weight half, under the config's schedule, weighting and skip guard. The result keeps α after
 * every epoch and the trained supernet, whose sub-architectures {@link #estimate} scores.
 */
public final class DartsSearch implements AutoCloseable {
  private final DartsConfig cfg;
  private final NDManager manager;
  private final Supernet net;
  private final ParameterStore ps;
  private final List<NDArray> params = new ArrayList<>();
  private final List<NDArray> momentum = new ArrayList<>();
  private final double[] alpha = new double[Genotype.EDGES * Genotype.OPS];
  private final double[] m1 = new double[alpha.length];
  private final double[] m2 = new double[alpha.length];
  private long archSteps;

  /** Softmax(α) after each epoch, [epoch][edge][op]. */
  private final List<double[][]> trajectory = new ArrayList<>();

  public DartsSearch(DartsConfig cfg) {
    this.cfg = cfg;
    this.manager = NDManager.newBaseManager();
    Engine.getInstance().setRandomSeed((int) cfg.seed());
    net = new Supernet(cfg.channels(), cfg.cellsPerStage(), 10);
    net.initialize(
        manager,
        DataType.FLOAT32,
        new Shape(1, 3, cfg.imageSize(), cfg.imageSize()),
        new Shape(Genotype.EDGES, Genotype.OPS));
    ps = new ParameterStore(manager, false);
    for (Parameter p : net.getParameters().values()) {
      if (p.requiresGradient()) {
        params.add(p.getArray());
        momentum.add(p.getArray().zerosLike());
      }
    }
    SplittableRandom rng = new SplittableRandom(cfg.seed() * 7919 + 1);
    for (int i = 0; i < alpha.length; i++) {
      alpha[i] = 1e-3 * gaussian(rng);
    }
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  /** Runs the search: weights on {@code wData}, α on {@code aData} (same image size). */
  public void run(Dataset wData, Dataset aData, Consumer<String> log) {
    SplittableRandom rng = new SplittableRandom(cfg.seed());
    int bs = cfg.batch();
    int steps = Math.min(wData.size(), aData.size()) / bs;
    long total = (long) steps * cfg.epochs();
    long t = 0;
    for (int epoch = 0; epoch < cfg.epochs(); epoch++) {
      int[] wOrder = Dataset.permutation(wData.size(), rng);
      int[] aOrder = Dataset.permutation(aData.size(), rng);
      double wLoss = 0;
      double aLoss = 0;
      long start = System.nanoTime();
      for (int s = 0; s < steps; s++) {
        double progress = (double) t / total;
        double beta = cfg.auxSkip() ? 1 - progress : 0;
        try (NDScope scope = new NDScope()) {
          scope.suppressNotUsedWarning();
          aLoss += archStep(batch(aData, aOrder, s * bs, bs, null), beta);
          wLoss += weightStep(batch(wData, wOrder, s * bs, bs, rng), beta, cfg.lr(progress));
        }
        t++;
      }
      trajectory.add(softmaxAlpha());
      log.accept(
          String.format(
              java.util.Locale.ROOT,
              "epoch %d: weight loss %.3f arch loss %.3f lr %.4f (%.0fs) %s",
              epoch + 1,
              wLoss / steps,
              aLoss / steps,
              cfg.lr((double) t / total),
              (System.nanoTime() - start) / 1e9,
              genotype()));
    }
  }

  /** Images and labels of one batch; augmented (shift, flip) when {@code aug} is given. */
  private NDArray[] batch(Dataset d, int[] order, int off, int bs, SplittableRandom aug) {
    int per = d.exampleSize();
    int side = cfg.imageSize();
    float[] x = new float[bs * per];
    float[] y = new float[bs];
    int shift = side / 8;
    for (int i = 0; i < bs; i++) {
      int ex = order[off + i];
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

  private static NDArray crossEntropy(NDArray logits, NDArray y) {
    return logits.logSoftmax(1).gather(y.reshape(-1, 1), 1).neg().mean();
  }

  private NDArray alphaArray() {
    float[] f = new float[alpha.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) alpha[i];
    }
    return manager.create(f, new Shape(Genotype.EDGES, Genotype.OPS));
  }

  private double archStep(NDArray[] b, double beta) {
    NDArray a = alphaArray();
    a.setRequiresGradient(true);
    double loss;
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray w = MixedCell.weights(a, cfg.weighting().equals("maxw"), beta);
      NDArray l = crossEntropy(net.logits(ps, b[0], w, null, true), b[1]);
      gc.backward(l);
      loss = l.getFloat();
    }
    float[] g = a.getGradient().toFloatArray();
    zeroGrads();
    archSteps++;
    double b1 = 0.5;
    double b2 = 0.999;
    for (int i = 0; i < alpha.length; i++) {
      double gi = g[i] + 1e-3 * alpha[i];
      m1[i] = b1 * m1[i] + (1 - b1) * gi;
      m2[i] = b2 * m2[i] + (1 - b2) * gi * gi;
      double mh = m1[i] / (1 - Math.pow(b1, archSteps));
      double vh = m2[i] / (1 - Math.pow(b2, archSteps));
      alpha[i] -= cfg.archLr() * mh / (Math.sqrt(vh) + 1e-8);
    }
    return loss;
  }

  private double weightStep(NDArray[] b, double beta, double lr) {
    NDArray w = MixedCell.weights(alphaArray(), cfg.weighting().equals("maxw"), beta);
    double loss;
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray l = crossEntropy(net.logits(ps, b[0], w, null, true), b[1]);
      gc.backward(l);
      loss = l.getFloat();
    }
    double norm2 = 0;
    List<NDArray> grads = new ArrayList<>(params.size());
    for (NDArray p : params) {
      NDArray g = p.getGradient();
      grads.add(g);
      norm2 += g.square().sum().getFloat();
    }
    double clip = Math.min(1, 5 / (Math.sqrt(norm2) + 1e-6));
    for (int i = 0; i < params.size(); i++) {
      NDArray p = params.get(i);
      NDArray g = grads.get(i).mul((float) clip).add(p.mul(3e-4f));
      momentum.get(i).muli(0.9f).addi(g);
      p.subi(momentum.get(i).mul((float) lr));
    }
    zeroGrads();
    return loss;
  }

  private void zeroGrads() {
    for (NDArray p : params) {
      JniUtils.zeroGrad((PtNDArray) p);
    }
  }

  /** The supernet's accuracy on {@code d} for one sub-architecture (one-hot op weights). */
  public double estimate(Genotype g, Dataset d, int batches) {
    float[] onehot = new float[alpha.length];
    boolean[][] active = new boolean[Genotype.EDGES][Genotype.OPS];
    for (int e = 0; e < Genotype.EDGES; e++) {
      onehot[e * Genotype.OPS + g.ops()[e]] = 1;
      active[e][g.ops()[e]] = true;
    }
    int bs = Math.min(256, d.size());
    int[] order = new int[d.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    long correct = 0;
    int seen = 0;
    for (int s = 0; s < batches && (s + 1) * bs <= d.size(); s++) {
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        NDArray[] b = batch(d, order, s * bs, bs, null);
        NDArray w = manager.create(onehot, new Shape(Genotype.EDGES, Genotype.OPS));
        // batch statistics (train mode), as weight-sharing estimators do: BN's running averages
        // belong to the mixture, not to any one sub-architecture
        NDArray logits = net.logits(ps, b[0], w, active, true);
        correct += logits.argMax(1).eq(b[1]).sum().getLong();
        seen += bs;
      }
    }
    return (double) correct / seen;
  }

  /** The supernet's weights (DJL's parameter format) followed by α as 30 doubles. */
  public void saveSupernet(java.io.DataOutputStream out) throws java.io.IOException {
    net.saveParameters(out);
    for (double a : alpha) {
      out.writeDouble(a);
    }
  }

  public Genotype genotype() {
    return Genotype.argmax(softmaxAlpha());
  }

  /** Softmax of α per edge, [edge][op]. */
  public double[][] softmaxAlpha() {
    double[][] p = new double[Genotype.EDGES][Genotype.OPS];
    for (int e = 0; e < Genotype.EDGES; e++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < Genotype.OPS; k++) {
        max = Math.max(max, alpha[e * Genotype.OPS + k]);
      }
      double sum = 0;
      for (int k = 0; k < Genotype.OPS; k++) {
        p[e][k] = Math.exp(alpha[e * Genotype.OPS + k] - max);
        sum += p[e][k];
      }
      for (int k = 0; k < Genotype.OPS; k++) {
        p[e][k] /= sum;
      }
    }
    return p;
  }

  public List<double[][]> trajectory() {
    return trajectory;
  }

  @Override
  public void close() {
    manager.close();
  }
}
