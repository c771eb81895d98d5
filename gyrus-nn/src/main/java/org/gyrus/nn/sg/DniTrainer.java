package org.gyrus.nn.sg;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.nn.Scalars;
import org.gyrus.nn.train.Optimizer;
import org.gyrus.nn.train.Recipe;

/**
 * Trains an LSTM on {@link CopyTask} by backpropagation cut into windows of {@code window} steps
 * (B16, decoupled neural interfaces). Mode {@code FULL}: one window = the whole sequence (BPTT).
 * {@code TRUNCATED}: gradients stop at window edges. {@code SYNTHETIC}: at each window's end the
 * core receives a synthetic gradient λ·ĝ, ĝ = SG(s_T) for the future loss (objective (L_window +
 * λ⟨s_T, ĝ⟩)/N with ĝ held constant), and the SG module learns to predict, at the window's start
 * state s_0, the true gradient that this window's backward pass produced (itself bootstrapped from
 * the next λ·ĝ, so the SG learns a λ-discounted sum of future gradients). ĝ and its target are in
 * per-sample units (gradient of one sequence's summed loss): in units of the batch-mean loss the
 * targets are N times smaller (~1e-4) than the steps Adam takes on the SG's outputs, and the SG's
 * noise swamped the true gradients. The SG is a linear map of [h, c] whose weights start at zero,
 * as in the paper.
 */
public final class DniTrainer {
  /** How gradients cross window edges. */
  public enum Mode {
    FULL,
    TRUNCATED,
    SYNTHETIC
  }

  private final CopyTask task;
  private final Mode mode;
  private final int window;
  private final NDManager manager;
  private final Lstm core;
  private final Linear synthetic;
  private final ParameterStore ps;
  private final List<NDArray> coreParams = new ArrayList<>();
  private final List<NDArray> sgParams = new ArrayList<>();
  private final Optimizer coreOpt;
  private final Optimizer sgOpt;
  private double scale = 1;
  private double sgRate = 1;
  private long t;
  private long sgT;
  private long sequences;

  public DniTrainer(CopyTask task, Mode mode, int window, int hidden, NDManager m, int seed) {
    this.task = task;
    this.mode = mode;
    this.window = mode == Mode.FULL ? task.steps() : window;
    this.manager = m;
    m.getEngine().setRandomSeed(seed);
    core = new Lstm(hidden, task.symbols());
    core.init(m, DataType.FLOAT32, task.tokens());
    synthetic = Linear.builder().setUnits(2L * hidden).build();
    synthetic.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
    synthetic.initialize(m, DataType.FLOAT32, new Shape(1, 2L * hidden));
    ps = new ParameterStore(m, false);
    for (Parameter p : core.getParameters().values()) {
      coreParams.add(p.getArray());
    }
    for (Parameter p : synthetic.getParameters().values()) {
      sgParams.add(p.getArray());
    }
    coreOpt = Optimizer.of(Recipe.defaults(), coreParams);
    sgOpt = Optimizer.of(Recipe.defaults(), sgParams);
  }

