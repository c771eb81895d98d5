package org.gyrus.nesy.symreg;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.gyrus.core.Value;
import org.gyrus.core.Value.ListVal;
import org.gyrus.core.Value.Node;
import org.gyrus.nn.Scalars;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.train.Optimizer;
import org.gyrus.nn.train.Recipe;

/**
 * SNIP (Meidani et al., ICLR 2024; N8): a formula encoder and a data encoder trained contrastively
 * so that a formula and the points it generates land close together. The formula encoder reads the
 * prefix program one-hot per position (an MLP, a gyrus-nn spec); the data encoder is a set network
 * (DeepSets): a per-point MLP over (x, standardised y), mean- and max-pooled, plus the data's
 * location and scale, then an MLP. The loss is the symmetric InfoNCE over a batch (CLIP's).
 */
public final class Snip implements AutoCloseable {
  /** Sizes and training settings. */
  public record Config(
      int maxLen,
      int hidden,
      int embed,
      int steps,
      int batch,
      double lr,
      double temperature,
      long seed) {
    public static Config defaults(long seed) {
      return new Config(20, 256, 64, 3000, 256, 1e-3, 0.07, seed);
    }

    public Config withSteps(int s) {
      return new Config(maxLen, hidden, embed, s, batch, lr, temperature, seed);
    }
  }

  private final Library lib;
  private final Config cfg;
  private final NDManager m;
  private final Block formulaNet;
  private final Block pointNet;
  private final Block setNet;
  private final ParameterStore ps;
  private final List<NDArray> params = new ArrayList<>();

  public Snip(Library lib, Config cfg) {
    this.lib = lib;
    this.cfg = cfg;
    this.m = Engine.getEngine("PyTorch").newBaseManager();
    m.getEngine().setRandomSeed((int) cfg.seed());
    int h = cfg.hidden();
    formulaNet = compile(mlp(h, 2), new Shape((long) cfg.maxLen() * (lib.size() + 1)), cfg.embed());
    pointNet = compile(mlp(h, 2), new Shape(lib.variables + 1), h);
    setNet = compile(mlp(h, 1), new Shape(2L * h + 2), cfg.embed());
    ps = new ParameterStore(m, false);
    for (Block b : List.of(formulaNet, pointNet, setNet)) {
      for (Parameter p : b.getParameters().values()) {
        params.add(p.getArray());
      }
    }
  }

