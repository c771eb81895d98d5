package org.gyrus.nn.spiking;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gyrus.nn.data.Dataset;

/**
 * Continual learning of a spiking MLP (LIF hidden layer, LIF membrane readout) over a sequence of
 * tasks, with or without HLOP: after each task, Hebbian lateral neurons learn the principal
 * subspace of every layer's input activity ({@link OjaSubspace}, bias as a constant input), and
 * while later tasks train, each layer's Adam update is projected orthogonally to that subspace.
 */
public final class Hlop implements AutoCloseable {
  /** Sizes and rates. */
  public record Config(
      int hidden,
      int steps,
      double lr,
      int batch,
      int epochs,
      int subspaceIn,
      int subspaceHidden,
      int hebbianSamples,
      boolean project,
      long seed) {}

  private final Config c;
  private final NDManager m;
  private final LifLayer hiddenLayer;
  private final LifLayer readout;
  private final ParameterStore ps;
  private final OjaSubspace inSpace;
  private final OjaSubspace hiddenSpace;
  private final Map<String, NDArray[]> adam = new HashMap<>();
  private final SplittableRandom rng;
  private long step;

  public Hlop(Config config, int inputs, int classes) {
    this.c = config;
    this.m = Engine.getEngine("PyTorch").newBaseManager();
    Engine.getEngine("PyTorch").setRandomSeed((int) config.seed());
    hiddenLayer =
        new LifLayer(inputs, c.hidden(), c.steps(), 0.95, 1.0, 2.0, LifLayer.Output.SPIKES, false);
    readout =
        new LifLayer(
            c.hidden(), classes, c.steps(), 0.95, 1.0, 2.0, LifLayer.Output.MEMBRANE, false);
    hiddenLayer.initialize(m, DataType.FLOAT32, new Shape(1, inputs));
    readout.initialize(m, DataType.FLOAT32, new Shape(1, c.steps(), c.hidden()));
    ps = new ParameterStore(m, false);
    inSpace = new OjaSubspace(inputs + 1);
    hiddenSpace = new OjaSubspace(c.hidden() + 1);
    rng = new SplittableRandom(config.seed());
    adam.put(
        "h",
        new NDArray[] {
          m.zeros(new Shape(inputs + 1, c.hidden())), m.zeros(new Shape(inputs + 1, c.hidden()))
        });
    adam.put(
        "o",
        new NDArray[] {
          m.zeros(new Shape(c.hidden() + 1, classes)), m.zeros(new Shape(c.hidden() + 1, classes))
        });
  }

