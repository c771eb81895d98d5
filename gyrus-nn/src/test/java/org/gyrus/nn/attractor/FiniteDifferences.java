package org.gyrus.nn.attractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.SplittableRandom;

/**
 * Autograd of an initialised float64 block against central differences of loss = Σ out·r, for every
 * input entry and up to 12 entries of each parameter (shared by the issue-19 block tests).
 */
public final class FiniteDifferences {
  private static final double H = 1e-6;

  private FiniteDifferences() {}

  public static void check(NDManager m, Block block, NDArray x, double tolerance) {
    SplittableRandom rng = new SplittableRandom(9);
    ParameterStore ps = new ParameterStore(m, false);
    Shape outShape = block.forward(ps, new NDList(x), false).singletonOrThrow().getShape();
    double[] rv = new double[(int) outShape.size()];
    for (int i = 0; i < rv.length; i++) {
      rv[i] = rng.nextDouble(-1, 1);
    }
    NDArray r = m.create(rv, outShape);
    x.setRequiresGradient(true);
    try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
      NDArray out = block.forward(ps, new NDList(x), true).singletonOrThrow();
      gc.backward(out.mul(r).sum());
    }
    double[] gx = x.getGradient().toDoubleArray();
    double[] xv = x.toDoubleArray();
    for (int i = 0; i < xv.length; i++) {
      double[] plus = xv.clone();
      double[] minus = xv.clone();
      plus[i] += H;
      minus[i] -= H;
      double fd =
          (loss(m, block, ps, plus, x.getShape(), r) - loss(m, block, ps, minus, x.getShape(), r))
              / (2 * H);
      assertThat(gx[i]).as("d loss / d x[%d]", i).isCloseTo(fd, within(tolerance));
    }
    NDArray xc = m.create(xv, x.getShape());
    for (var pair : block.getParameters()) {
      Parameter p = pair.getValue();
      NDArray w = p.getArray();
      double[] g = w.getGradient().toDoubleArray();
      double[] wv = w.toDoubleArray();
      for (int k = 0; k < Math.min(12, wv.length); k++) {
        int i = rng.nextInt(wv.length);
        double keep = wv[i];
        wv[i] = keep + H;
        w.set(wv);
        double up = loss(m, block, ps, xv, xc.getShape(), r);
        wv[i] = keep - H;
        w.set(wv);
        double down = loss(m, block, ps, xv, xc.getShape(), r);
        wv[i] = keep;
        w.set(wv);
        assertThat(g[i])
            .as("d loss / d %s[%d]", pair.getKey(), i)
            .isCloseTo((up - down) / (2 * H), within(tolerance));
      }
    }
  }

  private static double loss(
      NDManager m, Block block, ParameterStore ps, double[] xv, Shape shape, NDArray r) {
    NDArray out = block.forward(ps, new NDList(m.create(xv, shape)), false).singletonOrThrow();
    return out.mul(r).sum().getDouble();
  }
}
