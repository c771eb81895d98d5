package org.gyrus.nesy;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.PrintStream;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.nn.data.Augment;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.Schedule;
import org.gyrus.nn.train.WeightAverage;

/**
 * Trains {@link DigitNet} end to end from sum labels only: per batch, the images of every query go
 * through the network in one forward pass, their log-softmax feeds the compiled circuit ({@link
 * CarryCircuit} exact, or the Datalog-grounded {@link SumProductCircuit} exact / top-k), and the
 * negative log-likelihood of the labelled sums is back-propagated with DJL autograd.
 */
public final class MnistAddition {

  /**
   * @param semantics "carry" (exact, any N), "exact" or "topk:K" (grounded DNF, N ≤ 2)
   * @param net the digit network as a model spec (compiled by gyrus-nn), or null for {@link
   *     DigitNet#lenet}
   * @param schedule "constant" or "cosine" (Adam's rate annealed to 0 over the planned steps)
   * @param shift training images are translated by up to this many pixels (0: no augmentation)
   * @param ema decay of an exponential moving average of the weights that is evaluated instead of
   *     the last weights (Polyak averaging, {@link WeightAverage}); 0: off
   */
  public record Config(
      int digits,
      int epochs,
      long seed,
      int batch,
      float lr,
      String semantics,
      int trainLimit,
      double maxSeconds,
      Value net,
      String schedule,
      int shift,
      double ema) {
    public Config {
      if (digits < 1 || epochs < 1 || batch < 1 || !(lr > 0) || shift < 0 || shift > 8) {
        throw new SpecError(
            "mnist-add",
            "digits, epochs, batch >= 1, lr > 0 and shift in 0..8",
            digits + "," + epochs + "," + batch + "," + lr + "," + shift);
      }
      if (!schedule.equals("constant") && !schedule.equals("cosine")) {
        throw new SpecError("schedule", "constant or cosine", schedule);
      }
      if (!(ema >= 0 && ema < 1)) {
        throw new SpecError("ema", "a decay in [0, 1) (0: off)", String.valueOf(ema));
      }
    }

    /** Without weight averaging. */
    public Config(
        int digits,
        int epochs,
        long seed,
        int batch,
        float lr,
        String semantics,
        int trainLimit,
        double maxSeconds,
        Value net,
        String schedule,
        int shift) {
      this(
          digits,
          epochs,
          seed,
          batch,
          lr,
          semantics,
          trainLimit,
          maxSeconds,
          net,
          schedule,
          shift,
          0);
    }

    /** Adam's rate over {@code total} updates, by gyrus-nn's {@link Schedule} (steps as epochs). */
    Tracker tracker(int total) {
      Recipe r = Recipe.defaults().with("lr", (double) lr, "schedule", schedule);
      return step -> (float) Schedule.lr(r, step, total);
    }

    /** The learning rate after {@code step} updates of {@code total}. */
    float rate(int step, int total) {
      return tracker(total).getNewValue(step);
    }
  }

  /**
   * @param digitAccuracy of the evaluated weights (the moving average when {@code ema} is on)
   * @param liveDigitAccuracy of the last weights when {@code ema} is on (the average's gain is the
   *     difference); NaN when it is off
   */
  public record Result(
      int digits,
      long seed,
      int trainSums,
      int testSums,
      int epochsRun,
      double sumAccuracy,
      double digitAccuracy,
      double trainSeconds,
      double finalLoss,
      int restarts,
      double trainCpuSeconds,
      int relabels,
      double liveDigitAccuracy) {}

  /**
   * Multi-digit addition has a second basin: reading every digit d as (d + 5) mod 10 satisfies the
   * units digit of every sum (2·5 ≡ 0 mod 10) and is only contradicted through the carries; a run
   * that falls into it stays there (seen at N=4, seed 0). It is detected without digit labels: if
   * the training sums read from the MAP digits of the last batches of the first epoch are mostly
   * wrong, the network is re-initialised with a new seed (at most this many times; the time spent
   * counts as training time).
   */
  public static final int MAX_RESTARTS = 2;

