package org.gyrus.nesy.clutrr;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.gyrus.core.SpecError;
import org.gyrus.nn.Scalars;
import org.gyrus.nn.train.Optimizer;
import org.gyrus.nn.train.Recipe;

/** Trains an EpiGNN or the mean-aggregation baseline on CLUTRR and tests it per k. */
public final class ClutrrTraining {
  /**
   * @param model "epignn" or "mean_gnn"
   * @param width latent states (epignn) or vector width (mean)
   * @param trainLimit use the first this many training stories after a seeded shuffle (0: all)
   */
  public record Config(
      String model,
      int width,
      EpiGnn.Aggregation aggregation,
      boolean anchored,
      double consistency,
      int factLength,
      int epochs,
      int batch,
      double lr,
      long seed,
      int trainLimit) {
    public Config {
      if (!model.equals("epignn") && !model.equals("mean_gnn")) {
        throw new SpecError("model", "epignn or mean_gnn", model);
      }
      if (factLength < 2
          || consistency < 0
          || width < 2
          || epochs < 1
          || batch < 1
          || !(lr > 0)
          || trainLimit < 0) {
        throw new SpecError(
            "clutrr",
            "width >= 2, epochs >= 1, batch >= 1, lr > 0, train limit >= 0",
            width + "," + epochs + "," + batch + "," + lr + "," + trainLimit);
      }
    }
  }

  /** Accuracy per k (right, total), timings, and the trained EpiGNN's composition read-out. */
  public record Result(
      Config config,
      Map<Integer, int[]> perK,
      double finalLoss,
      double wallSeconds,
      double cpuSeconds,
      CompositionTable table,
      List<String> errors) {
    public double accuracy(int k) {
      int[] rt = perK.get(k);
      return rt[1] == 0 ? Double.NaN : (double) rt[0] / rt[1];
    }
  }

  private ClutrrTraining() {}

  public static Result run(Config cfg, ClutrrData data, PrintStream log) {
    long t0 = System.nanoTime();
    Duration cpu0 = cpuNow();
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      StoryModel model = build(cfg, data.relations().size(), m, DataType.FLOAT32);
      List<Story> train = subset(data.train(), cfg);
      double loss = train(model, train, cfg, m, log);
      Map<Integer, int[]> perK = new LinkedHashMap<>();
      List<String> errors = new ArrayList<>();
      for (var e : data.test().entrySet()) {
        perK.put(e.getKey(), evaluate(model, e.getValue(), m, data.relations(), errors));
      }
      CompositionTable table =
          model instanceof EpiGnn epi
              ? CompositionTable.of(epi, data.train(), data.relations())
              : null;
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = cpuNow().minus(cpu0).toMillis() / 1e3;
      return new Result(cfg, perK, loss, wall, cpu, table, errors);
    }
  }

  static StoryModel build(Config cfg, int relations, NDManager m, DataType type) {
    return cfg.model().equals("mean_gnn")
        ? new MeanGnn(relations, cfg.width(), 2 * cfg.width(), m, type, cfg.seed())
        : new EpiGnn(
            relations, cfg.width(), cfg.aggregation(), cfg.anchored(), m, type, cfg.seed());
  }

  private static List<Story> subset(List<Story> all, Config cfg) {
    if (cfg.trainLimit() == 0 || cfg.trainLimit() >= all.size()) {
      return all;
    }
    int[] order = permutation(all.size(), new SplittableRandom(cfg.seed() * 7919 + 1));
    List<Story> out = new ArrayList<>();
    for (int i = 0; i < cfg.trainLimit(); i++) {
      out.add(all.get(order[i]));
    }
    return out;
  }

  /** Adam over shuffled mini-batches; returns the last epoch's mean loss. */
  static double train(
      StoryModel model, List<Story> train, Config cfg, NDManager m, PrintStream log) {
    List<NDArray> ws = model.parameters();
    Optimizer opt = Optimizer.of(Recipe.defaults().with("lr", cfg.lr()), ws);
    SplittableRandom rng = new SplittableRandom(cfg.seed());
    List<int[]> facts =
        model instanceof EpiGnn epi && cfg.consistency() > 0
            ? CompositionTable.chainFacts(train, cfg.factLength())
            : List.of();
    long step = 0;
    double epochLoss = Double.NaN;
    for (int e = 0; e < cfg.epochs(); e++) {
      int[] order = permutation(train.size(), rng);
      double sum = 0;
      int batches = 0;
      for (int off = 0; off < order.length; off += cfg.batch()) {
        List<Story> batch = new ArrayList<>();
        for (int i = off; i < Math.min(order.length, off + cfg.batch()); i++) {
          batch.add(train.get(order[i]));
        }
        try (NDManager s = m.newSubManager()) {
          LayeredBatch b = LayeredBatch.of(batch);
          NDArray loss;
          try (var gc = m.getEngine().newGradientCollector()) {
            loss = nll(model.logProbs(b, s), b, s);
            NDArray total = loss;
            if (!facts.isEmpty()) {
              NDArray gap = ((EpiGnn) model).compositionGap(facts, s);
              total = loss.add(Scalars.mul(gap, cfg.consistency()));
            }
            gc.backward(total);
          }
          sum += loss.getFloat();
          batches++;
          opt.stepAndZero(ws, (float) cfg.lr(), ++step);
        }
      }
      epochLoss = sum / batches;
      if (log != null) {
        log.printf(Locale.ROOT, "  epoch %d loss %.5f%n", e + 1, epochLoss);
      }
    }
    return epochLoss;
  }

  /** Mean negative log-likelihood of the batch's labels. */
  static NDArray nll(NDArray logProbs, LayeredBatch b, NDManager m) {
    long[] y = new long[b.size];
    for (int i = 0; i < y.length; i++) {
      y[i] = b.labels[i];
    }
    NDArray idx = m.create(y, new Shape(y.length, 1));
    return logProbs.gather(idx, 1).neg().mean();
  }

  /** (right, total) of argmax answers; each wrong answer is described in {@code errors}. */
  static int[] evaluate(
      StoryModel model, List<Story> stories, NDManager m, Relations rel, List<String> errors) {
    int right = 0;
    for (int off = 0; off < stories.size(); off += 256) {
      List<Story> part = stories.subList(off, Math.min(stories.size(), off + 256));
      try (NDManager s = m.newSubManager()) {
        LayeredBatch b = LayeredBatch.of(part);
        long[] pred = model.logProbs(b, s).argMax(1).toLongArray();
        for (int i = 0; i < pred.length; i++) {
          if (pred[i] == b.labels[i]) {
            right++;
          } else if (errors != null) {
            errors.add(describe(part.get(i), rel, (int) pred[i]));
          }
        }
      }
    }
    return new int[] {right, stories.size()};
  }

  /** "k=3 0-wife->1 1-son->2 ... query (0, 3): answered mother, data mother-in-law". */
  static String describe(Story s, Relations rel, int predicted) {
    StringBuilder sb = new StringBuilder("k=" + s.k());
    for (int e = 0; e < s.edges(); e++) {
      sb.append(' ')
          .append(s.from()[e])
          .append('-')
          .append(rel.name(s.relation()[e]))
          .append("->")
          .append(s.to()[e]);
    }
    return sb.append(" query (")
        .append(s.source())
        .append(", ")
        .append(s.target())
        .append("): answered ")
        .append(rel.name(predicted))
        .append(", data ")
        .append(rel.name(s.label()))
        .toString();
  }

  static int[] permutation(int n, SplittableRandom rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static Duration cpuNow() {
    return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
  }
}
