package org.gyrus.nn.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.gyrus.core.SpecCodec;
import org.gyrus.nn.kan.KanFit;
import org.gyrus.nn.kan.KanNet;

/**
 * KAN vs an MLP of about equal parameters on Feynman-style formulas (inputs mapped from [-1,1]),
 * 1000 train / 1000 test points, both fitted by the same full-batch L-BFGS (steps × 20 iterations).
 * Arguments: STEPS SEED.
 */
public final class KanVsMlp {
  private KanVsMlp() {}

  record Task(String id, String formula, int d, ToDoubleFunction<double[]> f) {}

  static final Task[] TASKS = {
    new Task(
        "I.6.2a",
        "exp(-t^2/2)/sqrt(2pi), t=3x1",
        1,
        p -> Math.exp(-9 * p[0] * p[0] / 2) / Math.sqrt(2 * Math.PI)),
    new Task(
        "I.12.11",
        "q(E + B v sin(th)), q=1+x1/2, E=x2, B=1+x3/2, v=x4, th=pi/2*x5",
        5,
        p -> (1 + p[0] / 2) * (p[1] + (1 + p[2] / 2) * p[3] * Math.sin(Math.PI / 2 * p[4]))),
    new Task(
        "I.15.3x",
        "(x - u t)/sqrt(1 - u^2/c^2), x=x1, u=x2/2, t=x3, c=1",
        3,
        p -> (p[0] - p[1] / 2 * p[2]) / Math.sqrt(1 - p[1] * p[1] / 4)),
    new Task(
        "I.9.18s",
        "m1 m2 / r^2, m1=1+x1/2, m2=1+x2/2, r=2+x3",
        3,
        p -> (1 + p[0] / 2) * (1 + p[1] / 2) / ((2 + p[2]) * (2 + p[2]))),
  };

  public static void main(String[] args) {
    int steps = Integer.parseInt(args[0]);
    int seed = Integer.parseInt(args[1]);
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      for (Task t : TASKS) {
        NDArray[] train = KanTutorial.data(m, t.f(), 1000, t.d(), new SplittableRandom(seed));
        NDArray[] test = KanTutorial.data(m, t.f(), 1000, t.d(), new SplittableRandom(seed + 99));
        String kan = "[{_type: kan, units: 5, grid: 5}, {_type: kan, units: 1, grid: 5}]";
        KanNet k = KanNet.of(SpecCodec.fromYaml(kan), t.d(), m, seed);
        int width = mlpWidth(t.d(), k.parameterCount());
        String mlp =
            "[{_type: dense, units: W, activation: tanh}, {_type: dense, units: W, activation:"
                + " tanh}, {_type: dense, units: 1}]";
        KanNet p = KanNet.of(SpecCodec.fromYaml(mlp.replace("W", "" + width)), t.d(), m, seed);
        for (KanNet net : new KanNet[] {k, p}) {
          long t0 = System.nanoTime();
          KanFit.lbfgs(net, train[0], train[1], steps);
          System.out.printf(
              Locale.ROOT,
              "task %s model %s params %d test_rmse %.3e seconds %.1f formula %s%n",
              t.id(),
              net == k ? "kan[d,5,1]g5" : "mlp[d," + width + "," + width + ",1]",
              net.parameterCount(),
              net.rmse(test[0], test[1]),
              (System.nanoTime() - t0) / 1e9,
              t.formula());
        }
      }
    }
  }

  /** Width of a two-hidden-layer MLP with parameters closest to target. */
  static int mlpWidth(int d, long target) {
    int best = 1;
    for (int w = 1; w < 200; w++) {
      long p = (long) d * w + w + (long) w * w + w + w + 1;
      long bp = (long) d * best + best + (long) best * best + best + best + 1;
      if (Math.abs(p - target) < Math.abs(bp - target)) {
        best = w;
      }
    }
    return best;
  }
}
