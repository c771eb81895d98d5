package org.gyrus.nn.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.plot.PngChart;
import org.gyrus.nn.plot.RowReport;
import org.gyrus.nn.spiking.EchoStateNetwork;
import org.gyrus.nn.spiking.SequenceModels;
import org.gyrus.nn.spiking.SpikingReservoir;

/**
 * Row {@code lsm} (B10): sequential MNIST row by row (28 steps of 28 pixels) with a fixed spiking
 * reservoir and a trained linear readout, against an echo-state network and a trained tanh RNN
 * whose readouts see the same number of features (N neurons × 4 time windows); the same reservoir
 * is then reused zero-shot on sequential Fashion-MNIST (only the readout retrained). Arguments:
 * DATA_DIR OUT_DIR TRAIN TEST NEURONS READOUT_EPOCHS RNN_EPOCHS.
 */
public final class LsmBench {
  private LsmBench() {}

  public static void main(String[] args) {
    Path data = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int trainN = Integer.parseInt(args[2]);
    int testN = Integer.parseInt(args[3]);
    int neurons = Integer.parseInt(args[4]);
    int readoutEpochs = Integer.parseInt(args[5]);
    int rnnEpochs = Integer.parseInt(args[6]);
    int windows = 4;
    SpikingReservoir lsm = new SpikingReservoir(neurons, 28, 0.1, 0.1, 0.15, 4, windows, 1);
    EchoStateNetwork esn = new EchoStateNetwork(neurons, 28, 0.1, 0.9, 0.5, 0.5, windows, 1);
    RowReport report =
        new RowReport(
            "lsm",
            "bench/blocks_dynamics/run.sh lsm",
            String.format(
                Locale.ROOT,
                "%d training / %d test sequences per task (of 60k/10k), %d neurons, 4 windows;"
                    + " readouts %d epochs, RNN %d epochs",
                trainN,
                testN,
                neurons,
                readoutEpochs,
                rnnEpochs));
    for (String task : new String[] {"mnist", "fashion-mnist"}) {
      DataSplits s = Datasets.idx(data, task, 0.01, 0);
      Dataset train = head(s.train(), trainN, 1);
      Dataset test = head(s.test(), testN, 2);
      long t0 = System.nanoTime();
      float[] lf = SequenceModels.features(lsm, train, 28);
      float[] lft = SequenceModels.features(lsm, test, 28);
      double lsmAcc =
          SequenceModels.linearReadout(
              lf, train.y(), lft, test.y(), lsm.features(), readoutEpochs, 0);
      double lsmSecs = HopfieldBench.secs(t0);
      if (task.equals("mnist")) {
        rateMap(lf, neurons, windows, out.resolve("lsm_spike_counts.png"), report);
      }
      t0 = System.nanoTime();
      float[] ef = SequenceModels.features(esn, train, 28);
      float[] eft = SequenceModels.features(esn, test, 28);
      double esnAcc =
          SequenceModels.linearReadout(
              ef, train.y(), eft, test.y(), esn.features(), readoutEpochs, 0);
      double esnSecs = HopfieldBench.secs(t0);
      t0 = System.nanoTime();
      double rnnAcc =
          SequenceModels.trainedRnn(
              train.x(), train.y(), test.x(), test.y(), 28, 28, neurons, windows, rnnEpochs, 0);
      double rnnSecs = HopfieldBench.secs(t0);
      System.out.printf(
          Locale.ROOT,
          "%s row by row: LSM %.4f (%.0f s), ESN %.4f (%.0f s), trained RNN %.4f (%.0f s)%n",
          task,
          lsmAcc,
          lsmSecs,
          esnAcc,
          esnSecs,
          rnnAcc,
          rnnSecs);
      String note = task.equals("mnist") ? "" : " (same reservoir, zero-shot reuse)";
      report.result(
          "sequential " + task + ": LSM test accuracy" + note, fmt(lsmAcc), "vs ESN / RNN", null);
      report.result("sequential " + task + ": ESN test accuracy", fmt(esnAcc), "—", null);
      report.result(
          "sequential " + task + ": trained RNN test accuracy (" + rnnEpochs + " epochs)",
          fmt(rnnAcc),
          "—",
          null);
      report
          .data()
          .putObject(task)
          .put("lsm", lsmAcc)
          .put("esn", esnAcc)
          .put("rnn", rnnAcc)
          .put("lsm_seconds", lsmSecs)
          .put("esn_seconds", esnSecs)
          .put("rnn_seconds", rnnSecs);
    }
    report.write(out.resolve("lsm.json"));
  }

  private static Dataset head(Dataset d, int n, long seed) {
    int[] idx = Arrays.copyOf(Dataset.permutation(d.size(), new SplittableRandom(seed)), n);
    return d.subset(idx, d.name());
  }

  /** Spike counts per window of the first 120 neurons for the first training sequence. */
  private static void rateMap(float[] feats, int n, int windows, Path png, RowReport report) {
    int shown = Math.min(120, n);
    double[] x = new double[shown];
    double[] y = new double[windows];
    double[][] z = new double[windows][shown];
    double max = 1;
    for (int w = 0; w < windows; w++) {
      y[w] = w + 1;
      for (int i = 0; i < shown; i++) {
        x[i] = i;
        z[w][i] = feats[w * n + i];
        max = Math.max(max, z[w][i]);
      }
    }
    PngChart.heatmap(
        png,
        "LSM spike counts, first sequence (rows 1-7, 8-14, 15-21, 22-28)",
        "neuron",
        "time window",
        x,
        y,
        z,
        0,
        max,
        List.of());
    report.plot(png);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