  /** Per-position accuracy of the training sums (MAP digits) below this triggers a restart. */
  public static final double RESTART_BELOW = 0.75;

  public static final int CHECK_AFTER_STEPS = 400;

  /**
   * A run below {@link #RESTART_BELOW} at the check is still given time while its training sums
   * read at least this much better (absolute, per position) than in the epoch before: a wide
   * batch-norm digit net at N = 100 can sit under the bar after 3 epochs while climbing, and a
   * restart then throws away minutes of progress. The stalled runs the rule exists for (the (d+5)
   * basin, a derangement of the digits) stay flat.
   */
  public static final double RESTART_PROGRESS = 0.05;

  /** At most this many epochs' postponement of the restart check. */
  public static final int MAX_POSTPONED_CHECKS = 3;

  /**
   * Above this N the (d+5) basin is also mended without a restart (see {@link #RELABEL_MARGIN}). At
   * N = 100 a run can stall elsewhere too (2 of 5 LeNet seeds: training loss still ≈ 130 after 4
   * epochs, test digits a derangement, not +5), which only the restart rule catches.
   */
  public static final int RELABEL_ABOVE_DIGITS = 20;

  /**
   * Above that N, an epoch whose training sums read this much better with every MAP digit d taken
   * as (d+5) mod 10 relabels the network's outputs (see {@link #rotateByFive}); the margin keeps a
   * network still near chance from flipping on noise.
   */
  public static final double RELABEL_MARGIN = 1.2;

  /**
   * ... or after this many training images, whichever comes first: at N = 100 or 500 an epoch has
   * only 300 or 60 sums, so 400 steps would be many epochs (N ≤ 15 runs reach 400 steps first).
   */
  public static final long CHECK_AFTER_IMAGES = 240_000;

  /** A trained digit network's test outcome, with its per-image probabilities kept. */
  public interface Listener {
    void trained(Trainer trainer, NDManager manager);
  }

  private MnistAddition() {}

  public static Result run(Config cfg, Dataset train, Dataset test, PrintStream log) {
    return run(cfg, train, test, log, null);
  }

  public static Result run(
      Config cfg, Dataset train, Dataset test, PrintStream log, Listener after) {
    AdditionData tr = AdditionData.of(train, cfg.digits(), cfg.seed());
    AdditionData te = AdditionData.of(test, cfg.digits(), cfg.seed() + 1);
    int nTrain = cfg.trainLimit() > 0 ? Math.min(cfg.trainLimit(), tr.size()) : tr.size();
    Objective obj = Objective.of(cfg.semantics(), cfg.digits());
    long t0 = System.nanoTime();
    double cpu0 = processCpuSeconds();
    for (int attempt = 0; ; attempt++) {
      boolean mayRestart = cfg.digits() > 1 && attempt < MAX_RESTARTS;
      Result r =
          attempt(cfg, train, test, tr, te, nTrain, obj, attempt, mayRestart, t0, cpu0, log, after);
      if (r != null) {
        return r;
      }
      if (log != null) {
        log.printf(
            "restart %d: under %.0f%% of the training sums' digits right after the first epochs"
                + " that reach %d steps (the (d+5) mod 10 basin or a plateau)%n",
            attempt + 1, 100 * RESTART_BELOW, CHECK_AFTER_STEPS);
      }
    }
  }

