package org.gyrus.nesy.pinesy;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.gyrus.nesy.AdditionData;
import org.gyrus.nesy.DigitNet;
import org.gyrus.nesy.MnistAddition;
import org.gyrus.nn.data.Dataset;

/**
 * Π-NeSy's own protocol (Baaj and Marquis 2025, the authors' code): a digit network trained on
 * digit labels (LeNet, their "same network as DeepSoftLog" option) on 50,000 MNIST training images,
 * 10,000 held out for validation; MNIST-addition N=1 examples are disjoint random pairs (25,000 /
 * 5,000 / 5,000); the rule parameters are learned by {@link RuleLearning} with the thresholds
 * searched on validation; 4x4 MNIST-Sudoku validity with 100 valid + 100 invalid training puzzles,
 * 50 + 50 for validation and for test, over several splits. Beside it, on the same digit
 * probabilities, the earlier 100×19 relation (relaxed / exact Sanchez, Chebyshev greatest
 * approximate solution).
 *
 * <p>Usage: {@code PiNesyLearningBench DATA CACHE_DIR SEED EPOCHS TRANSFORM(1|2) SUDOKU_SPLITS ["N1
 * N2 ..."]} (the last: multi-digit addition sizes). Prints one JSON object on stdout, progress on
 * stderr.
 */
