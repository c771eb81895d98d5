package org.gyrus.agents.goals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.gyrus.core.Value;
import org.gyrus.nn.train.Optimizer;
import org.gyrus.nn.train.Recipe;

/** Trains a {@link GoalNet} with Adam to read goals from scene images. */
public final class GoalTraining {
  private GoalTraining() {}

  /**
   * @param fromInitial read the initial scene's image instead of the desired one (a control: the
   *     goal is drawn independently of the initial state, so this should learn only the prior)
   */
  public record Config(
      Value spec, int epochs, int batch, double lr, long seed, boolean fromInitial) {
    public Config {
      if (epochs < 1 || batch < 1 || !(lr > 0)) {
        throw new IllegalArgumentException(
            "goal training: epochs >= 1, batch >= 1 and lr > 0 expected, got epochs="
                + epochs
                + " batch="
                + batch
                + " lr="
                + lr);
      }
    }

    public static Config of(int epochs, long seed) {
      return new Config(GoalNet.defaultSpec(), epochs, 16, 2e-3, seed, false);
    }

    public Config fromInitialImage() {
      return new Config(spec, epochs, batch, lr, seed, true);
    }
  }

  /** The trained net (its arrays live in the caller's manager), last epoch's mean loss, CPU s. */
  public record Trained(GoalNet net, double finalLoss, double cpuSeconds) {}

  public static Trained train(
      Config cfg, List<GoalScenes.Pair> pairs, NDManager m, PrintStream log) {
    long c0 = cpuNanos();
    GoalNet net = new GoalNet(cfg.spec(), cfg.seed(), m);
    List<NDArray> ws = net.parameters();
    Optimizer opt = Optimizer.of(Recipe.defaults(), ws);
    SplittableRandom rng = new SplittableRandom(cfg.seed() ^ 0x60a1L);
    int[] order = new int[pairs.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    long t = 0;
    double epochLoss = Double.NaN;
    for (int e = 0; e < cfg.epochs(); e++) {
      shuffle(order, rng);
      double sum = 0;
      int batches = 0;
      for (int off = 0; off < order.length; off += cfg.batch()) {
        List<float[]> images = new ArrayList<>();
        List<BlocksState> goals = new ArrayList<>();
        for (int j = off; j < Math.min(order.length, off + cfg.batch()); j++) {
          GoalScenes.Pair p = pairs.get(order[j]);
          images.add(cfg.fromInitial() ? p.initImage() : p.goalImage());
          goals.add(p.goal());
        }
        try (NDManager step = m.newSubManager()) {
          NDArray loss;
          try (var gc = m.getEngine().newGradientCollector()) {
            loss = GoalNet.loss(step, net.logProbs(step, images, goals, true), goals);
            gc.backward(loss);
          }
          opt.stepAndZero(ws, (float) cfg.lr(), ++t);
          sum += loss.getFloat();
          batches++;
        }
      }
      epochLoss = sum / batches;
      if (log != null) {
        log.printf(Locale.ROOT, "  epoch %d loss %.4f%n", e + 1, epochLoss);
      }
    }
    return new Trained(net, epochLoss, (cpuNanos() - c0) / 1e9);
  }

  private static void shuffle(int[] a, SplittableRandom rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int x = a[i];
      a[i] = a[j];
      a[j] = x;
    }
  }

  /** CPU time of the whole process (the engine's threads included). */
  static long cpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return System.nanoTime();
  }
}
