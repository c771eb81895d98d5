package org.gyrus.nas.oneshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.plugin.Register;
import org.gyrus.nn.data.Dataset;
import org.gyrus.search.bench.NasBench201;

/**
 * ENAS with weight sharing over the NAS-Bench-201 cell (S4). Each epoch: the supernet's weights
 * take one SGD step per batch of the weight half on the single path of a cell the controller
 * samples (uniform cells during {@code warmup} epochs), then the controller takes {@code
 * controllerSteps} REINFORCE steps, each rewarded by its sampled cell's accuracy on a random batch
 * of the architecture half; every rewarded cell is offered to the memory buffer ({@link
 * ArchBuffer}). At the end the buffer is re-ranked on the same {@code rerankBatches} batches with
 * the final weights and its best cell is derived. For comparison the run also reports the
 * controller's greedy cell and ENAS's own derivation (the best of 10 fresh samples on one batch):
 * the buffer's effect. Without a controller (RSPS) the cells are uniform and the buffer holds the
 * best of them.
 */
public final class EnasSearch implements OneShotSearch {
  /** The method's settings beyond the scale. */
  public record Config(
      Scale scale,
      int batch,
      double lr,
      boolean controller,
      boolean fair,
      int controllerSteps,
      double controllerLr,
      double entropy,
      double baselineDecay,
      int hidden,
      int warmup,
      int buffer,
      int rewardBatch,
      int rerankBatches) {}

