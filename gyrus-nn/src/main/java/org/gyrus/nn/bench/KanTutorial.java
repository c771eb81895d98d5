package org.gyrus.nn.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.gyrus.core.SpecCodec;
import org.gyrus.nn.kan.KanFit;
import org.gyrus.nn.kan.KanGrid;
import org.gyrus.nn.kan.KanNet;
import org.gyrus.nn.kan.SymbolicKan;

/**
 * pykan's grid-extension tutorial: f(x,y) = exp(sin(πx) + y²), a [2,1,1] KAN with k=3, 1000 train
 * and 1000 test points uniform in [-1,1]², L-BFGS steps per grid, grids 3 → 10 → 20 → 50. Prints
 * one line per grid: {@code grid G params P train_rmse R test_rmse T test_rmse_in_range I in_range
 * K seconds S} (I over the K test points inside the training range of every layer's input, see
 * {@link #inRange}).
 */
public final class KanTutorial {
  private KanTutorial() {}

  public static void main(String[] args) {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int seed = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    int[] grids = {3, 10, 20, 50};
    ToDoubleFunction<double[]> f = p -> Math.exp(Math.sin(Math.PI * p[0]) + p[1] * p[1]);
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      NDArray[] train = data(m, f, 1000, 2, new SplittableRandom(seed));
      NDArray[] test = data(m, f, 1000, 2, new SplittableRandom(seed + 1000));
      KanNet net =
          KanNet.of(
              SpecCodec.fromYaml(
                  "[{_type: kan, units: 1, grid: 3}, {_type: kan, units: 1, grid: 3}]"),
              2,
              m,
              seed);
      for (int i = 0; i < grids.length; i++) {
        long t0 = System.nanoTime();
        if (i > 0) {
          net = KanGrid.refine(net, grids[i], train[0], seed);
        }
        double mse = KanFit.lbfgs(net, train[0], train[1], steps);
        double[] in = inRange(net, train[0], test[0], test[1]);
        System.out.printf(
            Locale.ROOT,
            "grid %d params %d train_rmse %.3e test_rmse %.3e test_rmse_in_range %.3e in_range %d"
                + " seconds %.1f%n",
            grids[i],
            net.parameterCount(),
            Math.sqrt(mse),
            net.rmse(test[0], test[1]),
            in[0],
            (int) in[1],
            (System.nanoTime() - t0) / 1e9);
      }
      long t0 = System.nanoTime();
      SymbolicKan sym = SymbolicKan.snap(net, train[0]);
      double[] xs = train[0].toDoubleArray();
      double[] ys = train[1].toDoubleArray();
      double before = sym.rmse(test[0].toDoubleArray(), test[1].toDoubleArray());
      sym.tune(xs, ys, 200);
      System.out.printf(
          Locale.ROOT,
          "symbolic edges %s snapped_test_rmse %.3e tuned_test_rmse %.3e seconds %.1f%n",
          sym.functions(),
          before,
          sym.rmse(test[0].toDoubleArray(), test[1].toDoubleArray()),
          (System.nanoTime() - t0) / 1e9);
      System.out.println("formula " + sym.formula());
    }
  }

  /**
   * Test RMSE over the test points whose input to every KAN layer lies inside the range of that
   * layer's training inputs, and their count: {rmse, count}. A spline is only pinned where samples
   * are; a test point past the extremes of a hidden layer's training inputs is extrapolated
   * (B-spline bases fall to 0 over the k intervals past the grid), and one such point can dominate
   * the test RMSE at fine grids.
   */
  public static double[] inRange(KanNet net, NDArray trainX, NDArray testX, NDArray testY) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      List<NDArray> tr = net.kanInputs(trainX);
      List<NDArray> te = net.kanInputs(testX);
      int n = (int) testX.getShape().get(0);
      boolean[] inside = new boolean[n];
      Arrays.fill(inside, true);
      for (int l = 0; l < tr.size(); l++) {
        double[] lo = tr.get(l).min(new int[] {0}).toDoubleArray();
        double[] hi = tr.get(l).max(new int[] {0}).toDoubleArray();
        double[] v = te.get(l).toDoubleArray();
        for (int r = 0; r < n; r++) {
          for (int j = 0; j < lo.length; j++) {
            double x = v[r * lo.length + j];
            inside[r] &= x >= lo[j] && x <= hi[j];
          }
        }
      }
      double[] err = net.forward(testX).sub(testY).toDoubleArray();
      double sum = 0;
      int count = 0;
      for (int r = 0; r < n; r++) {
        if (inside[r]) {
          sum += err[r] * err[r];
          count++;
        }
      }
      return new double[] {Math.sqrt(sum / Math.max(count, 1)), count};
    }
  }

  /** n points uniform in [-1,1]^d and f at them, float64: {x (n,d), y (n,1)}. */
  public static NDArray[] data(
      NDManager m, ToDoubleFunction<double[]> f, int n, int d, SplittableRandom rng) {
    double[] x = new double[n * d];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double[] p = new double[d];
      for (int j = 0; j < d; j++) {
        p[j] = rng.nextDouble(-1, 1);
        x[i * d + j] = p[j];
      }
      y[i] = f.applyAsDouble(p);
    }
    return new NDArray[] {m.create(x, new Shape(n, d)), m.create(y, new Shape(n, 1))};
  }
}