  /** One sequence batch, window by window; returns the mean loss over recall positions. */
  public double trainStep(int batch, double lr, SplittableRandom rng) {
    CopyTask.Batch b = task.sample(batch, rng);
    sequences++;
    NDArray state = manager.zeros(new Shape(batch, 2L * core.hidden()));
    double lossSum = 0;
    int counted = 0;
    for (int from = 0; from < task.steps(); from += window) {
      int to = Math.min(task.steps(), from + window);
      try (NDScope scope = new NDScope()) {
        NDArray start = state.stopGradient();
        start.setRequiresGradient(true);
        NDArray end;
        NDArray loss;
        int targets = count(b, from, to);
        boolean bootstrap = mode == Mode.SYNTHETIC && to < task.steps();
        if (targets == 0 && !bootstrap) {
          // nothing to learn from in this window (truncated: the gradient stops here anyway)
          state = window(b, start.stopGradient(), from, to, true)[1].stopGradient();
          scope.suppressNotUsedWarning();
          scope.unregister(state);
          continue;
        }
        try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
          NDArray[] r = window(b, start, from, to, true);
          end = r[1];
          loss = r[0];
          NDArray future = null;
          if (bootstrap) {
            future =
                synthetic
                    .forward(ps, new NDList(end.stopGradient()), true)
                    .singletonOrThrow()
                    .stopGradient();
          }
          gc.backward(objective(loss, end, future, batch));
        }
        lossSum += loss.getFloat();
        counted += targets;
        // dO/ds_0 is per sample / N; the SG predicts per-sample gradients (see objective)
        NDArray trueGrad = Scalars.mul(start.getGradient(), batch);
        update(coreOpt, coreParams, lr, ++t);
        if (mode == Mode.SYNTHETIC && from > 0) {
          trainSynthetic(start.stopGradient(), trueGrad, lr * sgRate);
        }
        state = end.stopGradient();
        scope.suppressNotUsedWarning();
        scope.unregister(state);
      }
    }
    return lossSum / Math.max(1, counted);
  }

  /** SG(s_0) regresses onto the gradient this window sent back to s_0. */
  private void trainSynthetic(NDArray start, NDArray target, double lr) {
    try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
      NDArray g = synthetic.forward(ps, new NDList(start), true).singletonOrThrow();
      gc.backward(Scalars.div(g.sub(target).square().sum(), start.getShape().get(0)));
    }
    update(sgOpt, sgParams, lr, ++sgT);
  }

  /** Summed cross-entropy over the window's targets, and the end state. */
  NDArray[] window(CopyTask.Batch b, NDArray state, int from, int to, boolean training) {
    int n = b.n();
    int s = task.steps();
    int k = task.tokens();
    NDArray loss = manager.zeros(new Shape());
    for (int p = from; p < to; p++) {
      float[] x = new float[n * k];
      float[] hot = new float[n * task.symbols()];
      boolean any = false;
      for (int i = 0; i < n; i++) {
        System.arraycopy(b.inputs(), (i * s + p) * k, x, i * k, k);
        int y = b.targets()[i * s + p];
        if (y != CopyTask.IGNORE) {
          hot[i * task.symbols() + y] = 1;
          any = true;
        }
      }
      state = core.step(ps, manager.create(x, new Shape(n, k)), state, training);
      if (any) {
        NDArray logp = core.read(ps, state, training).logSoftmax(-1);
        NDArray h = manager.create(hot, new Shape(n, task.symbols()));
        loss = loss.add(logp.mul(h).sum().neg());
      }
    }
    return new NDArray[] {loss, state};
  }

  private static int count(CopyTask.Batch b, int from, int to) {
    int s = b.targets().length / b.n();
    int c = 0;
    for (int i = 0; i < b.n(); i++) {
      for (int p = from; p < to; p++) {
        c += b.targets()[i * s + p] == CopyTask.IGNORE ? 0 : 1;
      }
    }
    return c;
  }

  private static void update(Optimizer opt, List<NDArray> ws, double lr, long step) {
    opt.stepAndZero(ws, (float) lr, step);
  }

  /** Fraction of recall symbols predicted right on {@code n} fresh sequences (whole sequence). */
  public double accuracy(int n, SplittableRandom rng) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      CopyTask.Batch b = task.sample(n, rng);
      NDArray state = manager.zeros(new Shape(n, 2L * core.hidden()));
      int s = task.steps();
      int k = task.tokens();
      int right = 0;
      int total = 0;
      for (int p = 0; p < s; p++) {
        float[] x = new float[n * k];
        for (int i = 0; i < n; i++) {
          System.arraycopy(b.inputs(), (i * s + p) * k, x, i * k, k);
        }
        state = core.step(ps, manager.create(x, new Shape(n, k)), state, false);
        if (p > task.length()) {
          long[] guess = core.read(ps, state, false).argMax(-1).toLongArray();
          for (int i = 0; i < n; i++) {
            right += guess[i] == b.targets()[i * s + p] ? 1 : 0;
            total++;
          }
        }
      }
      return (double) right / total;
    }
  }

  /**
   * Multiplies the synthetic gradient handed to the core (and so the bootstrap in the SG's own
   * target): λ &lt; 1 discounts the far future and damps the SG's feedback on itself.
   */
  public DniTrainer scale(double lambda) {
    this.scale = lambda;
    return this;
  }

  /** The synthetic-gradient module's learning rate as a multiple of the core's. */
  public DniTrainer sgRate(double ratio) {
    this.sgRate = ratio;
    return this;
  }

  /** Core updates per training sequence so far (1 for full BPTT). */
  public double updatesPerSequence() {
    return sequences == 0 ? 0 : (double) t / sequences;
  }

  /**
   * The gradient this window sends back to its start state (what SG(s_0) regresses onto) and the
   * objective L_window/N + ⟨s_T, g⟩ it differentiates, for a given start state and future gradient
   * g (null = none). Exposed for the finite-difference test.
   */
  double[] startGradient(CopyTask.Batch b, NDArray start, int from, int to, NDArray g) {
    NDArray s0 = start.stopGradient();
    s0.setRequiresGradient(true);
    try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
      gc.backward(objective(b, s0, from, to, g));
    }
    double[] grad =
        s0.getGradient().toType(ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray();
    for (NDArray w : coreParams) {
      JniUtils.zeroGrad((PtNDArray) w);
    }
    return grad;
  }

  NDArray objective(CopyTask.Batch b, NDArray start, int from, int to, NDArray g) {
    NDArray[] r = window(b, start, from, to, true);
    return objective(r[0], r[1], g, b.n());
  }

  /**
   * (L_window + λ·Σ_i ⟨s_T,i, ĝ_i⟩) / N: ĝ_i estimates the gradient of sample i's own future loss
   * (per-sample units, so its scale does not shrink with the batch), λ = {@link #scale}; dividing
   * the sum by N makes ĝ enter the core's update exactly as a backpropagated mean loss would.
   */
  private NDArray objective(NDArray loss, NDArray end, NDArray future, int n) {
    NDArray sum = future == null ? loss : loss.add(end.mul(Scalars.mul(future, scale)).sum());
    return Scalars.div(sum, Math.max(1, n));
  }

  /**
   * How well the synthetic gradient matches the true one: at each window boundary of {@code n}
   * fresh sequences, SG(s_T) against the per-sample gradient of the whole remaining loss w.r.t. s_T
   * (full backpropagation to the end of the sequence). Rows: boundary position, cosine over all
   * entries, |SG| / |true|.
   */
  double[][] quality(int n, SplittableRandom rng) {
    CopyTask.Batch b = task.sample(n, rng);
    List<double[]> rows = new ArrayList<>();
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray state = manager.zeros(new Shape(n, 2L * core.hidden()));
      for (int from = 0; from + window < task.steps(); from += window) {
        state = window(b, state, from, from + window, false)[1].stopGradient();
        int at = from + window;
        double[] truth = startGradient(b, state, at, task.steps(), null);
        double[] sg =
            synthetic
                .forward(ps, new NDList(state), false)
                .singletonOrThrow()
                .toType(DataType.FLOAT64, false)
                .toDoubleArray();
        double dot = 0;
        double nt = 0;
        double ns = 0;
        for (int i = 0; i < sg.length; i++) {
          double tr = truth[i] * n;
          dot += tr * sg[i];
          nt += tr * tr;
          ns += sg[i] * sg[i];
        }
        rows.add(new double[] {at, dot / Math.sqrt(nt * ns + 1e-30), Math.sqrt(ns / (nt + 1e-30))});
      }
    }
    return rows.toArray(new double[0][]);
  }

  NDManager manager() {
    return manager;
  }

  public Mode mode() {
    return mode;
  }

  static Engine engine() {
    return Engine.getEngine("PyTorch");
  }
}
