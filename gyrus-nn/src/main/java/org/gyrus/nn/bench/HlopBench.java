package org.gyrus.nn.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.plot.PngChart;
import org.gyrus.nn.plot.PngChart.Series;
import org.gyrus.nn.plot.RowReport;
import org.gyrus.nn.spiking.Hlop;

/**
 * Row {@code hlop} (B9): permuted MNIST (task 1 the plain images, then fixed random pixel
 * permutations) learned in sequence by a LIF MLP, plain fine-tuning vs HLOP; accuracy matrix,
 * average accuracy and backward transfer. Arguments: DATA_DIR OUT_DIR TASKS TRAIN_PER_TASK
 * TEST_PER_TASK HIDDEN STEPS EPOCHS.
 */
public final class HlopBench {
  private HlopBench() {}

  public static void main(String[] args) {
    Path out = Path.of(args[1]);
    int tasks = Integer.parseInt(args[2]);
    int trainN = Integer.parseInt(args[3]);
    int testN = Integer.parseInt(args[4]);
    int hidden = Integer.parseInt(args[5]);
    int steps = Integer.parseInt(args[6]);
    int epochs = Integer.parseInt(args[7]);
    List<Dataset> train = new ArrayList<>();
    List<Dataset> test = new ArrayList<>();
    permutedTasks(Path.of(args[0]), tasks, trainN, testN, train, test);
    RowReport report =
        new RowReport(
            "hlop",
            "bench/blocks_dynamics/run.sh hlop",
            String.format(
                Locale.ROOT,
                "permuted MNIST, %d tasks, %d training / %d test images per task, LIF 784-%d-10, %d"
                    + " steps, %d epoch(s) per task, Adam 1e-3; HLOP subspace 60 (input) + 25"
                    + " (hidden) rows per task",
                tasks,
                trainN,
                testN,
                hidden,
                steps,
                epochs));
    List<Series> series = new ArrayList<>();
    for (boolean project : new boolean[] {false, true}) {
      String name = project ? "HLOP" : "fine-tuning";
      double[][] r = new double[tasks][tasks];
      long t0 = System.nanoTime();
      try (Hlop h =
          new Hlop(
              new Hlop.Config(hidden, steps, 1e-3, 64, epochs, 60, 25, 2000, project, 0),
              784,
              10)) {
        for (int i = 0; i < tasks; i++) {
          h.learnTask(train.get(i));
          for (int j = 0; j < tasks; j++) {
            r[i][j] = h.accuracy(test.get(j));
          }
          System.out.printf(
              Locale.ROOT,
              "%s after task %d: %s (%.0f s)%n",
              name,
              i + 1,
              java.util.Arrays.toString(java.util.Arrays.copyOf(r[i], i + 1)),
              HopfieldBench.secs(t0));
        }
      }
      double acc = 0;
      double bwt = 0;
      for (int j = 0; j < tasks; j++) {
        acc += r[tasks - 1][j] / tasks;
        if (j < tasks - 1) {
          bwt += (r[tasks - 1][j] - r[j][j]) / (tasks - 1);
        }
      }
      List<double[]> avg = new ArrayList<>();
      List<double[]> first = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        double a = 0;
        for (int j = 0; j <= i; j++) {
          a += r[i][j] / (i + 1);
        }
        avg.add(new double[] {i + 1, a});
        first.add(new double[] {i + 1, r[i][0]});
      }
      series.add(new Series(name + ": mean over tasks so far", avg));
      series.add(new Series(name + ": task 1", first));
      report.data().putPOJO(project ? "hlop_matrix" : "finetune_matrix", r);
      report.result(
          name + ": average accuracy after " + tasks + " tasks",
          String.format(Locale.ROOT, "%.4f", acc),
          project ? "above fine-tuning" : "—",
          null);
      report.result(
          name + ": backward transfer (BWT)",
          String.format(Locale.ROOT, "%+.4f", bwt),
          project ? "near 0" : "negative (forgetting)",
          project ? bwt > -0.03 : null);
      System.out.printf(Locale.ROOT, "%s: ACC %.4f BWT %+.4f%n", name, acc, bwt);
    }
    Path png = out.resolve("hlop_permuted_mnist.png");
    PngChart.lines(
        png,
        "Permuted MNIST, LIF MLP: fine-tuning vs HLOP",
        "tasks learned",
        "test accuracy",
        series);
    report.plot(png);
    report.write(out.resolve("hlop.json"));
  }

  /** Task 1 the plain images, then fixed random pixel permutations; seeded subsets per task. */
  private static void permutedTasks(
      Path data, int tasks, int trainN, int testN, List<Dataset> train, List<Dataset> test) {
    DataSplits mnist = Datasets.idx(data, "mnist", 0.01, 0);
    SplittableRandom rng = new SplittableRandom(42);
    for (int t = 0; t < tasks; t++) {
      int[] perm = Dataset.permutation(784, rng);
      if (t == 0) {
        for (int i = 0; i < 784; i++) {
          perm[i] = i;
        }
      }
      int[] trIdx = Dataset.permutation(mnist.train().size(), rng);
      train.add(
          Hlop.permute(
              mnist.train().subset(java.util.Arrays.copyOf(trIdx, trainN), "t"), perm, "task" + t));
      int[] teIdx = Dataset.permutation(mnist.test().size(), rng);
      test.add(
          Hlop.permute(
              mnist.test().subset(java.util.Arrays.copyOf(teIdx, testN), "t"), perm, "test" + t));
    }
  }
}
