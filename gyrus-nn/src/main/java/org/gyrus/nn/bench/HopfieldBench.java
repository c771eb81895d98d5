package org.gyrus.nn.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.gyrus.nn.attractor.DenseAssociativeMemory;
import org.gyrus.nn.attractor.HebbianNetwork;
import org.gyrus.nn.attractor.MultitaskingNetwork;
import org.gyrus.nn.plot.PngChart;
import org.gyrus.nn.plot.PngChart.Series;
import org.gyrus.nn.plot.RowReport;

/**
 * Row {@code hopfield} (B12): classical capacity (retrieval overlap vs load α at N = 500, 1000 and
 * 2000, T = 0, starting from each of 5 stored patterns), dense associative memory capacity vs
 * degree (N = 100), and the multitasking network's hierarchical vs parallel regimes over dilution
 * and temperature (N = 2000, K = 3 patterns). Arguments: OUT_DIR TRIALS.
 */
public final class HopfieldBench {
  private static final double[] ALPHAS = {
    0.04, 0.06, 0.08, 0.10, 0.11, 0.12, 0.13, 0.14, 0.15, 0.16, 0.18, 0.20, 0.24
  };

  private HopfieldBench() {}

  public static void main(String[] args) {
    Path out = Path.of(args[0]);
    int trials = Integer.parseInt(args[1]);
    RowReport report =
        new RowReport(
            "hopfield",
            "bench/blocks_dynamics/run.sh hopfield",
            "capacity at N=500, 1000, 2000 ("
                + trials
                + " networks x 5 starts per load, half at N=2000); dense AM N=100; multitasking N=2000, K=3, 60 Glauber sweeps");
    capacity(out, trials, report);
    dense(out, trials, report);
    multitasking(out, trials, report);
    report.write(out.resolve("hopfield.json"));
  }

  /** Mean final overlap per load for one N; stored patterns are added one at a time. */
  static double[] overlapVsLoad(int n, int trials, long seed) {
    double[] mean = new double[ALPHAS.length];
    for (int t = 0; t < trials; t++) {
      SplittableRandom rng = new SplittableRandom(seed + t);
      HebbianNetwork net = new HebbianNetwork(n);
      List<int[]> patterns = new ArrayList<>();
      for (int a = 0; a < ALPHAS.length; a++) {
        int p = (int) Math.round(ALPHAS[a] * n);
        while (patterns.size() < p) {
          int[] xi = HebbianNetwork.randomPattern(n, 0, rng);
          patterns.add(xi);
          net.store(xi);
        }
        for (int k = 0; k < 5; k++) {
          int[] s = patterns.get(k).clone();
          net.relax(s, 0, 40, rng);
          mean[a] += Math.abs(HebbianNetwork.overlap(patterns.get(k), s)) / (5.0 * trials);
        }
      }
    }
    return mean;
  }

  /** The load where the mean overlap first falls below 0.9, linearly interpolated. */
  static double criticalLoad(double[] mean) {
    for (int a = 1; a < ALPHAS.length; a++) {
      if (mean[a] < 0.9 && mean[a - 1] >= 0.9) {
        double f = (mean[a - 1] - 0.9) / (mean[a - 1] - mean[a]);
        return ALPHAS[a - 1] + f * (ALPHAS[a] - ALPHAS[a - 1]);
      }
    }
    return Double.NaN;
  }

  private static void capacity(Path out, int trials, RowReport report) {
    List<Series> series = new ArrayList<>();
    ArrayNode curves = report.data().putArray("capacity");
    for (int n : new int[] {500, 1000, 2000}) {
      long t0 = System.nanoTime();
      double[] mean = overlapVsLoad(n, n > 1000 ? Math.max(1, trials / 2) : trials, 1000L * n);
      double ac = criticalLoad(mean);
      List<double[]> pts = new ArrayList<>();
      for (int a = 0; a < ALPHAS.length; a++) {
        pts.add(new double[] {ALPHAS[a], mean[a]});
      }
      series.add(new Series("N=" + n, pts));
      var c = curves.addObject().put("n", n).put("alpha_c", ac);
      c.putPOJO("alpha", ALPHAS);
      c.putPOJO("overlap", mean);
      System.out.printf(Locale.ROOT, "capacity N=%d alpha_c=%.4f (%.1f s)%n", n, ac, secs(t0));
      report.result(
          "classical capacity alpha_c (overlap < 0.9), N=" + n,
          fmt(ac),
          "0.138",
          Math.abs(ac - 0.138) <= 0.02);
    }
    series.add(
        new Series("alpha=0.138", List.of(new double[] {0.138, 0}, new double[] {0.138, 1})));
    Path png = out.resolve("hopfield_capacity.png");
    PngChart.lines(
        png, "Hopfield retrieval overlap vs load (T=0)", "load alpha = P/N", "overlap", series);
    report.plot(png);
  }