  /** One training run; null when it should be restarted. */
  private static Result attempt(
      Config cfg,
      Dataset train,
      Dataset test,
      AdditionData tr,
      AdditionData te,
      int nTrain,
      Objective obj,
      int attempt,
      boolean mayRestart,
      long t0,
      double cpu0,
      PrintStream log,
      Listener after) {
    long initSeed = cfg.seed() + 1000L * attempt;
    Engine.getInstance().setRandomSeed((int) initSeed);
    try (Model model = Model.newInstance("digit")) {
      Block net = cfg.net() == null ? DigitNet.lenet(10) : DigitNet.fromSpec(cfg.net(), 10);
      boolean[] relabelled = {false};
      model.setBlock(
          new SequentialBlock()
              .add(net)
              .add(new LambdaBlock(x -> relabelled[0] ? rotateByFive(x) : x, "relabel")));
      boolean relabel = cfg.digits() > RELABEL_ABOVE_DIGITS;
      int relabels = 0;
      int totalSteps = cfg.epochs() * ((nTrain + cfg.batch() - 1) / cfg.batch());
      DefaultTrainingConfig tc =
          new DefaultTrainingConfig(Loss.l2Loss())
              .optOptimizer(
                  Optimizer.adam().optLearningRateTracker(cfg.tracker(totalSteps)).build());
      try (Trainer trainer = model.newTrainer(tc)) {
        trainer.initialize(new Shape(1, 1, 28, 28));
        NDManager nm = trainer.getManager();
        WeightAverage avg = cfg.ema() > 0 ? new WeightAverage(net, cfg.ema(), nm) : null;
        int per = 2 * cfg.digits();
        float[] xb = new float[cfg.batch() * per * 784];
        SplittableRandom rng = new SplittableRandom(initSeed * 31 + 7);
        int recentOk = 0;
        int recentN = 0;
        int epochOk = 0;
        int epochOk5 = 0;
        int stepsDone = 0;
        long imagesSeen = 0;
        boolean checked = !mayRestart;
        double previousRate = Double.NaN;
        int postponed = 0;
        int epochsRun = 0;
        double lastLoss = Double.NaN;
        outer:
        for (int e = 0; e < cfg.epochs(); e++) {
          int[] order = Dataset.permutation(nTrain, rng);
          double lossSum = 0;
          int steps = 0;
          for (int off = 0; off < nTrain; off += cfg.batch()) {
            int n = Math.min(cfg.batch(), nTrain - off);
            int[][] sums = new int[n][];
            for (int i = 0; i < n; i++) {
              int g = order[off + i];
              sums[i] = tr.sumDigits()[g];
              for (int j = 0; j < per; j++) {
                int src = tr.groups()[g][j] * 784;
                int dst = (i * per + j) * 784;
                if (cfg.shift() == 0) {
                  System.arraycopy(train.x(), src, xb, dst, 784);
                } else {
                  int dx = rng.nextInt(2 * cfg.shift() + 1) - cfg.shift();
                  int dy = rng.nextInt(2 * cfg.shift() + 1) - cfg.shift();
                  Augment.shifted(train.x(), src, xb, dst, 1, 28, 28, dx, dy, false);
                }
              }
            }
            try (NDManager step = nm.newSubManager()) {
              NDArray x =
                  step.create(
                      FloatBuffer.wrap(xb, 0, n * per * 784), new Shape((long) n * per, 1, 28, 28));
              try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                NDArray logp = logits.logSoftmax(1).reshape(n, per, 10);
                NDArray loss = obj.loss(logp, sums);
                gc.backward(loss);
                lossSum += loss.getFloat();
                boolean recent = mayRestart && !checked && off + 100 * cfg.batch() >= nTrain;
                long[] map = relabel || recent ? logp.argMax(2).toLongArray() : null;
                if (relabel) {
                  epochOk += mapSumDigitsCorrect(map, sums, cfg.digits());
                  epochOk5 += mapSumDigitsCorrect(plusFive(map), sums, cfg.digits());
                }
                if (recent) {
                  recentOk += mapSumDigitsCorrect(map, sums, cfg.digits());
                  recentN += n * (cfg.digits() + 1);
                }
              }
              trainer.step();
              if (avg != null) {
                avg.update();
              }
            }
            steps++;
            if (log != null && steps % 200 == 0) {
              log.printf(
                  "  epoch %d step %d/%d loss %.4f  %.1f s%n",
                  e + 1,
                  steps,
                  (nTrain + cfg.batch() - 1) / cfg.batch(),
                  lossSum / steps,
                  (System.nanoTime() - t0) / 1e9);
            }
            if (cfg.maxSeconds() > 0 && (System.nanoTime() - t0) / 1e9 > cfg.maxSeconds()) {
              lastLoss = lossSum / steps;
              epochsRun = e + 1;
              break outer;
            }
          }
          lastLoss = lossSum / Math.max(1, steps);
          epochsRun = e + 1;
          stepsDone += steps;
          imagesSeen += (long) nTrain * per;
          boolean flipped = relabel && epochOk5 > RELABEL_MARGIN * epochOk;
          if (flipped) {
            relabelled[0] = !relabelled[0];
            relabels++;
            if (log != null) {
              log.printf(
                  "relabel: the epoch's training sums read better with every digit d as (d+5) mod 10"
                      + " (%d vs %d sum digits right)%n",
                  epochOk5, epochOk);
            }
          }
          // after a relabel the epoch's MAP digits are stale: check on the next epoch instead
          if (!checked
              && !flipped
              && (stepsDone >= CHECK_AFTER_STEPS || imagesSeen >= CHECK_AFTER_IMAGES)) {
            double rate = recentN > 0 ? (double) recentOk / recentN : 1;
            Check check = restartCheck(rate, previousRate, postponed);
            if (check == Check.RESTART) {
              return null;
            }
            checked = check == Check.PASS;
            if (check == Check.WAIT) {
              postponed++;
              if (log != null) {
                log.printf(
                    "restart check postponed: %.1f%% of the training sums' digits right, up from"
                        + " %.1f%%%n",
                    100 * rate, 100 * previousRate);
              }
            }
          }
          if (recentN > 0) {
            previousRate = (double) recentOk / recentN;
          }
          recentOk = 0;
          recentN = 0;
          epochOk = 0;
          epochOk5 = 0;
          if (log != null) {
            log.printf(
                "epoch %d: loss %.4f, %.1f s%n", e + 1, lastLoss, (System.nanoTime() - t0) / 1e9);
          }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpu = processCpuSeconds() - cpu0;
        int[] pred =
            avg == null
                ? predictDigits(trainer, test)
                : avg.withAverage(() -> predictDigits(trainer, test));
        double liveDigits = Double.NaN;
        if (avg != null) {
          liveDigits = accuracy(predictDigits(trainer, test), test);
          avg.close();
        }
        long sumOk = 0;
        int[] a = new int[cfg.digits()];
        int[] b = new int[cfg.digits()];
        for (int g = 0; g < te.size(); g++) {
          for (int i = 0; i < cfg.digits(); i++) {
            a[i] = pred[te.groups()[g][i]];
            b[i] = pred[te.groups()[g][cfg.digits() + i]];
          }
          sumOk += Arrays.equals(AdditionData.addDigits(a, b), te.sumDigits()[g]) ? 1 : 0;
        }
        if (after != null) {
          after.trained(trainer, nm);
        }
        return new Result(
            cfg.digits(),
            cfg.seed(),
            nTrain,
            te.size(),
            epochsRun,
            (double) sumOk / te.size(),
            accuracy(pred, test),
            secs,
            lastLoss,
            attempt,
            cpu,
            relabels,
            liveDigits);
      }
    }
  }

