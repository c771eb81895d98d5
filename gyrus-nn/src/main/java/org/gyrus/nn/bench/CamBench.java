package org.gyrus.nn.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.gyrus.nn.attractor.SpikingCam;
import org.gyrus.nn.plot.PngChart;
import org.gyrus.nn.plot.PngChart.Series;
import org.gyrus.nn.plot.RowReport;

/**
 * Row {@code cam} (B11): recall from 30/50/70% fragments vs number of stored patterns (N = 200
 * neurons, 20 active per pattern, no decay), and the forgetting curve (16 patterns stored in a
 * stream with synaptic decay 0, 0.03, 0.06 and 0.12 per pattern; recall from 50% fragments vs age).
 * A pattern counts as recalled when the F1 of the recalled set is at least 0.9. Arguments: OUT_DIR
 * TRIALS.
 */
public final class CamBench {
  static final int N = 200;
  static final int ACTIVE = 20;
  static final int LEARN_MS = 100;
  static final int CUE_MS = 10;
  static final int RECALL_MS = 30;

  private CamBench() {}

  public static void main(String[] args) {
    Path out = Path.of(args[0]);
    int trials = Integer.parseInt(args[1]);
    RowReport report =
        new RowReport(
            "cam",
            "bench/blocks_dynamics/run.sh cam",
            "N=200 LIF neurons, 20 active per pattern, one 100 ms presentation per pattern, "
                + trials
                + " networks per point");
    capacity(out, trials, report);
    forgetting(out, trials, report);
    report.write(out.resolve("cam.json"));
  }

  /** Fraction of stored patterns recalled (F1 >= 0.9) and mean F1, per fragment size. */
  static double[][] storeAndRecall(int patterns, double[] fractions, int trials, long seed) {
    double[][] res = new double[fractions.length][2];
    for (int t = 0; t < trials; t++) {
      SplittableRandom rng = new SplittableRandom(seed + 101L * t);
      SpikingCam cam = new SpikingCam(SpikingCam.Config.standard(N, 0));
      List<int[]> stored = new ArrayList<>();
      for (int p = 0; p < patterns; p++) {
        stored.add(SpikingCam.randomPattern(N, ACTIVE, rng));
        cam.learn(stored.get(p), LEARN_MS, rng);
      }
      for (int f = 0; f < fractions.length; f++) {
        for (int[] pat : stored) {
          int[] cue = SpikingCam.fragment(pat, fractions[f], rng);
          double f1 = SpikingCam.f1(pat, cue, cam.recall(cue, CUE_MS, RECALL_MS, rng));
          res[f][0] += (f1 >= 0.9 ? 1.0 : 0.0) / (patterns * trials);
          res[f][1] += f1 / (patterns * trials);
        }
      }
    }
    return res;
  }

  private static void capacity(Path out, int trials, RowReport report) {
    int[] loads = {5, 10, 15, 20, 25, 30, 40, 60};
    double[] fractions = {0.3, 0.5, 0.7};
    double[][][] r = new double[loads.length][][];
    long t0 = System.nanoTime();
    for (int l = 0; l < loads.length; l++) {
      r[l] = storeAndRecall(loads[l], fractions, trials, 17L * loads[l]);
      System.out.printf(
          Locale.ROOT,
          "cam P=%d recalled 30%%: %.2f 50%%: %.2f 70%%: %.2f (F1 %.2f %.2f %.2f)%n",
          loads[l],
          r[l][0][0],
          r[l][1][0],
          r[l][2][0],
          r[l][0][1],
          r[l][1][1],
          r[l][2][1]);
    }
    System.out.printf(Locale.ROOT, "capacity sweep %.1f s%n", HopfieldBench.secs(t0));
    List<Series> series = new ArrayList<>();
    var data = report.data().putArray("capacity");
    for (int f = 0; f < fractions.length; f++) {
      List<double[]> pts = new ArrayList<>();
      int largest = 0;
      for (int l = 0; l < loads.length; l++) {
        pts.add(new double[] {loads[l], r[l][f][0]});
        data.addObject()
            .put("fragment", fractions[f])
            .put("patterns", loads[l])
            .put("recalled", r[l][f][0])
            .put("f1", r[l][f][1]);
        if (r[l][f][0] >= 0.9) {
          largest = loads[l];
        }
      }
      series.add(new Series(Math.round(fractions[f] * 100) + "% fragment", pts));
      report.result(
          String.format(
              Locale.ROOT,
              "largest stored P with >= 90%% of patterns recalled from %d%% fragments",
              Math.round(fractions[f] * 100)),
          Integer.toString(largest),
          "recall falls with P and rises with fragment size",
          null);
    }
    boolean monotone = true;
    for (int l = 0; l < loads.length; l++) {
      monotone &= r[l][0][1] <= r[l][1][1] + 0.02 && r[l][1][1] <= r[l][2][1] + 0.02;
    }
    report.result(
        "mean F1 ordered 30% <= 50% <= 70% at every P",
        Boolean.toString(monotone), "larger fragments recall better", monotone);
    Path png = out.resolve("cam_capacity.png");
    PngChart.lines(
        png,
        "Spiking CAM (N=200, 20 active): recall vs stored patterns",
        "stored patterns P",
        "fraction recalled (F1 >= 0.9)",
        series);
    report.plot(png);
  }

  private static void forgetting(Path out, int trials, RowReport report) {
    int stream = 16;
    double[] decays = {0, 0.03, 0.06, 0.12};
    List<Series> series = new ArrayList<>();
    var data = report.data().putArray("forgetting");
    for (double decay : decays) {
      double[] byAge = new double[stream];
      for (int t = 0; t < trials; t++) {
        SplittableRandom rng = new SplittableRandom(900 + t);
        SpikingCam cam = new SpikingCam(SpikingCam.Config.standard(N, decay));
        List<int[]> stored = new ArrayList<>();
        for (int p = 0; p < stream; p++) {
          stored.add(SpikingCam.randomPattern(N, ACTIVE, rng));
          cam.learn(stored.get(p), LEARN_MS, rng);
        }
        for (int p = 0; p < stream; p++) {
          int[] cue = SpikingCam.fragment(stored.get(p), 0.5, rng);
          double f1 = SpikingCam.f1(stored.get(p), cue, cam.recall(cue, CUE_MS, RECALL_MS, rng));
          byAge[stream - 1 - p] += (f1 >= 0.9 ? 1.0 : 0.0) / trials;
        }
      }
      List<double[]> pts = new ArrayList<>();
      int span = stream;
      for (int a = 0; a < stream; a++) {
        pts.add(new double[] {a, byAge[a]});
        if (byAge[a] < 0.5 && span == stream) {
          span = a;
        }
      }
      series.add(new Series("decay " + decay, pts));
      var d = data.addObject().put("decay", decay);
      d.putPOJO("recalled_by_age", byAge);
      System.out.printf(
          Locale.ROOT, "forgetting decay %.2f: recall falls below 0.5 at age %d%n", decay, span);
      report.result(
          String.format(
              Locale.ROOT, "forgetting, decay %.2f: first age with < 50%% recalled", decay),
          span == stream ? ">= " + stream : Integer.toString(span),
          "older patterns fade",
          null);
    }
    Path png = out.resolve("cam_forgetting.png");
    PngChart.lines(
        png,
        "Spiking CAM forgetting curve (16 patterns, 50% fragments)",
        "age (patterns stored after it)",
        "fraction recalled",
        series);
    report.plot(png);
  }
}