  private static Value mlp(int width, int layers) {
    List<Value> l = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      l.add(Node.of("dense", "units", width, "activation", "relu"));
    }
    return ListVal.of(l.toArray(new Value[0]));
  }

  private Block compile(Value spec, Shape in, int out) {
    CompiledModel cm = CompiledModel.classifier(spec, in, out);
    cm.initialize(m, DataType.FLOAT32);
    return cm.block();
  }

  public Config config() {
    return cfg;
  }

  /** Trains on {@code corpus}; returns the loss of the last step. */
  public double train(List<Formulas.Sample> corpus, PrintStream log) {
    if (corpus.size() < cfg.batch()) {
      throw new IllegalArgumentException(
          "SNIP: " + corpus.size() + " formulas, fewer than a batch of " + cfg.batch());
    }
    Optimizer opt = Optimizer.of(Recipe.defaults(), params);
    SplittableRandom rng = new SplittableRandom(cfg.seed());
    double loss = Double.NaN;
    for (int s = 0; s < cfg.steps(); s++) {
      try (NDManager step = m.newSubManager()) {
        List<Formulas.Sample> batch = new ArrayList<>(cfg.batch());
        for (int i = 0; i < cfg.batch(); i++) {
          batch.add(corpus.get(rng.nextInt(corpus.size())));
        }
        NDArray total;
        try (var gc = m.getEngine().newGradientCollector()) {
          NDArray f = formulas(step, batch.stream().map(Formulas.Sample::program).toList(), true);
          NDArray d = data(step, batch, true);
          total = contrastiveLoss(f, d, cfg.temperature());
          gc.backward(total);
        }
        loss = total.getFloat();
        opt.stepAndZero(params, (float) cfg.lr(), s + 1);
        if (log != null && (s + 1) % 500 == 0) {
          log.printf(Locale.ROOT, "  snip step %d loss %.4f%n", s + 1, loss);
        }
      }
    }
    return loss;
  }

  /**
   * Symmetric InfoNCE: cross-entropy of each formula against every data set in the batch and of
   * each data set against every formula, the matching pair being the target.
   */
  static NDArray contrastiveLoss(NDArray f, NDArray d, double temperature) {
    NDArray logits = Scalars.div(f.matMul(d.transpose()), temperature);
    NDArray eye = logits.getManager().eye((int) logits.getShape().get(0));
    NDArray rows = logits.logSoftmax(1).mul(eye).sum().neg();
    NDArray cols = logits.logSoftmax(0).mul(eye).sum().neg();
    return Scalars.div(rows.add(cols), 2 * logits.getShape().get(0));
  }

  /** Unit-length formula embeddings, one row per program. */
  public float[][] embedFormulas(List<int[]> programs) {
    return rows(
        programs.size(), (step, from, to) -> formulas(step, programs.subList(from, to), false));
  }

  /** Unit-length data embeddings, one row per sample (its points; the program is not read). */
  public float[][] embedData(List<Formulas.Sample> samples) {
    return rows(samples.size(), (step, from, to) -> data(step, samples.subList(from, to), false));
  }

  /**
   * For each data set i, the 0-based rank of formula i among all formulas by cosine similarity to
   * data set i (0: retrieved first); ties count against the true formula.
   */
  public static int[] retrievalRanks(float[][] formulas, float[][] data) {
    int[] ranks = new int[data.length];
    for (int i = 0; i < data.length; i++) {
      double own = dot(formulas[i], data[i]);
      for (int j = 0; j < formulas.length; j++) {
        if (j != i && dot(formulas[j], data[i]) >= own) {
          ranks[i]++;
        }
      }
    }
    return ranks;
  }

  /**
   * The programs of the {@code k} corpus formulas nearest to the data (x, y), nearest first; {@code
   * library} holds the corpus's formula embeddings ({@link #embedFormulas}), computed once.
   */
  public List<int[]> nearestPrograms(
      List<Formulas.Sample> corpus, float[][] library, double[][] x, double[] y, int k) {
    float[] query = embedData(List.of(new Formulas.Sample(new int[0], x, y)))[0];
    List<int[]> out = new ArrayList<>();
    for (int i : nearest(library, query, k)) {
      out.add(corpus.get(i).program());
    }
    return out;
  }

  /** Indices of the {@code k} formulas most similar to {@code query}, most similar first. */
  public static int[] nearest(float[][] formulas, float[] query, int k) {
    Integer[] idx = new Integer[formulas.length];
    double[] sim = new double[formulas.length];
    for (int j = 0; j < formulas.length; j++) {
      idx[j] = j;
      sim[j] = dot(formulas[j], query);
    }
    java.util.Arrays.sort(idx, (a, b) -> Double.compare(sim[b], sim[a]));
    int[] out = new int[Math.min(k, idx.length)];
    for (int i = 0; i < out.length; i++) {
      out[i] = idx[i];
    }
    return out;
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private interface Chunk {
    NDArray encode(NDManager step, int from, int to);
  }

  private float[][] rows(int n, Chunk chunk) {
    float[][] out = new float[n][];
    for (int from = 0; from < n; from += 512) {
      int to = Math.min(n, from + 512);
      try (NDManager step = m.newSubManager()) {
        float[] flat = chunk.encode(step, from, to).toFloatArray();
        for (int i = from; i < to; i++) {
          out[i] =
              java.util.Arrays.copyOfRange(
                  flat, (i - from) * cfg.embed(), (i - from + 1) * cfg.embed());
        }
      }
    }
    return out;
  }

  private NDArray formulas(NDManager step, List<int[]> programs, boolean training) {
    int width = lib.size() + 1;
    float[] oneHot = new float[programs.size() * cfg.maxLen() * width];
    for (int b = 0; b < programs.size(); b++) {
      int[] p = programs.get(b);
      if (p.length > cfg.maxLen()) {
        throw new IllegalArgumentException(
            "SNIP: a program of " + p.length + " tokens, longer than maxLen " + cfg.maxLen());
      }
      for (int i = 0; i < cfg.maxLen(); i++) {
        int token = i < p.length ? p[i] : lib.size(); // the last column marks padding
        oneHot[(b * cfg.maxLen() + i) * width + token] = 1;
      }
    }
    NDArray x = step.create(oneHot, new Shape(programs.size(), (long) cfg.maxLen() * width));
    return unit(formulaNet.forward(ps, new NDList(x), training).singletonOrThrow());
  }

  private NDArray data(NDManager step, List<Formulas.Sample> samples, boolean training) {
    int points = samples.get(0).y().length;
    int in = lib.variables + 1;
    float[] pts = new float[samples.size() * points * in];
    float[] set = new float[samples.size() * 2];
    for (int b = 0; b < samples.size(); b++) {
      Formulas.Sample s = samples.get(b);
      if (s.y().length != points) {
        throw new IllegalArgumentException("SNIP: data sets of one batch need equal point counts");
      }
      double[] ms = meanStd(s.y());
      set[2 * b] = (float) (asinh(ms[0]) / 5);
      set[2 * b + 1] = (float) (Math.log(ms[1] + 1e-12) / 5);
      for (int i = 0; i < points; i++) {
        int at = (b * points + i) * in;
        for (int v = 0; v < lib.variables; v++) {
          pts[at + v] = (float) s.x()[v][i];
        }
        pts[at + lib.variables] = (float) ((s.y()[i] - ms[0]) / ms[1]);
      }
    }
    NDArray x = step.create(pts, new Shape((long) samples.size() * points, in));
    NDArray h = pointNet.forward(ps, new NDList(x), training).singletonOrThrow();
    h = h.reshape(samples.size(), points, cfg.hidden());
    NDArray pooled =
        NDArrays.concat(
            new NDList(
                h.mean(new int[] {1}),
                h.max(new int[] {1}),
                step.create(set, new Shape(samples.size(), 2))),
            1);
    return unit(setNet.forward(ps, new NDList(pooled), training).singletonOrThrow());
  }

  private static NDArray unit(NDArray z) {
    return z.div(z.square().sum(new int[] {1}, true).add(1e-12f).sqrt());
  }

  static double[] meanStd(double[] y) {
    double mean = 0;
    for (double v : y) {
      mean += v / y.length;
    }
    double var = 0;
    for (double v : y) {
      var += (v - mean) * (v - mean) / y.length;
    }
    return new double[] {mean, Math.sqrt(var) + 1e-12};
  }

  private static double asinh(double v) {
    return Math.log(v + Math.sqrt(v * v + 1));
  }

  @Override
  public void close() {
    m.close();
  }
}