  /** What the restart check decides. */
  enum Check {
    PASS,
    WAIT,
    RESTART
  }

  /**
   * The restart check on the per-position accuracy of the training sums' MAP digits: pass at or
   * above {@link #RESTART_BELOW}; below it, wait while the rate still rises by {@link
   * #RESTART_PROGRESS} per epoch (at most {@link #MAX_POSTPONED_CHECKS} times), else restart.
   */
  static Check restartCheck(double rate, double previousRate, int postponed) {
    if (rate >= RESTART_BELOW) {
      return Check.PASS;
    }
    boolean climbing = !Double.isNaN(previousRate) && rate - previousRate >= RESTART_PROGRESS;
    return climbing && postponed < MAX_POSTPONED_CHECKS ? Check.WAIT : Check.RESTART;
  }

  /** Fraction of the data set's images whose predicted digit is their label. */
  static double accuracy(int[] pred, Dataset data) {
    long ok = 0;
    for (int i = 0; i < pred.length; i++) {
      ok += pred[i] == data.y()[i] ? 1 : 0;
    }
    return (double) ok / data.size();
  }

  /** How many digits (N+1 per sum) of the sums read from the MAP digits match the labels. */
  static int mapSumDigitsCorrect(long[] digits, int[][] sums, int n) {
    int ok = 0;
    int[] a = new int[n];
    int[] b = new int[n];
    for (int i = 0; i < sums.length; i++) {
      for (int j = 0; j < n; j++) {
        a[j] = (int) digits[i * 2 * n + j];
        b[j] = (int) digits[i * 2 * n + n + j];
      }
      int[] got = AdditionData.addDigits(a, b);
      for (int p = 0; p <= n; p++) {
        ok += got[p] == sums[i][p] ? 1 : 0;
      }
    }
    return ok;
  }

