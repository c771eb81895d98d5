package org.gyrus.nas.oneshot;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.oneshot.MixedCell;

/**
 * First-order DARTS over the NAS-Bench-201 cell: each step moves the architecture parameters α
 * (Adam, lr archLr, betas 0.5/0.999, decay 1e-3) on a batch of the architecture half, then the
 * supernet's weights (SGD, momentum 0.9, decay 3e-4, gradient norm clipped at 5) on a batch of the
 * weight half, under the config's schedule, weighting and skip guard. The result keeps α after
 * every epoch and the trained supernet, whose sub-architectures {@link #estimate} scores.
 */
public final class DartsSearch implements OneShotSearch {
  private final DartsConfig cfg;
  private final SharedSupernet shared;
  private final double[] alpha = new double[Genotype.EDGES * Genotype.OPS];
  private final double[] m1 = new double[alpha.length];
  private final double[] m2 = new double[alpha.length];
  private long archSteps;

  /** Softmax(α) after each epoch, [epoch][edge][op]. */
  private final List<double[][]> trajectory = new ArrayList<>();

  /** {@code darts}: the registered factory (sharpDARTS and the guard are its arguments). */
  @org.gyrus.core.plugin.Register
  public static final class Factory implements OneShotMethodFactory {
    @Override
    public org.gyrus.core.NodeType type() {
      return org.gyrus.core.NodeType.of(
          "darts",
          "first-order DARTS over the NB201 mixed-op supernet; sharpDARTS with weighting maxw and"
              + " schedule cospower; guard: DARTS-'s auxiliary skip",
          ArgSpec.optional("weighting", Kind.STR, "softmax")
              .oneOf("softmax", "maxw")
              .doc("op weights from alpha: softmax, or sharpDARTS' Max-W"),
          ArgSpec.optional("schedule", Kind.STR, "cosine")
              .oneOf("cosine", "cospower")
              .doc("weights' learning rate: cosine, or cosine power annealing"),
          ArgSpec.optional("guard", Kind.BOOL, false).doc("DARTS-'s auxiliary skip, 1 -> 0"),
          ArgSpec.optional("arch_lr", Kind.FLOAT, 3e-3).min(0).doc("Adam step of alpha"),
          ArgSpec.optional("lr", Kind.FLOAT, 0.025).min(0).doc("weights' initial SGD step"),
          ArgSpec.optional("batch", Kind.INT, 64).min(1).doc("batch size"));
    }

    @Override
    public DartsSearch create(org.gyrus.core.Args a, Scale s) {
      return new DartsSearch(
          new DartsConfig(
              s.channels(),
              s.cellsPerStage(),
              s.imageSize(),
              s.images(),
              s.epochs(),
              a.smallInt("batch"),
              a.number("lr"),
              0.001,
              a.number("arch_lr"),
              a.string("weighting"),
              a.string("schedule"),
              a.bool("guard"),
              s.seed()));
    }
  }

  public DartsSearch(DartsConfig cfg) {
    this.cfg = cfg;
    shared =
        new SharedSupernet(cfg.channels(), cfg.cellsPerStage(), 10, cfg.imageSize(), cfg.seed());
    SplittableRandom rng = new SplittableRandom(cfg.seed() * 7919 + 1);
    for (int i = 0; i < alpha.length; i++) {
      alpha[i] = 1e-3 * gaussian(rng);
    }
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  @Override
  public void run(SearchData data, Consumer<String> log) {
    run(data.weights(), data.arch(), log);
  }

  @Override
  public long seed() {
    return cfg.seed();
  }

  @Override
  public String config() {
    return cfg.toString();
  }

  /** The derived cell first, then distinct draws from softmax(α), edge by edge. */
  @Override
  public List<Candidate> candidates(int samples, long seed) {
    Map<Genotype, String> roles = new LinkedHashMap<>();
    roles.put(genotype(), "derived");
    double[][] p = softmaxAlpha();
    SplittableRandom rng = new SplittableRandom(seed * 31 + 5);
    return OneShotSearch.withSamples(roles, samples, () -> Genotype.sample(p, rng));
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
          aLoss += archStep(shared.batch(aData, aOrder, s * bs, bs, null), beta);
          wLoss += weightStep(shared.batch(wData, wOrder, s * bs, bs, rng), beta, cfg.lr(progress));
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

  private NDArray alphaArray() {
    float[] f = new float[alpha.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) alpha[i];
    }
    return shared.manager.create(f, new Shape(Genotype.EDGES, Genotype.OPS));
  }

  private double archStep(NDArray[] b, double beta) {
    NDArray a = alphaArray();
    a.setRequiresGradient(true);
    double loss;
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray w = MixedCell.weights(a, cfg.weighting().equals("maxw"), beta);
      NDArray l =
          SharedSupernet.crossEntropy(shared.net.logits(shared.ps, b[0], w, null, true), b[1]);
      gc.backward(l);
      loss = l.getFloat();
    }
    float[] g = a.getGradient().toFloatArray();
    shared.zeroGrads();
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
    return shared.step(
        () -> SharedSupernet.crossEntropy(shared.net.logits(shared.ps, b[0], w, null, true), b[1]),
        lr);
  }

  /** The supernet's accuracy on {@code d} for one sub-architecture (one-hot op weights). */
  @Override
  public double estimate(Genotype g, Dataset d, int batches) {
    return shared.estimate(g, d, batches, null);
  }

  /** The supernet's weights (DJL's parameter format) followed by α as 30 doubles. */
  @Override
  public void saveSupernet(java.io.DataOutputStream out) throws java.io.IOException {
    shared.save(out);
    for (double a : alpha) {
      out.writeDouble(a);
    }
  }

  @Override
  public Genotype genotype() {
    return Genotype.argmax(softmaxAlpha());
  }

  /** Softmax of α per edge, [edge][op]. */
  public double[][] softmaxAlpha() {
    return Genotype.softmax(alpha);
  }

  @Override
  public List<double[][]> trajectory() {
    return trajectory;
  }

  @Override
  public long nonFiniteSteps() {
    return shared.nonFiniteSteps;
  }

  @Override
  public void close() {
    shared.close();
  }
}
