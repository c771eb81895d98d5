package org.gyrus.nn.spiking;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.nn.data.Dataset;

/**
 * Trains a {@link SpikeTransformer} on a spike raster (bins [K, split) for training, [split, T) for
 * testing; next-bin Bernoulli likelihood, Adam, batch 128) and reads out test predictions, the mean
 * attention i ← j over test bins, and the mean attention i ← j over the test bins right after j
 * spiked (the bins in which that weight carries j's spike to i).
 */
public final class NeuroformerFit {
  /** Test predictions (probabilities, bins × neurons), targets, and mean attention (N × N). */
  public record Result(
      float[] probabilities,
      float[] targets,
      double[][] attention,
      double[][] attentionAfterSpike,
      double trainLoss) {}

  private NeuroformerFit() {}

  public static Result run(
      float[] spikes, int n, int window, int dim, int split, int epochs, double lr, long seed) {
    int steps = spikes.length / n;
    Engine engine = Engine.getEngine("PyTorch");
    engine.setRandomSeed((int) seed);
    double fired = 0;
    for (int t = 0; t < split * n; t++) {
      fired += spikes[t];
    }
    double rate = Math.min(Math.max(fired / ((double) split * n), 1e-4), 0.5);
    SpikeTransformer model = new SpikeTransformer(n, window, dim, rate);
    try (NDManager m = engine.newBaseManager()) {
      int batch = 128;
      model.initialize(m, DataType.FLOAT32, new Shape(batch, n, window));
      List<NDArray[]> adam = new ArrayList<>();
      for (var p : model.getParameters()) {
        NDArray w = p.getValue().getArray();
        adam.add(new NDArray[] {w, m.zeros(w.getShape()), m.zeros(w.getShape())});
      }
      var ps = new ai.djl.training.ParameterStore(m, false);
      SplittableRandom rng = new SplittableRandom(seed);
      int count = split - window;
      int step = 0;
      double lossSum = 0;
      int lossN = 0;
      for (int e = 0; e < epochs; e++) {
        int[] order = Dataset.permutation(count, rng);
        lossSum = 0;
        lossN = 0;
        for (int b = 0; b + batch <= count; b += batch) {
          try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            int[] ts = new int[batch];
            for (int i = 0; i < batch; i++) {
              ts[i] = window + order[b + i];
            }
            NDArray x = m.create(histories(spikes, n, window, ts), new Shape(batch, n, window));
            NDArray y = m.create(targets(spikes, n, ts), new Shape(batch, n));
            try (var gc = engine.newGradientCollector()) {
              NDArray logits = model.forward(ps, new NDList(x), true).singletonOrThrow();
              // Bernoulli NLL with logits: softplus(z) - y z, written stably
              NDArray loss =
                  logits
                      .clip(0, Float.MAX_VALUE)
                      .sub(logits.mul(y))
                      .add(logits.abs().neg().exp().add(1).log())
                      .mean();
              gc.backward(loss);
              lossSum += loss.getFloat();
              lossN++;
            }
            step++;
            for (NDArray[] st : adam) {
              SequenceModels.adamStep(st, step, lr);
            }
          }
        }
      }
      int testN = steps - split;
      float[] prob = new float[testN * n];
      float[] tgt = new float[testN * n];
      double[][] att = new double[n][n];
      double[][] afterSpike = new double[n][n];
      double[] preSpikes = new double[n];
      for (int b = 0; b < testN; b += 500) {
        int k = Math.min(500, testN - b);
        try (NDScope scope = new NDScope()) {
          scope.suppressNotUsedWarning();
          int[] ts = new int[k];
          for (int i = 0; i < k; i++) {
            ts[i] = split + b + i;
          }
          NDArray x = m.create(histories(spikes, n, window, ts), new Shape(k, n, window));
          float[] p =
              ai.djl.nn.Activation.sigmoid(
                      model.forward(ps, new NDList(x), false).singletonOrThrow())
                  .toFloatArray();
          System.arraycopy(p, 0, prob, b * n, k * n);
          System.arraycopy(targets(spikes, n, ts), 0, tgt, b * n, k * n);
          float[] a = model.attention(ps, x).toFloatArray();
          for (int s = 0; s < k; s++) {
            for (int j = 0; j < n; j++) {
              boolean pre = spikes[(ts[s] - 1) * n + j] > 0;
              preSpikes[j] += pre ? 1 : 0;
              for (int i = 0; i < n; i++) {
                float v = a[(s * n + i) * n + j];
                att[i][j] += v / testN;
                afterSpike[i][j] += pre ? v : 0;
              }
            }
          }
        }
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          afterSpike[i][j] /= Math.max(1, preSpikes[j]);
        }
      }
      return new Result(prob, tgt, att, afterSpike, lossSum / Math.max(1, lossN));
    }
  }

  /** (B, N, K): for each bin t, every neuron's spikes in bins t-K .. t-1. */
  static float[] histories(float[] spikes, int n, int window, int[] ts) {
    float[] x = new float[ts.length * n * window];
    for (int b = 0; b < ts.length; b++) {
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < window; k++) {
          x[(b * n + i) * window + k] = spikes[(ts[b] - window + k) * n + i];
        }
      }
    }
    return x;
  }

  static float[] targets(float[] spikes, int n, int[] ts) {
    float[] y = new float[ts.length * n];
    for (int b = 0; b < ts.length; b++) {
      System.arraycopy(spikes, ts[b] * n, y, b * n, n);
    }
    return y;
  }

  /** Area under the ROC curve of scores against binary labels (ties counted half). */
  public static double auroc(double[] scores, boolean[] labels) {
    Integer[] idx = new Integer[scores.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (a, b) -> Double.compare(scores[a], scores[b]));
    double rankSum = 0;
    long pos = 0;
    int i = 0;
    while (i < idx.length) {
      int j = i;
      while (j + 1 < idx.length && scores[idx[j + 1]] == scores[idx[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (labels[idx[k]]) {
          rankSum += rank;
          pos++;
        }
      }
      i = j + 1;
    }
    long neg = scores.length - pos;
    return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }
}
