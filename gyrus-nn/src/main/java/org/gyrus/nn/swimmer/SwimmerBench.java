package org.gyrus.nn.swimmer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.gyrus.nn.bench.PngLines;
import org.gyrus.nn.bench.RowJson;

/**
 * The NCAP row of issue 19: NCAP (4 shared parameters) and tanh MLP policies of growing width on a
 * 6-link resistive-force swimmer, each trained by the same evolution strategies; forward speed vs
 * parameters, and the NCAP swimmer's trajectory. Usage: {@code SwimmerBench OUT_DIR GENERATIONS
 * PAIRS SEED HIDDEN...}, e.g. {@code out 100 16 0 4,8,16}.
 */
public final class SwimmerBench {
  static final int LINKS = 6;
  static final double PERIOD = 1.0;

  private SwimmerBench() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int generations = Integer.parseInt(args[1]);
    int pairs = Integer.parseInt(args[2]);
    int seed = Integer.parseInt(args[3]);
    String[] widths = args[4].split(",");
    Episode e = new Episode(new Swimmer(LINKS), 0.05, 0.01, 4.0);
    RowJson row = new RowJson("ncap");
    List<double[]> speedVsParams = new ArrayList<>();
    Ncap ncap = new Ncap(LINKS - 1, PERIOD);
    long t0 = System.nanoTime();
    Es.Result rn =
        Es.optimise(
            e, ncap, new double[] {0.5, 0.5, 0.5, 0.5}, generations, pairs, 0.1, 0.05, seed);
    double ncapSeconds = (System.nanoTime() - t0) / 1e9;
    row.put("ncap", entry(ncap, rn, ncapSeconds));
    System.err.printf(
        Locale.ROOT,
        "ncap params 4 speed %.4f body/s theta %s%n",
        rn.score(),
        java.util.Arrays.toString(rn.theta()));
    PngLines curves =
        new PngLines(
            "ES: best forward speed per generation", "generation", "speed (body lengths / s)");
    curves.add("ncap (4)", curve(rn.curve()));
    double bestMlp = Double.NEGATIVE_INFINITY;
    int largest = 0;
    double largestSpeed = Double.NaN;
    for (String w : widths) {
      MlpPolicy mlp = new MlpPolicy(LINKS - 1, Integer.parseInt(w), PERIOD);
      double[] init = new double[mlp.params()];
      SplittableRandom rng = new SplittableRandom(seed + 17L);
      for (int i = 0; i < init.length; i++) {
        init[i] = rng.nextDouble(-0.3, 0.3);
      }
      t0 = System.nanoTime();
      Es.Result r = Es.optimise(e, mlp, init, generations, pairs, 0.05, 0.03, seed);
      double secs = (System.nanoTime() - t0) / 1e9;
      row.put(mlp.name(), entry(mlp, r, secs));
      speedVsParams.add(new double[] {Math.log10(mlp.params()), r.score()});
      curves.add(mlp.name() + " (" + mlp.params() + ")", curve(r.curve()));
      System.err.printf(
          Locale.ROOT, "%s params %d speed %.4f%n", mlp.name(), mlp.params(), r.score());
      bestMlp = Math.max(bestMlp, r.score());
      if (mlp.params() > largest) {
        largest = mlp.params();
        largestSpeed = r.score();
      }
    }
    PngLines plot =
        new PngLines(
            "Swimmer: forward speed vs parameters",
            "log10(parameters)",
            "speed (body lengths / s)");
    plot.add("mlp + ES", speedVsParams);
    plot.add("ncap + ES", List.of(new double[] {Math.log10(4), rn.score()}));
    plot.write(out.resolve("ncap.png"));
    curves.write(out.resolve("ncap_es.png"));
    List<double[]> path = e.path(ncap, rn.theta());
    new PngLines("NCAP swimmer: centre-of-mass path (4 s)", "x", "y")
        .add("ncap", path)
        .write(out.resolve("ncap_trajectory.png"));
    row.put("links", LINKS).put("episode_seconds", e.seconds()).put("dt", e.dt());
    row.put("generations", generations).put("pairs", pairs).put("seed", seed);
    boolean met = rn.score() >= 0.8 * largestSpeed && largest >= 100 * 4;
    row.write(
        out.resolve("ncap.json"),
        "NCAP (~4 shared params) reaches a forward speed comparable to an MLP policy with >= 100x"
            + " the parameters, both trained by evolution strategies; speed vs parameters plot",
        met,
        String.format(
            Locale.ROOT,
            "met = NCAP speed >= 0.8 x the speed of the largest MLP (%d params, %.0fx). Stokes-limit"
                + " resistive-force swimmer, %d links; ES: %d generations x %d antithetic pairs;"
                + " dm_control's swimmer (inertia) and the paper's PPO not reproduced.",
            largest,
            largest / 4.0,
            LINKS,
            generations,
            pairs));
  }

  private static Map<String, Object> entry(Policy p, Es.Result r, double seconds) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("params", p.params());
    m.put("speed", r.score());
    m.put("evaluations", r.evaluations());
    m.put("train_seconds", seconds);
    if (p.params() <= 8) {
      m.put("theta", r.theta());
    }
    return m;
  }

  private static List<double[]> curve(double[] c) {
    List<double[]> l = new ArrayList<>();
    for (int i = 0; i < c.length; i++) {
      l.add(new double[] {i + 1, c[i]});
    }
    return l;
  }
}
