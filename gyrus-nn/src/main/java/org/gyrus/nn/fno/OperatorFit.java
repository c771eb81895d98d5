package org.gyrus.nn.fno;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.blocks.SpecCompiler;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.train.Optimizer;
import org.gyrus.nn.train.Recipe;

/**
 * Trains a spec as an operator from input fields to output fields with FNO's loss (relative L2 per
 * sample, averaged), Adam with the lr halved every quarter of the epochs. The model is built for
 * the training resolution; evaluation accepts any resolution the layers allow.
 */
public final class OperatorFit {
  private final NDManager manager;
  private final Block block;
  private final ParameterStore ps;
  private final long params;

  public OperatorFit(Value spec, Shape example, NDManager manager, int seed) {
    this.manager = manager;
    SpecCompiler c = SpecCompiler.standard();
    var a = c.analyse(spec, example, "model");
    CompiledModel cm =
        new CompiledModel(spec, c.build(spec, example, "model"), example, a.output(), 0, 0);
    manager.getEngine().setRandomSeed(seed);
    this.block = cm.initialize(manager, DataType.FLOAT32);
    this.ps = new ParameterStore(manager, false);
    this.params = a.params();
  }

  public long params() {
    return params;
  }

  /**
   * x (n, C, ...) and y (n, C', ...) as float arrays with per-example shapes. With yMean and yStd
   * (one example's size each; null = none) the model predicts y normalised point by point (Li et
   * al.'s UnitGaussianNormalizer): its output is decoded as out·yStd + yMean before the loss and
   * the evaluation, which stay on y as given.
   */
  public record Fields(
      float[] x, Shape xShape, float[] y, Shape yShape, int n, float[] yMean, float[] yStd) {
    public Fields(float[] x, Shape xShape, float[] y, Shape yShape, int n) {
      this(x, xShape, y, yShape, n, null, null);
    }

    /** The model's output in y's units. */
    NDArray decode(NDArray out) {
      if (yMean == null) {
        return out;
      }
      NDManager m = out.getManager();
      Shape one = new Shape(1).addAll(yShape);
      return out.mul(m.create(yStd, one)).add(m.create(yMean, one));
    }

    NDArray xs(NDManager m, int from, int count) {
      return slice(m, x, xShape, from, count);
    }

    NDArray ys(NDManager m, int from, int count) {
      return slice(m, y, yShape, from, count);
    }

    private static NDArray slice(NDManager m, float[] v, Shape s, int from, int count) {
      int per = (int) s.size();
      float[] part = new float[per * count];
      System.arraycopy(v, from * per, part, 0, part.length);
      return m.create(part, new Shape(count).addAll(s));
    }
  }

  public void train(Fields data, int epochs, int batch, double lr, int seed) {
    List<NDArray> ws = new ArrayList<>();
    for (Parameter p : block.getParameters().values()) {
      if (p.requiresGradient()) {
        ws.add(p.getArray());
      }
    }
    Optimizer opt = Optimizer.of(Recipe.defaults(), ws);
    SplittableRandom rng = new SplittableRandom(seed);
    long t = 0;
    for (int e = 0; e < epochs; e++) {
      int[] order = Dataset.permutation(data.n(), rng);
      double rate = lr * Math.pow(0.5, (4 * e) / Math.max(1, epochs));
      for (int off = 0; off + batch <= data.n(); off += batch) {
        try (NDScope scope = new NDScope()) {
          scope.suppressNotUsedWarning();
          NDArray x = gather(data, order, off, batch, true);
          NDArray y = gather(data, order, off, batch, false);
          try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
            NDArray out = block.forward(ps, new NDList(x), true).singletonOrThrow();
            gc.backward(relativeL2(data.decode(out), y).mean());
          }
          opt.stepAndZero(ws, (float) rate, ++t);
        }
      }
    }
  }

  private NDArray gather(Fields d, int[] order, int off, int batch, boolean input) {
    Shape s = input ? d.xShape() : d.yShape();
    float[] src = input ? d.x() : d.y();
    int per = (int) s.size();
    float[] v = new float[per * batch];
    for (int i = 0; i < batch; i++) {
      System.arraycopy(src, order[off + i] * per, v, i * per, per);
    }
    return manager.create(v, new Shape(batch).addAll(s));
  }

  /** Mean relative L2 error over the examples of d. */
  public double evaluate(Fields d) {
    double sum = 0;
    for (int off = 0; off < d.n(); off += 50) {
      int count = Math.min(50, d.n() - off);
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        NDArray out =
            block.forward(ps, new NDList(d.xs(manager, off, count)), false).singletonOrThrow();
        sum += relativeL2(d.decode(out), d.ys(manager, off, count)).sum().getFloat();
      }
    }
    return sum / d.n();
  }

  /** ||out - y|| / ||y|| per example. */
  static NDArray relativeL2(NDArray out, NDArray y) {
    long n = y.getShape().get(0);
    NDArray diff = out.sub(y).reshape(n, -1).square().sum(new int[] {1}).sqrt();
    return diff.div(y.reshape(n, -1).square().sum(new int[] {1}).sqrt());
  }
}