  /**
   * Logits with class j taken from class (j + 5) mod 10: the (d+5) basin is exactly this
   * permutation, the only one besides the identity that keeps every sum's units digit (2k ≡ 0 mod
   * 10), so a network caught in it is mended by relabelling its outputs instead of a restart.
   */
  static NDList rotateByFive(NDList x) {
    NDArray logits = x.singletonOrThrow();
    long b = logits.getShape().get(0);
    NDArray rolled = logits.reshape(b, 2, 5).flip(1).reshape(b, 10);
    return new NDList(rolled);
  }

  static long[] plusFive(long[] digits) {
    long[] out = new long[digits.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (digits[i] + 5) % 10;
    }
    return out;
  }

  /** CPU seconds of the whole process so far (all threads, the engine's native ones included). */
  static double processCpuSeconds() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() / 1e9;
    }
    return Double.NaN;
  }

  /** Most probable digit of every image (the MAP digits; the predicted sum is their sum). */
  public static int[] predictDigits(Trainer trainer, Dataset data) {
    float[][] p = probabilities(trainer, data);
    int[] out = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      int best = 0;
      for (int c = 1; c < p[i].length; c++) {
        best = p[i][c] > p[i][best] ? c : best;
      }
      out[i] = best;
    }
    return out;
  }

  /** Softmax outputs of the network for every image of a data set. */
  public static float[][] probabilities(Trainer trainer, Dataset data) {
    float[][] out = new float[data.size()][];
    NDManager nm = trainer.getManager();
    for (int off = 0; off < data.size(); off += 1000) {
      int n = Math.min(1000, data.size() - off);
      try (NDManager step = nm.newSubManager()) {
        NDArray x =
            step.create(FloatBuffer.wrap(data.x(), off * 784, n * 784), new Shape(n, 1, 28, 28));
        float[] p = trainer.evaluate(new NDList(x)).singletonOrThrow().softmax(1).toFloatArray();
        int k = p.length / n;
        for (int i = 0; i < n; i++) {
          out[off + i] = java.util.Arrays.copyOfRange(p, i * k, (i + 1) * k);
        }
      }
    }
    return out;
  }

  /** The loss built from the chosen semantics. */
  interface Objective {
    NDArray loss(NDArray logp, int[][] sums);

    static Objective of(String semantics, int digits) {
      if (semantics.equals("carry")) {
        CarryCircuit c = new CarryCircuit(digits);
        return c::loss;
      }
      int k;
      if (semantics.equals("exact")) {
        k = 0;
      } else if (semantics.startsWith("topk:")) {
        try {
          k = Integer.parseInt(semantics.substring(5));
        } catch (NumberFormatException ex) {
          throw new SpecError("semantics", "topk:K with an integer K", semantics);
        }
      } else {
        throw new SpecError("semantics", "carry, exact or topk:K", semantics);
      }
      if (digits > 2) {
        throw new SpecError(
            "semantics",
            "carry for more than 2 digits (the grounded DNF has 100^N proofs)",
            semantics);
      }
      int outputs = (int) (2 * Math.pow(10, digits) - 1);
      SumProductCircuit circuit =
          DatalogGrounder.ground(
              DatalogGrounder.additionRules(digits),
              "digit",
              2 * digits,
              10,
              "addition",
              outputs,
              1_000_000);
      int kk = k;
      return (logp, sums) -> {
        int[] labels = new int[sums.length];
        for (int i = 0; i < sums.length; i++) {
          for (int p = digits; p >= 0; p--) {
            labels[i] = labels[i] * 10 + sums[i][p];
          }
        }
        return circuit.loss(logp, labels, kk);
      };
    }
  }
}
