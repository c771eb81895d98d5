package org.gyrus.nn.spiking;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.RNN;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.nn.data.Dataset;

/**
 * Readouts and the trained baseline for the reservoir comparison: a linear softmax readout on
 * (standardised) reservoir features, and an Elman tanh RNN trained end to end by BPTT whose readout
 * sees the mean hidden state in each of the same time windows (so its readout has the same size as
 * the reservoirs' for the same hidden width). Adam, batch 128, seeded.
 */
public final class SequenceModels {
  private SequenceModels() {}

  /** Trains a linear readout on {@code train} features; returns accuracy on {@code test}. */
  public static double linearReadout(
      float[] train, int[] y, float[] test, int[] yt, int features, int epochs, long seed) {
    float[][] st = standardise(train, test, features);
    Block block = Linear.builder().setUnits(10).build();
    return fitAndScore(block, new Shape(features), st[0], y, st[1], yt, epochs, 1e-3, seed);
  }

  /** Trains an RNN (hidden units, readout over window means); returns test accuracy. */
  public static double trainedRnn(
      float[] train,
      int[] y,
      float[] test,
      int[] yt,
      int steps,
      int inputs,
      int hidden,
      int windows,
      int epochs,
      long seed) {
    SequentialBlock block = new SequentialBlock();
    block.add(
        RNN.builder()
            .setStateSize(hidden)
            .setNumLayers(1)
            .optBatchFirst(true)
            .setActivation(RNN.Activation.TANH)
            .build());
    block.add(
        LambdaBlock.singleton(
            h ->
                h.reshape(h.getShape().get(0), windows, steps / windows, hidden)
                    .mean(new int[] {2})
                    .reshape(h.getShape().get(0), windows * hidden),
            "window_mean"));
    block.add(Linear.builder().setUnits(10).build());
    return fitAndScore(block, new Shape(steps, inputs), train, y, test, yt, epochs, 1e-3, seed);
  }

  private static double fitAndScore(
      Block block,
      Shape example,
      float[] x,
      int[] y,
      float[] xt,
      int[] yt,
      int epochs,
      double lr,
      long seed) {
    Engine engine = Engine.getEngine("PyTorch");
    engine.setRandomSeed((int) seed);
    int per = (int) example.size();
    int batch = 128;
    try (NDManager m = engine.newBaseManager()) {
      long[] dims = new long[example.dimension() + 1];
      dims[0] = batch;
      for (int d = 0; d < example.dimension(); d++) {
        dims[d + 1] = example.get(d);
      }
      block.initialize(m, DataType.FLOAT32, new Shape(dims));
      List<NDArray[]> adam = new ArrayList<>();
      for (var pair : block.getParameters()) {
        NDArray w = pair.getValue().getArray();
        adam.add(new NDArray[] {w, m.zeros(w.getShape()), m.zeros(w.getShape())});
      }
      int step = 0;
      ParameterStore ps = new ParameterStore(m, false);
      SplittableRandom rng = new SplittableRandom(seed);
      int n = y.length;
      for (int e = 0; e < epochs; e++) {
        int[] order = Dataset.permutation(n, rng);
        for (int b = 0; b + batch <= n; b += batch) {
          try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            float[] xb = new float[batch * per];
            float[] yb = new float[batch];
            for (int i = 0; i < batch; i++) {
              System.arraycopy(x, order[b + i] * per, xb, i * per, per);
              yb[i] = y[order[b + i]];
            }
            dims[0] = batch;
            NDArray in = m.create(xb, new Shape(dims));
            NDArray lab = m.create(yb, new Shape(batch, 1)).toType(DataType.INT64, false);
            try (GradientCollector gc = engine.newGradientCollector()) {
              NDArray logits = block.forward(ps, new NDList(in), true).singletonOrThrow();
              gc.backward(logits.logSoftmax(1).gather(lab, 1).neg().mean());
            }
            step++;
            for (NDArray[] st : adam) {
              adamStep(st, step, lr);
            }
          }
        }
      }
      int correct = 0;
      for (int b = 0; b < yt.length; b += 500) {
        int k = Math.min(500, yt.length - b);
        try (NDScope scope = new NDScope()) {
          scope.suppressNotUsedWarning();
          float[] xb = new float[k * per];
          System.arraycopy(xt, b * per, xb, 0, k * per);
          dims[0] = k;
          long[] pred =
              block
                  .forward(ps, new NDList(m.create(xb, new Shape(dims))), false)
                  .singletonOrThrow()
                  .argMax(1)
                  .toLongArray();
          for (int i = 0; i < k; i++) {
            correct += pred[i] == yt[b + i] ? 1 : 0;
          }
        }
      }
      return (double) correct / yt.length;
    }
  }

  /** One Adam step (β 0.9, 0.999) on {weight, m, v}; the gradient is zeroed after. */
  static void adamStep(NDArray[] st, int step, double lr) {
    NDArray g = st[0].getGradient();
    st[1].muli(0.9).addi(g.mul(0.1));
    st[2].muli(0.999).addi(g.square().mul(0.001));
    double c1 = 1 - Math.pow(0.9, step);
    double c2 = 1 - Math.pow(0.999, step);
    st[0].subi(st[1].div(c1).div(st[2].div(c2).sqrt().add(1e-8)).mul(lr));
    g.subi(g);
  }

  /** Per-feature standardisation with training statistics (constant features left at 0). */
  static float[][] standardise(float[] train, float[] test, int f) {
    int n = train.length / f;
    double[] mean = new double[f];
    double[] sq = new double[f];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < f; j++) {
        double v = train[i * f + j];
        mean[j] += v / n;
        sq[j] += v * v / n;
      }
    }
    float[][] out = {train.clone(), test.clone()};
    for (float[] a : out) {
      for (int i = 0; i < a.length; i++) {
        int j = i % f;
        double sd = Math.sqrt(Math.max(sq[j] - mean[j] * mean[j], 0));
        a[i] = sd < 1e-9 ? 0 : (float) ((a[i] - mean[j]) / sd);
      }
    }
    return out;
  }

  /** Features of every sequence in a data set (examples of steps × inputs values). */
  public static float[] features(Reservoir r, Dataset d, int steps) {
    int per = d.exampleSize();
    float[] out = new float[d.size() * r.features()];
    float[] seq = new float[per];
    for (int i = 0; i < d.size(); i++) {
      System.arraycopy(d.x(), i * per, seq, 0, per);
      System.arraycopy(r.run(seq, steps), 0, out, i * r.features(), r.features());
    }
    return out;
  }
}