public final class PiNesyLearningBench {
  private PiNesyLearningBench() {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args[0]);
    Path cache = Path.of(args[1]);
    long seed = Long.parseLong(args[2]);
    int epochs = Integer.parseInt(args[3]);
    ProbabilityToPossibility tr =
        args[4].equals("1")
            ? ProbabilityToPossibility.ANTIPIGNISTIC
            : ProbabilityToPossibility.MINIMUM_SPECIFICITY;
    int splits = Integer.parseInt(args[5]);
    int[] digits =
        args.length > 6 && !args[6].isBlank()
            ? Arrays.stream(args[6].trim().split("\\s+")).mapToInt(Integer::parseInt).toArray()
            : new int[0];
    PrintStream log = System.err;
    Path dir = AdditionData.mnistDir(data);
    Dataset train = AdditionData.mnist(dir, "train");
    Dataset test = AdditionData.mnist(dir, "t10k");
    int[] perm = Dataset.permutation(train.size(), new SplittableRandom(seed));
    int[] trIdx = Arrays.copyOfRange(perm, 0, 50_000);
    int[] vaIdx = Arrays.copyOfRange(perm, 50_000, train.size());
    Path file = cache.resolve("pinesy-lenet-digits-s" + seed + "-e" + epochs + ".bin");
    long t0 = System.nanoTime();
    float[][][] probs = cachedProbabilities(file, train, test, trIdx, epochs, seed, log);
    double netSecs = (System.nanoTime() - t0) / 1e9;
    float[][] ptr = probs[0];
    float[][] pte = probs[1];
    double digitAcc = digitAccuracy(pte, test.y());
    log.printf(Locale.ROOT, "digit net: test accuracy %.4f (%.0f s)%n", digitAcc, netSecs);
    StringBuilder json = new StringBuilder();
    json.append(
        String.format(
            Locale.ROOT,
            "{\"seed\": %d, \"epochs\": %d, \"transform\": \"%s\", \"digit_test_accuracy\": %.5f,"
                + " \"net_seconds\": %.1f",
            seed,
            epochs,
            tr.name().toLowerCase(Locale.ROOT),
            digitAcc,
            netSecs));
    SplittableRandom rng = new SplittableRandom(seed * 7919 + 17);
    int[][] pTr = pairs(trIdx, rng);
    int[][] pVa = pairs(vaIdx, rng);
    int[][] pTe = pairs(Dataset.permutation(test.size(), rng), rng);
    addition(json, tr, ptr, train.y(), pte, test.y(), pTr, pVa, pTe, log);
    sudoku(json, tr, ptr, train.y(), trIdx, vaIdx, pte, test.y(), splits, seed, train, test, log);
    multiDigit(json, tr, ptr, train.y(), trIdx, vaIdx, pte, test.y(), digits, seed, log);
    json.append("}");
    System.out.println(json);
  }

  /** {@code idx} in a seeded random order (the shuffle of {@link Dataset#permutation}). */
  static int[] shuffled(int[] idx, SplittableRandom rng) {
    int[] perm = Dataset.permutation(idx.length, rng);
    int[] out = new int[idx.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = idx[perm[i]];
    }
    return out;
  }

  static int[][] pairs(int[] idx, SplittableRandom rng) {
    int[] order = shuffled(idx, rng);
    int[][] out = new int[order.length / 2][];
    for (int k = 0; k < out.length; k++) {
      out[k] = new int[] {order[2 * k], order[2 * k + 1]};
    }
    return out;
  }

  static PiNesyAddition.Examples examples(
      ProbabilityToPossibility tr, float[][] p, int[] y, int[][] pairs) {
    int n = pairs.length;
    double[][] p1 = new double[n][];
    double[][] p2 = new double[n][];
    int[] a = new int[n];
    int[] b = new int[n];
    for (int k = 0; k < n; k++) {
      p1[k] = tr.apply(p[pairs[k][0]], 0, 10);
      p2[k] = tr.apply(p[pairs[k][1]], 0, 10);
      a[k] = y[pairs[k][0]];
      b[k] = y[pairs[k][1]];
    }
    return new PiNesyAddition.Examples(p1, p2, a, b);
  }

  private static void addition(
      StringBuilder json,
      ProbabilityToPossibility tr,
      float[][] ptr,
      int[] ytr,
      float[][] pte,
      int[] yte,
      int[][] pTr,
      int[][] pVa,
      int[][] pTe,
      PrintStream log) {
    PiNesyAddition.Examples train = examples(tr, ptr, ytr, pTr);
    PiNesyAddition.Examples valid = examples(tr, ptr, ytr, pVa);
    PiNesyAddition.Examples test = examples(tr, pte, yte, pTe);
    long t0 = System.nanoTime();
    PiNesyAddition.Learner learner = new PiNesyAddition.Learner(train);
    double[] cd = learner.cSampleDistances();
    int atHalf = 0;
    for (double d : cd) {
      atHalf += d >= 0.5 ? 1 : 0;
    }
    PiNesyAddition.Search s = PiNesyAddition.search(learner, valid);
    double secs = (System.nanoTime() - t0) / 1e9;
    double acc = PiNesyAddition.accuracy(s.model(), test);
    log.printf(
        Locale.ROOT,
        "published procedure: test %.4f, valid %.4f, thresholds %s, kept %s, nabla_NC %s, %d fits,"
            + " %.0f s%n",
        acc,
        s.validAccuracy(),
        Arrays.toString(s.tau()),
        Arrays.toString(learner.kept),
        Arrays.toString(learner.nablaNc),
        s.fits(),
        secs);
    json.append(
        String.format(
            Locale.ROOT,
            ", \"add1_train\": %d, \"add1_test\": %d, \"add1_published_accuracy\": %.5f,"
                + " \"add1_published_valid_accuracy\": %.5f, \"add1_published_thresholds\": %s,"
                + " \"add1_published_kept\": %s, \"add1_published_nabla_nc\": %s,"
                + " \"add1_published_seconds\": %.1f, \"add1_c_samples_nabla_ge_half\": %d,"
                + " \"add1_c_params\": %s",
            train.size(),
            test.size(),
            acc,
            s.validAccuracy(),
            Arrays.toString(s.tau()),
            Arrays.toString(learner.kept),
            Arrays.toString(learner.nablaNc),
            secs,
            atHalf,
            Arrays.toString(round(s.model().c()))));
    // the reference's ablation: no thresholds (τ > 1 keeps every sample and every equation)
    PiNesyAddition.Model all = learner.fit(new double[] {1.01, 1.01, 1.01});
    double accAll = PiNesyAddition.accuracy(all, test);
    double raw = learner.rawStackedDistance();
    log.printf(
        Locale.ROOT,
        "without thresholds: test %.4f, nabla_NC %s; raw stacked c-system distance %.4f%n",
        accAll,
        Arrays.toString(learner.nablaNc),
        raw);
    json.append(
        String.format(
            Locale.ROOT,
            ", \"add1_no_threshold_accuracy\": %.5f, \"add1_no_threshold_nabla\": %s,"
                + " \"add1_raw_c_system_distance\": %.5f",
            accAll,
            Arrays.toString(learner.nablaNc),
            raw));
    ours(json, ptr, ytr, pte, yte, pTr, pTe, log);
  }

  /** MNIST-addition with N-digit numbers: disjoint groups of 2N images per example. */
  private static void multiDigit(
      StringBuilder json,
      ProbabilityToPossibility tr,
      float[][] ptr,
      int[] ytr,
      int[] trIdx,
      int[] vaIdx,
      float[][] pte,
      int[] yte,
      int[] digits,
      long seed,
      PrintStream log) {
    StringBuilder rows = new StringBuilder();
    for (int n : digits) {
      SplittableRandom rng = new SplittableRandom(seed * 31 + n);
      int[] teIdx = Dataset.permutation(yte.length, rng);
      PiNesyMultiDigit.Examples train = groups(tr, ptr, ytr, trIdx, n, rng);
      PiNesyMultiDigit.Examples valid = groups(tr, ptr, ytr, vaIdx, n, rng);
      PiNesyMultiDigit.Examples test = groups(tr, pte, yte, teIdx, n, rng);
      long t0 = System.nanoTime();
      double[] tau = new double[3];
      PiNesyMultiDigit.Model m = PiNesyMultiDigit.search(train, valid, tau);
      double secs = (System.nanoTime() - t0) / 1e9;
      double acc = PiNesyMultiDigit.accuracy(m, test);
      double maxParam = 0;
      for (double[][] set : new double[][][] {m.c(), m.w(), m.y()}) {
        for (double[] p : set) {
          maxParam = Math.max(maxParam, Arrays.stream(p).max().orElse(0));
        }
      }
      log.printf(
          Locale.ROOT,
          "addition N=%d: test %.4f on %d sums (%d train), thresholds %s, largest parameter %.3g, %.0f s%n",
          n,
          acc,
          test.size(),
          train.size(),
          Arrays.toString(tau),
          maxParam,
          secs);
      rows.append(rows.length() == 0 ? "" : ", ")
          .append(
              String.format(
                  Locale.ROOT,
                  "{\"digits\": %d, \"train\": %d, \"test\": %d, \"accuracy\": %.5f,"
                      + " \"thresholds\": %s, \"largest_parameter\": %.5g, \"seconds\": %.1f}",
                  n,
                  train.size(),
                  test.size(),
                  acc,
                  Arrays.toString(tau),
                  maxParam,
                  secs));
    }
    json.append(", \"addN_published\": [").append(rows).append("]");
  }

  static PiNesyMultiDigit.Examples groups(
      ProbabilityToPossibility tr, float[][] p, int[] y, int[] idx, int n, SplittableRandom rng) {
    int[] order = shuffled(idx, rng);
    int size = order.length / (2 * n);
    double[][][] pi = new double[size][2 * n][];
    int[][] lab = new int[size][2 * n];
    for (int e = 0; e < size; e++) {
      for (int i = 0; i < 2 * n; i++) {
        int img = order[e * 2 * n + i];
        pi[e][i] = tr.apply(p[img], 0, 10);
        lab[e][i] = y[img];
      }
    }
    return new PiNesyMultiDigit.Examples(pi, lab);
  }

  /** The earlier arm: a 100×19 relation premises → sums, learned three ways. */
  private static void ours(
      StringBuilder json,
      float[][] ptr,
      int[] ytr,
      float[][] pte,
      int[] yte,
      int[][] pTr,
      int[][] pTe,
      PrintStream log) {
    double[][] xs = new double[pTr.length][];
    double[][] ys = new double[pTr.length][19];
    for (int k = 0; k < pTr.length; k++) {
      xs[k] = premises(ptr, pTr[k]);
      ys[k][ytr[pTr[k][0]] + ytr[pTr[k][1]]] = 1;
    }
    double[][] relaxed = FuzzyRelation.fitRelaxed(xs, ys, PiNesyBench.QUANTILES);
    double[][] exact = FuzzyRelation.greatestSolution(xs, ys);
    FuzzyRelation.Approximation cheb = FuzzyRelation.chebyshevSolution(xs, ys);
    double maxDelta = Arrays.stream(cheb.distance()).max().orElse(0);
    int[] ok = new int[3];
    double[][][] rels = {relaxed, exact, cheb.relation()};
    for (int[] g : pTe) {
      double[] x = premises(pte, g);
      int sum = yte[g[0]] + yte[g[1]];
      for (int r = 0; r < 3; r++) {
        ok[r] += FuzzyRelation.argmax(FuzzyRelation.maxMin(x, rels[r])) == sum ? 1 : 0;
      }
    }
    double n = pTe.length;
    log.printf(
        Locale.ROOT,
        "ours (100x19 relation): relaxed %.4f, exact Sanchez %.4f, Chebyshev %.4f (max delta %.3f)%n",
        ok[0] / n,
        ok[1] / n,
        ok[2] / n,
        maxDelta);
    json.append(
        String.format(
            Locale.ROOT,
            ", \"add1_ours_relaxed_accuracy\": %.5f, \"add1_ours_exact_accuracy\": %.5f,"
                + " \"add1_ours_chebyshev_accuracy\": %.5f, \"add1_ours_chebyshev_max_delta\": %.4f",
            ok[0] / n,
            ok[1] / n,
            ok[2] / n,
            maxDelta));
  }

  private static double[] premises(float[][] p, int[] g) {
    return PiNesyBench.pairPremises(
        FuzzyRelation.possibility(p[g[0]], 0, 10, PiNesyBench.EPS),
        FuzzyRelation.possibility(p[g[1]], 0, 10, PiNesyBench.EPS));
  }

  private static void sudoku(
      StringBuilder json,
      ProbabilityToPossibility tr,
      float[][] ptr,
      int[] ytr,
      int[] trIdx,
      int[] vaIdx,
      float[][] pte,
      int[] yte,
      int splits,
      long seed,
      Dataset trainSet,
      Dataset testSet,
      PrintStream log) {
    List<List<Integer>> poolTr = byDigit(trIdx, ytr);
    List<List<Integer>> poolVa = byDigit(vaIdx, ytr);
    int[] all = new int[yte.length];
    Arrays.setAll(all, i -> i);
    List<List<Integer>> poolTe = byDigit(all, yte);
    double[] accs = new double[splits];
    StringBuilder taus = new StringBuilder();
    long t0 = System.nanoTime();
    for (int s = 0; s < splits; s++) {
      SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + s);
      PiNesySudoku.Puzzles train = puzzles(tr, 100, ptr, poolTr, rng);
      PiNesySudoku.Puzzles valid = puzzles(tr, 50, ptr, poolVa, rng);
      PiNesySudoku.Puzzles test = puzzles(tr, 50, pte, poolTe, rng);
      double[] tau = new double[2];
      PiNesySudoku.Model m = PiNesySudoku.search(train, valid, tau);
      accs[s] = PiNesySudoku.accuracy(m, test);
      taus.append(s == 0 ? "" : ", ").append(Arrays.toString(tau));
      log.printf(
          Locale.ROOT, "sudoku 4x4 split %d: test %.3f, thresholds %s%n", s, accs[s], tau[0]);
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    double[] ours = PiNesyBench.sudoku(ptr, trainSet, pte, testSet, seed, log);
    json.append(
        String.format(
            Locale.ROOT,
            ", \"sudoku4_splits\": %d, \"sudoku4_published_accuracies\": %s,"
                + " \"sudoku4_published_thresholds\": [%s], \"sudoku4_published_seconds\": %.1f,"
                + " \"sudoku4_ours_relaxed_accuracy\": %.5f, \"sudoku4_ours_boards\": %d",
            splits,
            Arrays.toString(accs),
            taus,
            secs,
            ours[0],
            (int) ours[1]));
  }

  /** n valid and n invalid puzzles (one cell changed), cells drawn from images of digits 1..4. */
  static PiNesySudoku.Puzzles puzzles(
      ProbabilityToPossibility tr,
      int n,
      float[][] p,
      List<List<Integer>> pool,
      SplittableRandom rng) {
    double[][][] pi = new double[2 * n][16][];
    int[][] cells = new int[2 * n][];
    boolean[] valid = new boolean[2 * n];
    for (int k = 0; k < 2 * n; k++) {
      valid[k] = k < n;
      cells[k] = Sudoku4.board(rng, valid[k]);
      for (int c = 0; c < 16; c++) {
        List<Integer> imgs = pool.get(cells[k][c] + 1);
        pi[k][c] = tr.apply(p[imgs.get(rng.nextInt(imgs.size()))], 1, 5);
      }
    }
    return new PiNesySudoku.Puzzles(pi, cells, valid);
  }

  static List<List<Integer>> byDigit(int[] idx, int[] y) {
    List<List<Integer>> out = new ArrayList<>();
    for (int v = 0; v < 10; v++) {
      out.add(new ArrayList<>());
    }
    for (int i : idx) {
      out.get(y[i]).add(i);
    }
    return out;
  }

  static double[] round(double[] v) {
    double[] o = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      o[i] = Math.round(v[i] * 1e4) / 1e4;
    }
    return o;
  }

  static double digitAccuracy(float[][] p, int[] y) {
    int ok = 0;
    for (int i = 0; i < p.length; i++) {
      int best = 0;
      for (int c = 1; c < p[i].length; c++) {
        best = p[i][c] > p[i][best] ? c : best;
      }
      ok += best == y[i] ? 1 : 0;
    }
    return (double) ok / p.length;
  }

  /** Softmax outputs for the train and test images, read from the cache or trained and stored. */
  static float[][][] cachedProbabilities(
      Path file, Dataset train, Dataset test, int[] trIdx, int epochs, long seed, PrintStream log)
      throws IOException {
    if (Files.exists(file)) {
      try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
        return new float[][][] {readMatrix(in), readMatrix(in)};
      }
    }
    float[][][] p = trainDigits(train, test, trIdx, epochs, seed, log);
    Files.createDirectories(file.getParent());
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
      writeMatrix(out, p[0]);
      writeMatrix(out, p[1]);
    }
    return p;
  }

  private static float[][] readMatrix(DataInputStream in) throws IOException {
    int n = in.readInt();
    int k = in.readInt();
    float[][] m = new float[n][k];
    for (float[] row : m) {
      for (int j = 0; j < k; j++) {
        row[j] = in.readFloat();
      }
    }
    return m;
  }

  private static void writeMatrix(DataOutputStream out, float[][] m) throws IOException {
    out.writeInt(m.length);
    out.writeInt(m[0].length);
    for (float[] row : m) {
      for (float v : row) {
        out.writeFloat(v);
      }
    }
  }

  /** LeNet trained on digit labels (Adam 1e-3, batch 64) on the 50,000 training images. */
  static float[][][] trainDigits(
      Dataset train, Dataset test, int[] trIdx, int epochs, long seed, PrintStream log) {
    Engine.getInstance().setRandomSeed((int) seed);
    try (Model model = Model.newInstance("digits")) {
      model.setBlock(DigitNet.lenet(10));
      DefaultTrainingConfig tc =
          new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
              .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build());
      try (Trainer trainer = model.newTrainer(tc)) {
        trainer.initialize(new Shape(1, 1, 28, 28));
        NDManager nm = trainer.getManager();
        SplittableRandom rng = new SplittableRandom(seed + 99);
        int batch = 64;
        float[] xb = new float[batch * 784];
        float[] yb = new float[batch];
        for (int e = 0; e < epochs; e++) {
          int[] order = Dataset.permutation(trIdx.length, rng);
          double lossSum = 0;
          int steps = 0;
          for (int off = 0; off < order.length; off += batch) {
            int n = Math.min(batch, order.length - off);
            for (int i = 0; i < n; i++) {
              int img = trIdx[order[off + i]];
              System.arraycopy(train.x(), img * 784, xb, i * 784, 784);
              yb[i] = train.y()[img];
            }
            try (NDManager step = nm.newSubManager()) {
              NDArray x = step.create(FloatBuffer.wrap(xb, 0, n * 784), new Shape(n, 1, 28, 28));
              NDArray y = step.create(Arrays.copyOf(yb, n));
              try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                NDArray loss = tc.getLossFunction().evaluate(new NDList(y), new NDList(logits));
                gc.backward(loss);
                lossSum += loss.getFloat();
                steps++;
              }
              trainer.step();
            }
          }
          log.printf(Locale.ROOT, "digit net epoch %d: loss %.4f%n", e + 1, lossSum / steps);
        }
        return new float[][][] {
          MnistAddition.probabilities(trainer, train), MnistAddition.probabilities(trainer, test)
        };
      }
    }
  }
}