  private static void dense(Path out, int trials, RowReport report) {
    int n = 100;
    int[] loads = {5, 10, 15, 20, 30, 50, 80, 120, 200, 300, 500, 800};
    List<Series> series = new ArrayList<>();
    for (int degree = 2; degree <= 4; degree++) {
      List<double[]> pts = new ArrayList<>();
      int largest = 0;
      for (int p : loads) {
        double mean = 0;
        for (int t = 0; t < trials; t++) {
          SplittableRandom rng = new SplittableRandom(7000 + 31L * t + p);
          List<int[]> pats = new ArrayList<>();
          for (int k = 0; k < p; k++) {
            pats.add(HebbianNetwork.randomPattern(n, 0, rng));
          }
          DenseAssociativeMemory dam = new DenseAssociativeMemory(pats, degree);
          for (int k = 0; k < 5; k++) {
            int[] s = dam.relax(HebbianNetwork.corrupt(pats.get(k), 0.1, rng), 30);
            mean += HebbianNetwork.overlap(pats.get(k), s) / (5.0 * trials);
          }
        }
        if (mean >= 0.95) {
          largest = p;
        }
        pts.add(new double[] {p, mean});
      }
      series.add(new Series("F(x)=x^" + degree, pts));
      System.out.printf(
          Locale.ROOT, "dense degree %d largest P with overlap>=0.95: %d%n", degree, largest);
      report.result(
          "dense AM, N=100, 10% noise: largest P with overlap >= 0.95, degree " + degree,
          Integer.toString(largest),
          "grows ~N^(degree-1)",
          null);
    }
    Path png = out.resolve("hopfield_dense.png");
    PngChart.lines(
        png,
        "Dense associative memory, N=100, 10% flipped cue",
        "stored patterns P",
        "overlap",
        series);
    report.plot(png);
  }

