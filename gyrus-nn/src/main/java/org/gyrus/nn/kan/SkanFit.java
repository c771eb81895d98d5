package org.gyrus.nn.kan;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import org.gyrus.nn.train.Lbfgs;

/**
 * Space selection for a single {@code skan} layer fitted to y: Adam on {@link
 * SkanLayer#selectionLoss}, then {@link SkanLayer#prune} to one space per node, then Adam on the
 * pruned layer's plain MSE.
 */
public final class SkanFit {
  private SkanFit() {}

  /** Returns the chosen space per output node. */
  public static String[] select(KanNet net, NDArray x, NDArray y, int steps, double lr) {
    Block b = net.block();
    SkanLayer layer = find(b);
    // phase 1, weights frozen at uniform: the loss separates, so every space fits on its own;
    // phase 2, weights free: they move to the space with the lowest loss
    int from = (int) layer.coef.getArray().size();
    int to = from + (int) layer.alpha.getArray().size();
    Lbfgs.Objective sel =
        (w, g) -> net.objective(w, g, () -> layer.selectionLoss(net.store(), x, y));
    adam(
        net,
        steps,
        lr,
        (w, g) -> {
          double v = sel.value(w, g);
          java.util.Arrays.fill(g, from, to, 0);
          return v;
        });
    adam(net, steps / 2, lr, sel);
    String[] chosen = layer.prune();
    adam(net, steps, lr, (w, g) -> net.mse(w, g, x, y));
    return chosen;
  }

  static SkanLayer find(Block b) {
    if (b instanceof SkanLayer s) {
      return s;
    }
    for (var c : b.getChildren().values()) {
      SkanLayer s = find(c);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  private static void adam(KanNet net, int steps, double lr, Lbfgs.Objective f) {
    double[] w = net.flat();
    double[] g = new double[w.length];
    double[] m = new double[w.length];
    double[] v = new double[w.length];
    for (int t = 1; t <= steps; t++) {
      f.value(w, g);
      double bc1 = 1 - Math.pow(0.9, t);
      double bc2 = 1 - Math.pow(0.999, t);
      for (int i = 0; i < w.length; i++) {
        m[i] = 0.9 * m[i] + 0.1 * g[i];
        v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
        w[i] -= lr * (m[i] / bc1) / (Math.sqrt(v[i] / bc2) + 1e-8);
      }
    }
    net.setFlat(w);
  }
}
