package org.gyrus.agents.game;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.PrintStream;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.train.Optimizer;
import org.gyrus.nn.train.Recipe;

/** Trains a referential game with Adam and measures the language it ends with. */
public final class GameTraining {
  private GameTraining() {}

  /**
   * Figures of one trained game.
   *
   * @param trainSuccess listener accuracy over the last tenth of training rounds
   * @param testSuccess listener accuracy on held-out images (targets and distractors unseen)
   * @param chance 1 / (distractors + 1)
   * @param usage codebook usage over the held-out messages
   * @param topsimClass Spearman(same-class distance, message edit distance)
   * @param topsimPixel Spearman(pixel Euclidean distance, message edit distance)
   * @param topsimShuffled the same two with the messages permuted over the images (control: no
   *     relation between meaning and message, expected near 0)
   */
  public record Report(
      GameConfig config,
      double trainSuccess,
      double testSuccess,
      double chance,
      CodebookUsage usage,
      double topsimClass,
      double topsimPixel,
      double[] topsimShuffled,
      double finalLoss,
      double seconds) {}

  /** Sizes of the held-out evaluation. */
  public record Eval(int rounds, int topsimObjects) {}

  public static Report run(
      GameConfig cfg, Dataset train, Dataset test, Eval eval, PrintStream log) {
    check(train, cfg);
    check(test, cfg);
    long t0 = System.nanoTime();
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      ReferentialGame game = new ReferentialGame(cfg, m);
      List<NDArray> ws = game.parameters();
      Optimizer opt = Optimizer.of(Recipe.defaults(), ws);
      SplittableRandom rng = new SplittableRandom(cfg.seed());
      boolean[] used = new boolean[cfg.vocab()];
      int tail = Math.max(1, cfg.steps() / 10);
      long hits = 0;
      long rounds = 0;
      double loss = Double.NaN;
      for (int s = 0; s < cfg.steps(); s++) {
        try (NDManager step = m.newSubManager()) {
          Rounds r = Rounds.sample(train, cfg.batch(), cfg.distractors(), rng);
          NDArray[] in = r.arrays(step);
          if (s == 0) {
            restart(game, in[0], new boolean[cfg.vocab()], rng);
          }
          ReferentialGame.Play p;
          NDArray total;
          try (var gc = m.getEngine().newGradientCollector()) {
            p = game.play(in[0], in[1], in[2], true);
            total = p.total(cfg.beta());
            gc.backward(total);
          }
          loss = total.getFloat();
          opt.stepAndZero(ws, (float) cfg.lr(), s + 1);
          for (long c : p.codes().toLongArray()) {
            used[(int) c] = true;
          }
          if (s >= cfg.steps() - tail) {
            hits += r.hits(p.logits());
            rounds += cfg.batch();
          }
          if (cfg.restartEvery() > 0 && (s + 1) % cfg.restartEvery() == 0 && s + 1 < cfg.steps()) {
            restart(game, in[0], used, rng);
            used = new boolean[cfg.vocab()];
          }
          if (log != null && (s + 1) % 500 == 0) {
            log.printf(Locale.ROOT, "  step %d loss %.4f%n", s + 1, loss);
          }
        }
      }
      return evaluate(game, test, eval, (double) hits / rounds, loss, t0);
    }
  }

  private static void check(Dataset d, GameConfig cfg) {
    if (d.exampleSize() != 784) {
      throw new IllegalArgumentException(
          d.name() + ": 28x28 images expected (784 values), got " + d.exampleShape());
    }
    if (d.size() < cfg.distractors() + 1) {
      throw new IllegalArgumentException(
          d.name()
              + ": "
              + d.size()
              + " images, fewer than the "
              + (cfg.distractors() + 1)
              + " candidates a round needs");
    }
  }

  /** Moves every code not marked used onto a random encoder output of this batch (plus noise). */
  static void restart(ReferentialGame game, NDArray targets, boolean[] used, SplittableRandom rng) {
    GameConfig cfg = game.config();
    float[] z = game.encode(targets, false).toFloatArray();
    int vectors = z.length / cfg.codeDim();
    float[] cb = game.codebook().toFloatArray();
    boolean changed = false;
    for (int k = 0; k < cfg.vocab(); k++) {
      if (!used[k]) {
        int v = rng.nextInt(vectors);
        for (int d = 0; d < cfg.codeDim(); d++) {
          cb[k * cfg.codeDim() + d] = z[v * cfg.codeDim() + d] + 0.01f * (float) gaussian(rng);
        }
        changed = true;
      }
    }
    if (changed) {
      NDArray fresh = game.codebook().getManager().create(cb, game.codebook().getShape());
      game.codebook().muli(0).addi(fresh);
      fresh.close();
    }
  }

  private static double gaussian(SplittableRandom rng) {
    double u = Math.max(1e-12, rng.nextDouble());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  private static Report evaluate(
      ReferentialGame game, Dataset test, Eval eval, double trainSuccess, double loss, long t0) {
    GameConfig cfg = game.config();
    SplittableRandom rng = new SplittableRandom(cfg.seed() ^ 0x5eed);
    long hits = 0;
    long rounds = 0;
    NDManager m = game.codebook().getManager();
    while (rounds < eval.rounds()) {
      int n = (int) Math.min(cfg.batch(), eval.rounds() - rounds);
      try (NDManager step = m.newSubManager()) {
        Rounds r = Rounds.sample(test, n, cfg.distractors(), rng);
        NDArray[] in = r.arrays(step);
        hits += r.hits(game.play(in[0], in[1], in[2], false).logits());
        rounds += n;
      }
    }
    int objects = Math.min(eval.topsimObjects(), test.size());
    int[][] messages = messages(game, test, objects);
    int[] labels = java.util.Arrays.copyOf(test.y(), objects);
    double tsClass = Topsim.of(messages, Topsim.classes(labels));
    double tsPixel = Topsim.of(messages, Topsim.pixels(test.x(), 784));
    int[][] shuffled = messages.clone();
    int[] perm = Dataset.permutation(objects, new SplittableRandom(cfg.seed() + 17));
    for (int i = 0; i < objects; i++) {
      shuffled[i] = messages[perm[i]];
    }
    double[] control = {
      Topsim.of(shuffled, Topsim.classes(labels)), Topsim.of(shuffled, Topsim.pixels(test.x(), 784))
    };
    CodebookUsage usage =
        CodebookUsage.of(messages(game, test, Math.min(test.size(), 2000)), cfg.vocab());
    return new Report(
        cfg,
        trainSuccess,
        (double) hits / rounds,
        1.0 / (cfg.distractors() + 1),
        usage,
        tsClass,
        tsPixel,
        control,
        loss,
        (System.nanoTime() - t0) / 1e9);
  }

  /** The messages the trained speaker sends for the first {@code n} images of {@code d}. */
  public static int[][] messages(ReferentialGame game, Dataset d, int n) {
    int len = game.config().length();
    int[][] out = new int[n][len];
    NDManager m = game.codebook().getManager();
    for (int off = 0; off < n; off += 256) {
      int b = Math.min(256, n - off);
      try (NDManager step = m.newSubManager()) {
        NDArray x =
            step.create(FloatBuffer.wrap(d.x(), off * 784, b * 784), new Shape(b, 1, 28, 28));
        long[] codes = game.speak(x).toLongArray();
        for (int i = 0; i < b; i++) {
          for (int t = 0; t < len; t++) {
            out[off + i][t] = (int) codes[i * len + t];
          }
        }
      }
    }
    return out;
  }
}
