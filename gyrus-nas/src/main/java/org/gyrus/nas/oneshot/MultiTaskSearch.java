package org.gyrus.nas.oneshot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
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
 * Several tasks searched in one run (S8, FBNetV5): one weight-sharing supernet whose head holds
 * every task's logits side by side, and one factorised architecture distribution per task (softmax
 * of θ_t per edge). Each step samples one path from the mixture q = mean of the tasks'
 * distributions, takes one weight step on the sum of the tasks' losses on that path, then one
 * forward pass of another path a ~ q on a batch of the architecture half updates every task at
 * once: θ_t follows the importance-weighted REINFORCE gradient (p_t(a)/q(a))·(R_t − b_t)·∇log
 * p_t(a), R_t the task's negative loss on its head, b_t its moving baseline. So one step costs two
 * supernet passes whatever the number of tasks. The tasks are label maps of CIFAR-10 over the same
 * images ({@link #TASKS}); after the search each later task's derived cell (and, as references, the
 * first task's cell and a random cell) can be trained from scratch on that task and tested.
 */
public final class MultiTaskSearch implements OneShotSearch {
  /** A task over CIFAR-10 images: its class count and the map from the CIFAR-10 label. */
  public record Task(String name, int classes, int[] labels) {}

  /**
   * c10: the ten classes; vehicle_animal: {airplane, automobile, ship, truck} vs the animals;
   * pairs: sky/sea craft, road vehicles, bird+frog, cat+dog, deer+horse.
   */
  public static final Map<String, Task> TASKS =
      Map.of(
          "c10", new Task("c10", 10, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}),
          "vehicle_animal", new Task("vehicle_animal", 2, new int[] {0, 0, 1, 1, 1, 1, 1, 1, 0, 0}),
          "pairs", new Task("pairs", 5, new int[] {0, 1, 2, 3, 4, 3, 2, 4, 0, 1}));

  public record Config(
      Scale scale,
      List<Task> tasks,
      int batch,
      double lr,
      double archLr,
      double baselineDecay,
      int warmup,
      int evalEpochs) {}

  /** {@code multitask}: the registered factory. */
  @Register
  public static final class Factory implements OneShotMethodFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "multitask",
          "several CIFAR-10 label tasks searched in one run: one supernet, one architecture"
              + " distribution per task, one forward pass updates them all (FBNetV5)",
          ArgSpec.optional("tasks", Kind.STR, "c10,vehicle_animal,pairs")
              .doc("comma-separated, first is judged by the table: c10, vehicle_animal, pairs"),
          ArgSpec.optional("arch_lr", Kind.FLOAT, 0.01).min(0).doc("Adam step of each θ_t"),
          ArgSpec.optional("baseline_decay", Kind.FLOAT, 0.95).range(0, 1).doc("reward baseline"),
          ArgSpec.optional("warmup", Kind.INT, 2).min(0).doc("epochs of uniform paths first"),
          ArgSpec.optional("eval_epochs", Kind.INT, 0)
              .min(0)
              .doc("train later tasks' cells this long from scratch and test them (0: skip)"),
          ArgSpec.optional("lr", Kind.FLOAT, 0.025).min(0).doc("weights' initial SGD step"),
          ArgSpec.optional("batch", Kind.INT, 64).min(1).doc("batch size"));
    }

    @Override
    public MultiTaskSearch create(Args a, Scale s) {
      List<Task> tasks = new ArrayList<>();
      for (String name : a.string("tasks").split(",")) {
        Task t = TASKS.get(name.trim());
        if (t == null) {
          throw new org.gyrus.core.SpecError(
              a.pathOf("tasks"), "tasks among " + new java.util.TreeSet<>(TASKS.keySet()), name);
        }
        tasks.add(t);
      }
      return new MultiTaskSearch(
          new Config(
              s,
              tasks,
              a.smallInt("batch"),
              a.number("lr"),
              a.number("arch_lr"),
              a.number("baseline_decay"),
              a.smallInt("warmup"),
              a.smallInt("eval_epochs")));
    }
  }

  private final Config cfg;
  private final SharedSupernet shared;
  private final int[] offset;
  private final double[][] theta;
  private final double[][] m1;
  private final double[][] m2;
  private final double[] baseline;
  private long archSteps;
  private final SplittableRandom rng;
  private final List<double[][]> trajectory = new ArrayList<>();
  private final Map<String, Object> evaluation = new LinkedHashMap<>();
  private double searchSeconds;
  private double searchCpuSeconds;
  private long searchForwards;

  public MultiTaskSearch(Config cfg) {
    this.cfg = cfg;
    int tasks = cfg.tasks().size();
    offset = new int[tasks + 1];
    for (int t = 0; t < tasks; t++) {
      offset[t + 1] = offset[t] + cfg.tasks().get(t).classes();
    }
    Scale s = cfg.scale();
    shared =
        new SharedSupernet(s.channels(), s.cellsPerStage(), offset[tasks], s.imageSize(), s.seed());
    int n = Genotype.EDGES * Genotype.OPS;
    theta = new double[tasks][n];
    m1 = new double[tasks][n];
    m2 = new double[tasks][n];
    baseline = new double[tasks];
    java.util.Arrays.fill(baseline, Double.NaN);
    rng = new SplittableRandom(s.seed() * 7_777_777 + 3);
  }

  /** Task t's op probabilities, [edge][op]. */
  double[][] probabilities(int t) {
    return Genotype.softmax(theta[t]);
  }

  private static double prob(double[][] p, Genotype g) {
    double q = 1;
    for (int e = 0; e < Genotype.EDGES; e++) {
      q *= p[e][g.ops()[e]];
    }
    return q;
  }

  /** A path from the mixture of the tasks' distributions (uniform while warming up). */
  private Genotype drawFromMixture(boolean uniform) {
    if (uniform) {
      return Genotype.random(rng);
    }
    return Genotype.sample(probabilities(rng.nextInt(cfg.tasks().size())), rng);
  }

  /** Per task: its logits (columns of the shared head) and its labels. */
  private NDArray taskLoss(NDArray logits, NDArray y10, int t) {
    Task task = cfg.tasks().get(t);
    NDArray lt = logits.get(new NDIndex(":, {}:{}", offset[t], offset[t + 1]));
    int[] map = task.labels();
    long[] y = y10.toLongArray();
    long[] yt = new long[y.length];
    for (int i = 0; i < y.length; i++) {
      yt[i] = map[(int) y[i]];
    }
    return SharedSupernet.crossEntropy(lt, shared.manager.create(yt, new Shape(yt.length)));
  }

  @Override
  public void run(SearchData data, Consumer<String> log) {
    long start0 = System.nanoTime();
    double cpu0 = OneShotRun.cpuSeconds();
    Dataset wData = data.weights();
    Dataset aData = data.arch();
    int bs = cfg.batch();
    int steps = Math.min(wData.size(), aData.size()) / bs;
    int epochs = cfg.scale().epochs();
    long total = (long) steps * epochs;
    long t = 0;
    for (int epoch = 0; epoch < epochs; epoch++) {
      boolean uniform = epoch < cfg.warmup();
      int[] wOrder = Dataset.permutation(wData.size(), rng);
      int[] aOrder = Dataset.permutation(aData.size(), rng);
      double loss = 0;
      for (int s = 0; s < steps; s++, t++) {
        double lr = SharedSupernet.cosineLr(cfg.lr(), t, total);
        try (NDScope scope = new NDScope()) {
          scope.suppressNotUsedWarning();
          loss += weightStep(shared.batch(wData, wOrder, s * bs, bs, rng), lr, uniform);
          if (!uniform) {
            archStep(shared.batch(aData, aOrder, s * bs, bs, null));
          }
        }
      }
      trajectory.add(probabilities(0));
      StringBuilder cells = new StringBuilder();
      for (int k = 0; k < cfg.tasks().size(); k++) {
        cells.append(' ').append(cfg.tasks().get(k).name()).append(' ').append(derived(k));
      }
      log.accept(
          String.format(Locale.ROOT, "epoch %d: loss %.3f%s", epoch + 1, loss / steps, cells));
    }
    searchSeconds = (System.nanoTime() - start0) / 1e9;
    searchForwards = shared.forwards;
    searchCpuSeconds = OneShotRun.cpuSeconds() - cpu0;
    if (cfg.evalEpochs() > 0) {
      evaluateLaterTasks(data, log);
    }
  }

  private double weightStep(NDArray[] b, double lr, boolean uniform) {
    Genotype g = drawFromMixture(uniform);
    return shared.step(
        () -> {
          NDArray logits = shared.pathLogits(b[0], g, true);
          NDArray l = null;
          for (int k = 0; k < cfg.tasks().size(); k++) {
            NDArray lk = taskLoss(logits, b[1], k);
            l = l == null ? lk : l.add(lk);
          }
          return l;
        },
        lr);
  }

  /** One forward pass of a ∼ q; every task's θ moves by its importance-weighted REINFORCE step. */
  private void archStep(NDArray[] b) {
    Genotype a = drawFromMixture(false);
    NDArray logits = shared.pathLogits(b[0], a, true);
    int tasks = cfg.tasks().size();
    double[][][] p = new double[tasks][][];
    double q = 0;
    for (int k = 0; k < tasks; k++) {
      p[k] = probabilities(k);
      q += prob(p[k], a) / tasks;
    }
    archSteps++;
    for (int k = 0; k < tasks; k++) {
      double reward = -taskLoss(logits, b[1], k).getFloat();
      if (Double.isNaN(baseline[k])) {
        baseline[k] = reward;
      }
      double weight = prob(p[k], a) / q;
      double advantage = weight * (reward - baseline[k]);
      baseline[k] = cfg.baselineDecay() * baseline[k] + (1 - cfg.baselineDecay()) * reward;
      ArchAdam.step(
          theta[k], scoreGradient(p[k], a, advantage), m1[k], m2[k], archSteps, cfg.archLr());
    }
  }

  /** advantage · ∇_θ log p(a) for a factorised softmax: advantage · (onehot(a_e) − p_e). */
  static double[] scoreGradient(double[][] p, Genotype a, double advantage) {
    double[] g = new double[Genotype.EDGES * Genotype.OPS];
    for (int e = 0; e < Genotype.EDGES; e++) {
      for (int k = 0; k < Genotype.OPS; k++) {
        double onehot = a.ops()[e] == k ? 1 : 0;
        g[e * Genotype.OPS + k] = advantage * (onehot - p[e][k]);
      }
    }
    return g;
  }

  /** Task k's derived cell: the per-edge argmax of its distribution. */
  public Genotype derived(int k) {
    return Genotype.argmax(probabilities(k));
  }

  /** Supernet forward passes so far (the cost check: the same for one task or three). */
  public long forwards() {
    return shared.forwards;
  }

  /**
   * Trains each later task's derived cell, the first task's cell and one random cell from scratch
   * on that task (single-path network, the weight half, {@code evalEpochs} epochs) and tests them.
   */
  private void evaluateLaterTasks(SearchData data, Consumer<String> log) {
    Genotype random = Genotype.random(new SplittableRandom(cfg.scale().seed() + 99));
    for (int k = 1; k < cfg.tasks().size(); k++) {
      Task task = cfg.tasks().get(k);
      Map<String, Object> row = new LinkedHashMap<>();
      Map<String, Genotype> cells = new LinkedHashMap<>();
      cells.put("own_cell", derived(k));
      cells.put("first_task_cell", derived(0));
      cells.put("random_cell", random);
      for (var c : cells.entrySet()) {
        double acc = testAccuracy(c.getValue(), task, data);
        row.put(c.getKey(), c.getValue().arch());
        row.put(c.getKey() + "_test_accuracy", acc);
        log.accept(task.name() + " " + c.getKey() + " " + c.getValue() + " test " + acc);
      }
      evaluation.put(task.name(), row);
    }
  }

  /**
   * Trains {@code cell} alone (a fresh single-path network, {@code evalEpochs} epochs on the weight
   * half with the task's labels, same optimiser and schedule) and returns its accuracy on the
   * search data's test images (batch norm on running statistics).
   */
  double testAccuracy(Genotype cell, Task task, SearchData data) {
    Scale s = cfg.scale();
    try (SharedSupernet net =
        new SharedSupernet(
            s.channels(), s.cellsPerStage(), task.classes(), s.imageSize(), s.seed())) {
      Dataset train = relabel(data.weights(), task);
      Dataset test = relabel(data.test(), task);
      SplittableRandom r = new SplittableRandom(s.seed() + 5);
      int bs = cfg.batch();
      int steps = train.size() / bs;
      long total = (long) steps * cfg.evalEpochs();
      long t = 0;
      for (int epoch = 0; epoch < cfg.evalEpochs(); epoch++) {
        int[] order = Dataset.permutation(train.size(), r);
        for (int i = 0; i < steps; i++, t++) {
          double lr = SharedSupernet.cosineLr(cfg.lr(), t, total);
          try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            net.trainPath(net.batch(train, order, i * bs, bs, r), cell, lr);
          }
        }
      }
      int tb = Math.min(250, test.size());
      return net.accuracy(cell, test, 0, tb, test.size() / tb, false, null);
    }
  }

  static Dataset relabel(Dataset d, Task task) {
    int[] y = new int[d.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = task.labels()[d.y()[i]];
    }
    return new Dataset(d.name() + ":" + task.name(), d.x(), y, d.exampleShape(), task.classes());
  }

  @Override
  public Genotype genotype() {
    return derived(0);
  }

  @Override
  public List<Candidate> candidates(int samples, long seed) {
    Map<Genotype, String> roles = new LinkedHashMap<>();
    roles.put(derived(0), "derived");
    for (int k = 1; k < cfg.tasks().size(); k++) {
      roles.putIfAbsent(derived(k), "derived_" + cfg.tasks().get(k).name());
    }
    double[][] p = probabilities(0);
    SplittableRandom r = new SplittableRandom(seed * 31 + 5);
    return OneShotSearch.withSamples(roles, samples, () -> Genotype.sample(p, r));
  }

  /** The first task's head (the supernet's first columns) on a single path. */
  @Override
  public double estimate(Genotype g, Dataset d, int batches) {
    return shared.estimate(g, d, batches, new int[] {offset[0], offset[1]});
  }

  @Override
  public void saveSupernet(DataOutputStream out) throws IOException {
    shared.save(out);
    for (double[] th : theta) {
      for (double v : th) {
        out.writeDouble(v);
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
    List<String> names = cfg.tasks().stream().map(Task::name).toList();
    return cfg.toString().replaceAll("tasks=\\[[^]]*\\]", "tasks=" + names);
  }

  @Override
  public Map<String, Object> details(NasBench201 table) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("tasks", cfg.tasks().stream().map(Task::name).toList());
    Map<String, String> cells = new LinkedHashMap<>();
    for (int k = 0; k < cfg.tasks().size(); k++) {
      cells.put(cfg.tasks().get(k).name(), derived(k).arch());
    }
    d.put("derived_per_task", cells);
    d.put("search_seconds", searchSeconds);
    d.put("search_cpu_seconds", searchCpuSeconds);
    d.put("supernet_forwards", searchForwards);
    d.put("evaluation", evaluation);
    return d;
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
