package org.gyrus.nn.kan;

import ai.djl.ndarray.NDArray;
import org.gyrus.nn.train.Lbfgs;

/**
 * Full-batch regression of a {@link KanNet}, as pykan's {@code fit}: each step is one L-BFGS call
 * of up to 20 iterations (history 10, strong Wolfe), and for the first 50 steps the grids follow
 * the data every 5 steps; or plain Adam steps.
 */
public final class KanFit {
  private KanFit() {}

  /** pykan's defaults: grid updates every 5 steps before step 50. */
  public static double lbfgs(KanNet net, NDArray x, NDArray y, int steps) {
    return lbfgs(net, x, y, steps, 5, 50);
  }

  /** Returns the final training MSE. */
  public static double lbfgs(
      KanNet net, NDArray x, NDArray y, int steps, int gridEvery, int gridUntil) {
    double[] w = net.flat();
    Lbfgs opt = new Lbfgs(10);
    double loss = Double.NaN;
    for (int s = 0; s < steps; s++) {
      if (gridEvery > 0 && s % gridEvery == 0 && s < gridUntil) {
        net.setFlat(w);
        KanGrid.update(net, x);
        w = net.flat();
        opt = new Lbfgs(10);
      }
      loss = opt.minimise((v, g) -> net.mse(v, g, x, y), w, 20);
      if (System.getenv("KAN_DEBUG") != null) {
        System.err.println("step " + s + " mse " + loss + " evals " + opt.evaluations());
      }
    }
    net.setFlat(w);
    return loss;
  }

  /** Full-batch Adam (PyTorch's defaults but lr); returns the final training loss. */
  public static double adam(KanNet net, NDArray x, NDArray y, int steps, double lr) {
    return adam(net, x, y, steps, lr, 0);
  }

  /** Adam on MSE + lambda·(KAN edge L1), see {@link KanNet#loss}. */
  public static double adam(KanNet net, NDArray x, NDArray y, int steps, double lr, double lambda) {
    double[] w = net.flat();
    double[] g = new double[w.length];
    double[] m = new double[w.length];
    double[] v = new double[w.length];
    double loss = Double.NaN;
    for (int t = 1; t <= steps; t++) {
      loss = net.loss(w, g, x, y, lambda);
      double bc1 = 1 - Math.pow(0.9, t);
      double bc2 = 1 - Math.pow(0.999, t);
      for (int i = 0; i < w.length; i++) {
        m[i] = 0.9 * m[i] + 0.1 * g[i];
        v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
        w[i] -= lr * (m[i] / bc1) / (Math.sqrt(v[i] / bc2) + 1e-8);
      }
    }
    net.setFlat(w);
    return loss;
  }
}