  /** Trains on one task for the configured epochs, then (with HLOP) extends the subspaces. */
  public void learnTask(Dataset task) {
    int n = task.size();
    int per = task.exampleSize();
    for (int e = 0; e < c.epochs(); e++) {
      int[] order = Dataset.permutation(n, rng);
      for (int b = 0; b + c.batch() <= n; b += c.batch()) {
        try (NDScope scope = new NDScope()) {
          scope.suppressNotUsedWarning();
          float[] xb = new float[c.batch() * per];
          float[] yb = new float[c.batch()];
          for (int i = 0; i < c.batch(); i++) {
            System.arraycopy(task.x(), order[b + i] * per, xb, i * per, per);
            yb[i] = task.y()[order[b + i]];
          }
          NDArray x = m.create(xb, new Shape(c.batch(), per));
          NDArray y = m.create(yb, new Shape(c.batch(), 1)).toType(DataType.INT64, false);
          try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray logits = forward(x, true);
            gc.backward(logits.logSoftmax(1).gather(y, 1).neg().mean());
          }
          step++;
          update(hiddenLayer, inSpace, "h");
          update(readout, hiddenSpace, "o");
        }
      }
    }
    if (c.project()) {
      learnSubspaces(task);
    }
  }

  private NDArray forward(NDArray x, boolean training) {
    NDArray spikes = hiddenLayer.forward(ps, new NDList(x), training).singletonOrThrow();
    return readout.forward(ps, new NDList(spikes), training).singletonOrThrow();
  }

  /** Adam step on [W; b], projected orthogonally to the layer's input subspace when enabled. */
  private void update(LifLayer layer, OjaSubspace space, String name) {
    Parameter w = layer.getParameters().get("weight");
    Parameter b = layer.getParameters().get("bias");
    NDArray wa = w.getArray();
    NDArray ba = b.getArray();
    NDArray g = wa.getGradient().concat(ba.getGradient().reshape(1, -1), 0);
    NDArray[] st = adam.get(name);
    st[0].muli(0.9).addi(g.mul(0.1));
    st[1].muli(0.999).addi(g.square().mul(0.001));
    double c1 = 1 - Math.pow(0.9, step);
    double c2 = 1 - Math.pow(0.999, step);
    NDArray delta = st[0].div(c1).div(st[1].div(c2).sqrt().add(1e-8)).mul(-c.lr());
    if (c.project()) {
      delta = space.project(delta);
    }
    long rows = wa.getShape().get(0);
    wa.addi(delta.get("0:" + rows + ", :"));
    ba.addi(delta.get(rows + ":, :").reshape(ba.getShape()));
    ai.djl.pytorch.jni.JniUtils.zeroGrad((ai.djl.pytorch.engine.PtNDArray) wa);
    ai.djl.pytorch.jni.JniUtils.zeroGrad((ai.djl.pytorch.engine.PtNDArray) ba);
  }

  /** Hebbian (Oja) learning of new subspace rows from this task's layer inputs. */
  private void learnSubspaces(Dataset task) {
    int per = task.exampleSize();
    int count = Math.min(c.hebbianSamples(), task.size());
    List<double[]> in = new ArrayList<>();
    List<double[]> hid = new ArrayList<>();
    float[] xb = new float[count * per];
    System.arraycopy(task.x(), 0, xb, 0, count * per);
    for (int i = 0; i < count; i++) {
      double[] v = new double[per + 1];
      for (int j = 0; j < per; j++) {
        v[j] = xb[i * per + j];
      }
      v[per] = 1;
      in.add(v);
    }
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray spikes =
          hiddenLayer
              .forward(ps, new NDList(m.create(xb, new Shape(count, per))), false)
              .singletonOrThrow();
      float[] s = spikes.toFloatArray();
      int h = c.hidden();
      for (int i = 0; i < count; i++) {
        int t = rng.nextInt(c.steps()); // one time step per image keeps the sample count fixed
        double[] v = new double[h + 1];
        for (int j = 0; j < h; j++) {
          v[j] = s[(i * c.steps() + t) * h + j];
        }
        v[h] = 1;
        hid.add(v);
      }
    }
    inSpace.learn(in, c.subspaceIn(), 3, 0.5 / meanSquare(in, inSpace), rng);
    hiddenSpace.learn(hid, c.subspaceHidden(), 3, 0.5 / meanSquare(hid, hiddenSpace), rng);
  }

  private static double meanSquare(List<double[]> xs, OjaSubspace space) {
    double s = 0;
    for (double[] x : xs) {
      for (double v : space.residual(x)) {
        s += v * v;
      }
    }
    return Math.max(s / xs.size(), 1e-9);
  }

  /** Test accuracy of the current network on a data set (argmax of the mean membrane). */
  public double accuracy(Dataset d) {
    int per = d.exampleSize();
    int correct = 0;
    for (int b = 0; b < d.size(); b += 500) {
      int k = Math.min(500, d.size() - b);
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        float[] xb = new float[k * per];
        System.arraycopy(d.x(), b * per, xb, 0, k * per);
        long[] pred = forward(m.create(xb, new Shape(k, per)), false).argMax(1).toLongArray();
        for (int i = 0; i < k; i++) {
          correct += pred[i] == d.y()[b + i] ? 1 : 0;
        }
      }
    }
    return (double) correct / d.size();
  }

  public int subspaceRows() {
    return inSpace.size() + hiddenSpace.size();
  }

  /** A copy of {@code d} with every image's pixels permuted by {@code perm}. */
  public static Dataset permute(Dataset d, int[] perm, String name) {
    int per = d.exampleSize();
    float[] x = new float[d.x().length];
    for (int i = 0; i < d.size(); i++) {
      for (int j = 0; j < per; j++) {
        x[i * per + j] = d.x()[i * per + perm[j]];
      }
    }
    return new Dataset(name, x, d.y(), new Shape(per), d.classes());
  }

  @Override
  public void close() {
    m.close();
  }
}