  /** {@code enas}: the registered factory. */
  @Register
  public static final class Factory implements OneShotMethodFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "enas",
          "ENAS: an LSTM controller (REINFORCE) samples single paths of a weight-sharing NB201"
              + " supernet; memory buffer of the best sampled cells, re-ranked at the end",
          ArgSpec.optional("controller", Kind.BOOL, true)
              .doc("false: uniform sampling (RSPS), no controller"),
          ArgSpec.optional("fair", Kind.BOOL, false)
              .doc(
                  "train the weights FairNAS-style: 5 paths per batch using each op once per edge"),
          ArgSpec.optional("controller_steps", Kind.INT, 30).min(0).doc("REINFORCE steps/epoch"),
          ArgSpec.optional("controller_lr", Kind.FLOAT, 5e-3).min(0).doc("controller Adam step"),
          ArgSpec.optional("entropy", Kind.FLOAT, 5e-3).min(0).doc("entropy bonus weight"),
          ArgSpec.optional("baseline_decay", Kind.FLOAT, 0.95).range(0, 1).doc("reward baseline"),
          ArgSpec.optional("hidden", Kind.INT, 32).min(1).doc("controller LSTM width"),
          ArgSpec.optional("warmup", Kind.INT, 2).min(0).doc("epochs of uniform paths first"),
          ArgSpec.optional("buffer", Kind.INT, 10).min(1).doc("cells kept in the memory buffer"),
          ArgSpec.optional("reward_batch", Kind.INT, 128).min(1).doc("images per reward"),
          ArgSpec.optional("rerank_batches", Kind.INT, 8).min(1).doc("256-image batches, rerank"),
          ArgSpec.optional("lr", Kind.FLOAT, 0.025).min(0).doc("weights' initial SGD step"),
          ArgSpec.optional("batch", Kind.INT, 64).min(1).doc("batch size"));
    }

    @Override
    public EnasSearch create(Args a, Scale s) {
      return new EnasSearch(
          new Config(
              s,
              a.smallInt("batch"),
              a.number("lr"),
              a.bool("controller"),
              a.bool("fair"),
              a.smallInt("controller_steps"),
              a.number("controller_lr"),
              a.number("entropy"),
              a.number("baseline_decay"),
              a.smallInt("hidden"),
              a.smallInt("warmup"),
              a.smallInt("buffer"),
              a.smallInt("reward_batch"),
              a.smallInt("rerank_batches")));
    }
  }

  private final Config cfg;
  private final SharedSupernet shared;
  private final EnasController controller;
  private final ArchBuffer buffer;
  private final SplittableRandom rng;
  private final List<double[][]> trajectory = new ArrayList<>();
  private List<ArchBuffer.Entry> keptBeforeRerank = List.of();
  private List<ArchBuffer.Entry> reranked = List.of();
  private Genotype enasDerived;

  public EnasSearch(Config cfg) {
    this.cfg = cfg;
    Scale s = cfg.scale();
    shared = new SharedSupernet(s.channels(), s.cellsPerStage(), 10, s.imageSize(), s.seed());
    controller =
        cfg.controller()
            ? new EnasController(
                cfg.hidden(), cfg.controllerLr(), cfg.entropy(), cfg.baselineDecay(), s.seed())
            : null;
    buffer = new ArchBuffer(cfg.buffer());
    rng = new SplittableRandom(s.seed() * 1_000_003 + 11);
  }

  private Genotype draw(boolean uniform) {
    return uniform || controller == null ? Genotype.random(rng) : controller.sample(rng);
  }

  /** Five paths that use every op of every edge exactly once (a random permutation per edge). */
  static List<Genotype> fairPaths(SplittableRandom rng) {
    int[][] ops = new int[Genotype.OPS][Genotype.EDGES];
    for (int e = 0; e < Genotype.EDGES; e++) {
      int[] perm = Dataset.permutation(Genotype.OPS, rng);
      for (int i = 0; i < Genotype.OPS; i++) {
        ops[i][e] = perm[i];
      }
    }
    List<Genotype> paths = new ArrayList<>();
    for (int[] o : ops) {
      paths.add(new Genotype(o));
    }
    return paths;
  }

  @Override
  public void run(SearchData data, Consumer<String> log) {
    Dataset wData = data.weights();
    Dataset aData = data.arch();
    int bs = cfg.batch();
    int steps = wData.size() / bs;
    int epochs = cfg.scale().epochs();
    long total = (long) steps * epochs;
    long t = 0;
    for (int epoch = 0; epoch < epochs; epoch++) {
      boolean uniform = epoch < cfg.warmup();
      int[] order = Dataset.permutation(wData.size(), rng);
      double loss = 0;
      long start = System.nanoTime();
      for (int s = 0; s < steps; s++, t++) {
        double lr = SharedSupernet.cosineLr(cfg.lr(), t, total);
        try (NDScope scope = new NDScope()) {
          scope.suppressNotUsedWarning();
          NDArray[] b = shared.batch(wData, order, s * bs, bs, rng);
          loss +=
              cfg.fair()
                  ? shared.trainPaths(b, fairPaths(rng), lr)
                  : shared.trainPath(b, draw(uniform), lr);
        }
      }
      double reward = 0;
      for (int c = 0; c < cfg.controllerSteps(); c++) {
        Genotype g = draw(uniform);
        double r = shared.accuracy(g, aData, rng.nextInt(aData.size()), cfg.rewardBatch(), 1);
        buffer.offer(g, r);
        if (controller != null && !uniform) {
          controller.update(g.ops(), r);
        }
        reward += r / Math.max(1, cfg.controllerSteps());
      }
      trajectory.add(marginals());
      log.accept(
          String.format(
              Locale.ROOT,
              "epoch %d: path loss %.3f mean reward %.3f (%.0fs) controller %s buffer best %s",
              epoch + 1,
              loss / steps,
              reward,
              (System.nanoTime() - start) / 1e9,
              controller == null ? "-" : controller.greedy(),
              buffer.size() == 0 ? "-" : buffer.ranked().get(0).cell()));
    }
    finish(aData);
  }

  /** Re-ranks the buffer on the same batches and derives ENAS's own best-of-10 for comparison. */
  private void finish(Dataset aData) {
    keptBeforeRerank = buffer.ranked();
    int bs = Math.min(256, aData.size());
    int batches = Math.max(1, Math.min(cfg.rerankBatches(), aData.size() / bs));
    reranked = buffer.rerank(g -> shared.accuracy(g, aData, 0, bs, batches));
    double best = Double.NEGATIVE_INFINITY;
    int offset = rng.nextInt(aData.size());
    for (int i = 0; i < 10; i++) {
      Genotype g = draw(false);
      double r = shared.accuracy(g, aData, offset, cfg.rewardBatch(), 1);
      if (r > best) {
        best = r;
        enasDerived = g;
      }
    }
  }

  private double[][] marginals() {
    if (controller != null) {
      return controller.marginals(500, new SplittableRandom(trajectory.size()));
    }
    double[][] p = new double[Genotype.EDGES][Genotype.OPS];
    for (double[] row : p) {
      java.util.Arrays.fill(row, 1.0 / Genotype.OPS);
    }
    return p;
  }

  /** The buffer's best cell after re-ranking (before {@link #run}: the controller's greedy). */
  @Override
  public Genotype genotype() {
    if (!reranked.isEmpty()) {
      return reranked.get(0).cell();
    }
    return controller != null ? controller.greedy() : Genotype.uniform("nor_conv_3x3");
  }

  /**
   * Derived, the controller's greedy cell, the buffer, then the controller's (or uniform) draws.
   */
  @Override
  public List<Candidate> candidates(int samples, long seed) {
    Map<Genotype, String> roles = new LinkedHashMap<>();
    roles.put(genotype(), "derived");
    if (controller != null) {
      roles.putIfAbsent(controller.greedy(), "controller");
    }
    if (enasDerived != null) {
      roles.putIfAbsent(enasDerived, "enas_best_of_10");
    }
    for (ArchBuffer.Entry e : reranked) {
      roles.putIfAbsent(e.cell(), "buffer");
    }
    SplittableRandom r = new SplittableRandom(seed * 31 + 5);
    return OneShotSearch.withSamples(
        roles, samples, () -> controller == null ? Genotype.random(r) : controller.sample(r));
  }

  @Override
  public double estimate(Genotype g, Dataset d, int batches) {
    return shared.estimate(g, d, batches, null);
  }

  /** The supernet's weights followed by the controller's parameters (when there is one). */
  @Override
  public void saveSupernet(DataOutputStream out) throws IOException {
    shared.save(out);
    if (controller != null) {
      for (double w : controller.policy.w) {
        out.writeDouble(w);
      }
    }
  }

  @Override
  public List<double[][]> trajectory() {
    return trajectory;
  }

  @Override
  public long seed() {
    return cfg.scale().seed();
  }

  @Override
  public String config() {
    return cfg.toString();
  }

  /**
   * The buffer before and after re-ranking, the controller's greedy cell and ENAS's best of 10,
   * each with its table accuracy.
   */
  @Override
  public Map<String, Object> details(NasBench201 table) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("buffer_before_rerank", entries(keptBeforeRerank, table));
    d.put("buffer_reranked", entries(reranked, table));
    if (!keptBeforeRerank.isEmpty()) {
      d.put("buffer_top_before_rerank_table", keptBeforeRerank.get(0).cell().tableAccuracy(table));
    }
    if (controller != null) {
      d.put("controller_greedy", controller.greedy().arch());
      d.put("controller_greedy_table", controller.greedy().tableAccuracy(table));
    }
    if (enasDerived != null) {
      d.put("enas_best_of_10", enasDerived.arch());
      d.put("enas_best_of_10_table", enasDerived.tableAccuracy(table));
    }
    return d;
  }

  private static List<Map<String, Object>> entries(List<ArchBuffer.Entry> es, NasBench201 t) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ArchBuffer.Entry e : es) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("arch", e.cell().arch());
      m.put("estimate", e.reward());
      m.put("table", e.cell().tableAccuracy(t));
      out.add(m);
    }
    return out;
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
