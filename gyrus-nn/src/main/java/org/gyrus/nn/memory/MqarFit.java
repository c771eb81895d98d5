package org.gyrus.nn.memory;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
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
import org.gyrus.core.Value.Node;
import org.gyrus.nn.Scalars;
import org.gyrus.nn.blocks.Analysis;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.blocks.SpecCompiler;
import org.gyrus.nn.data.Mqar;
import org.gyrus.nn.train.Optimizer;
import org.gyrus.nn.train.Recipe;

/**
 * Trains a one-mixer language model on MQAR: embedding → x + mixer(x) → layer norm → dense to the
 * vocabulary, cross-entropy at the query positions only (Adam, fresh sequences every step).
 */
public final class MqarFit {
  private final NDManager manager;
  private final Block block;
  private final ParameterStore ps;
  private final long params;
  private final Mqar task;

  /** The model for {@code task}, with {@code mixer} (a spec node on (T,D)) at width {@code dim}. */
  public MqarFit(Value mixer, int dim, Mqar task, NDManager manager, int seed) {
    this.manager = manager;
    this.task = task;
    Value spec = model(mixer, dim, task.vocab());
    Shape in = new Shape(task.length());
    SpecCompiler c = SpecCompiler.standard();
    Analysis a = c.analyse(spec, in, "model");
    manager.getEngine().setRandomSeed(seed);
    this.block =
        new CompiledModel(spec, c.build(spec, in, "model"), in, a.output(), 0, 0)
            .initialize(manager, DataType.FLOAT32);
    this.ps = new ParameterStore(manager, false);
    this.params = a.params();
  }

  /** The spec the fit trains: a list of layers over token ids (T). */
  public static Value model(Value mixer, int dim, int vocab) {
    return Value.ListVal.of(
        Node.of("embedding", "vocab", vocab, "dim", dim),
        Node.of("residual", "body", Value.ListVal.of(mixer)),
        Node.of("layer_norm"),
        Node.of("dense", "units", vocab));
  }

  public long params() {
    return params;
  }

  /** {@code steps} Adam steps on batches of fresh sequences; returns the mean loss of each step. */
  public double[] train(int steps, int batch, double lr, SplittableRandom rng) {
    List<NDArray> ws = new ArrayList<>();
    for (Parameter p : block.getParameters().values()) {
      if (p.requiresGradient()) {
        ws.add(p.getArray());
      }
    }
    Optimizer opt = Optimizer.of(Recipe.defaults(), ws);
    double[] losses = new double[steps];
    for (int s = 0; s < steps; s++) {
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        Mqar.Batch b = task.sample(batch, rng);
        NDArray loss;
        try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
          loss =
              Scalars.div(
                  queryLogits(b, true).logSoftmax(-1).mul(oneHot(b)).sum().neg(), b.queries());
          gc.backward(loss);
        }
        losses[s] = loss.getFloat();
        double rate = lr * Math.min(1.0, (s + 1) / (0.1 * steps)); // 10% linear warm-up
        opt.stepAndZero(ws, (float) rate, s + 1);
      }
    }
    return losses;
  }

  /** Fraction of query positions whose most likely token is the bound value. */
  public double accuracy(int sequences, SplittableRandom rng) {
    int right = 0;
    int total = 0;
    for (int off = 0; off < sequences; off += 64) {
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        Mqar.Batch b = task.sample(Math.min(64, sequences - off), rng);
        long[] guess = queryLogits(b, false).argMax(-1).toLongArray();
        int q = 0;
        for (int target : b.targets()) {
          if (target != Mqar.IGNORE) {
            right += guess[q++] == target ? 1 : 0;
          }
        }
        total += q;
      }
    }
    return (double) right / total;
  }

  /** Logits (Q, vocab) at the Q query positions of the batch, in row-major order. */
  private NDArray queryLogits(Mqar.Batch b, boolean training) {
    NDArray ids = manager.create(toFloat(b.tokens()), new Shape(b.n(), b.length()));
    NDArray logits = block.forward(ps, new NDList(ids), training).singletonOrThrow();
    long[] where = new long[b.queries()];
    int q = 0;
    for (int i = 0; i < b.targets().length; i++) {
      if (b.targets()[i] != Mqar.IGNORE) {
        where[q++] = i;
      }
    }
    return logits.reshape(-1, task.vocab()).get(new NDIndex("{}", manager.create(where)));
  }

  private NDArray oneHot(Mqar.Batch b) {
    float[] hot = new float[b.queries() * task.vocab()];
    int q = 0;
    for (int target : b.targets()) {
      if (target != Mqar.IGNORE) {
        hot[q++ * task.vocab() + target] = 1;
      }
    }
    return manager.create(hot, new Shape(b.queries(), task.vocab()));
  }

  private static float[] toFloat(int[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = v[i];
    }
    return f;
  }
}