  private static void multitasking(Path out, int trials, RowReport report) {
    int n = 2000;
    int k = 3;
    double[] ds = new double[20];
    double[] ts = new double[10];
    for (int i = 0; i < ds.length; i++) {
      ds[i] = 0.05 * i;
    }
    for (int i = 0; i < ts.length; i++) {
      ts[i] = 0.1 * i;
    }
    double[][] ratio = new double[ts.length][ds.length];
    double[][][] profile = new double[ds.length][k][];
    long t0 = System.nanoTime();
    for (int ti = 0; ti < ts.length; ti++) {
      for (int di = 0; di < ds.length; di++) {
        double[] m = meanSortedOverlaps(n, k, ds[di], ts[ti], trials, 11L * di + 997L * ti);
        ratio[ti][di] = m[0] < 0.05 ? Double.NaN : m[k - 1] / m[0];
        if (ti == 0) {
          for (int mu = 0; mu < k; mu++) {
            profile[di][mu] = new double[] {ds[di], m[mu]};
          }
        }
      }
    }
    double dc = MultitaskingNetwork.hierarchyLimit(k);
    double parallel = Double.NaN;
    double measured = Double.NaN;
    double worst = 0;
    for (int di = 0; di < ds.length; di++) {
      if (Double.isNaN(parallel) && ratio[0][di] > 0.6) {
        parallel = ds[di];
      }
      if (Double.isNaN(measured) && profile[di][0][1] < 0.95 * (1 - ds[di])) {
        measured = ds[di];
      }
      if (ds[di] <= 0.5) {
        for (int mu = 0; mu < k; mu++) {
          double theory = (1 - ds[di]) * Math.pow(ds[di], mu);
          worst = Math.max(worst, Math.abs(profile[di][mu][1] - theory));
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "multitasking: cascade breaks at d=%.2f (analytic %.3f), m3/m1>0.6 from d=%.2f,"
            + " hierarchy error %.3f (%.1f s)%n",
        measured,
        dc,
        parallel,
        worst,
        secs(t0));
    reportMultitasking(report, worst, measured, parallel, dc);
    var phase = report.data().putObject("multitasking_phase");
    phase.putPOJO("dilution", ds);
    phase.putPOJO("temperature", ts);
    phase.putPOJO("m3_over_m1", ratio);
    List<List<double[]>> overlay =
        List.of(
            List.of(new double[] {0, 1}, new double[] {1, 0}),
            List.of(new double[] {dc, 0}, new double[] {dc, 1 - dc}));
    Path png = out.resolve("hopfield_phase.png");
    PngChart.heatmap(
        png,
        "Multitasking K=3: m3/m1 (blue hierarchical, red parallel, grey m1<0.05)",
        "dilution d",
        "temperature T",
        ds,
        ts,
        ratio,
        0,
        1,
        overlay);
    report.plot(png);
    profilePlot(out, ds, profile, report);
  }

  private static void reportMultitasking(
      RowReport report, double worst, double measured, double parallel, double dc) {
    report.result(
        "multitasking K=3, T=0: hierarchical m_k=(1-d)d^(k-1) for d<=0.5, max error",
        fmt(worst),
        "0 (cascade)",
        worst < 0.03);
    report.result(
        "multitasking K=3, T=0: first d where m_1 < 0.95(1-d) (hierarchy breaks)",
        fmt(measured),
        String.format(Locale.ROOT, "cascade limit d_c=%.3f (m_1 = m_2 + m_3)", dc),
        Math.abs(measured - dc) <= 0.07);
    report.result(
        "multitasking K=3, T=0: first d with m_3/m_1 > 0.6 (parallel retrieval)",
        fmt(parallel),
        "parallel at high dilution",
        null);
  }

  /** Simulated overlaps at T = 0 beside the cascade theory (1-d) d^(k-1). */
  private static void profilePlot(Path out, double[] ds, double[][][] profile, RowReport report) {
    int k = profile[0].length;
    List<Series> series = new ArrayList<>();
    for (int mu = 0; mu < k; mu++) {
      List<double[]> sim = new ArrayList<>();
      List<double[]> th = new ArrayList<>();
      for (int di = 0; di < ds.length; di++) {
        sim.add(profile[di][mu]);
        th.add(new double[] {ds[di], (1 - ds[di]) * Math.pow(ds[di], mu)});
      }
      series.add(new Series("m" + (mu + 1) + " simulated", sim));
      series.add(new Series("m" + (mu + 1) + " cascade theory", th));
    }
    Path prof = out.resolve("hopfield_profile.png");
    PngChart.lines(
        prof, "Multitasking network, T=0: overlaps vs dilution", "dilution d", "overlap", series);
    report.plot(prof);
  }

  /** Overlaps sorted high to low after 60 sweeps from σ = ξ^1 (blanks random), averaged. */
  static double[] meanSortedOverlaps(int n, int k, double d, double temp, int trials, long seed) {
    double[] mean = new double[k];
    for (int t = 0; t < trials; t++) {
      SplittableRandom rng = new SplittableRandom(seed * 31 + t);
      int[][] xi = new int[k][];
      for (int mu = 0; mu < k; mu++) {
        xi[mu] = HebbianNetwork.randomPattern(n, d, rng);
      }
      int[] s = new int[n];
      for (int i = 0; i < n; i++) {
        s[i] = xi[0][i] != 0 ? xi[0][i] : (rng.nextBoolean() ? 1 : -1);
      }
      double[] m = new MultitaskingNetwork(xi).run(s, temp, 60, rng);
      double[] abs = new double[k];
      for (int mu = 0; mu < k; mu++) {
        abs[mu] = Math.abs(m[mu]);
      }
      java.util.Arrays.sort(abs);
      for (int mu = 0; mu < k; mu++) {
        mean[mu] += abs[k - 1 - mu] / trials;
      }
    }
    return mean;
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
