package org.gyrus.search.algo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.Dna;
import org.gyrus.core.DnaSpec;
import org.gyrus.core.NodeType;
import org.gyrus.core.Space;
import org.gyrus.core.plugin.Register;
import org.gyrus.search.Algorithm;
import org.gyrus.search.AlgorithmFactory;
import org.gyrus.search.History;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;

/**
 * Bayesian optimisation with a Gaussian-process surrogate (the SMBO searcher of DeepArchitect, in
 * the form of Snoek et al. 2012): after {@code startup} start-up trials (5: on Hartmann-6 at 50
 * trials 5 beat 7 and 10; a randomised Sobol sequence, {@link StartupDesign}), fit a {@link
 * GaussianProcess} (Matérn-5/2, one length-scale per decision) to the scores, their bad tail
 * compressed by a log ({@code warp}, see {@link #warpTail}) and standardised, and propose the point
 * of highest log expected improvement, found by a multi-start local search.
 *
 * <p>Precision on smooth functions: the noise variance may fall to 1e-9 of the standardised scores
 * ({@code min_noise}) and the acquisition search also starts from moves of 1% and 0.1% of each
 * range around the incumbent ({@code polish}), so the model resolves differences of 1e-6 and the
 * search can find the acquisition's peak next to the best trial. With the older 1e-6 floor and no
 * polish, the best after 200 Six-Hump Camel trials stalled 1.34e-6 above the optimum (mean of 10
 * seeds, independent start-up samples); with both it is 1.5e-8 above after 100 trials (at most
 * 3.2e-8) and 7.7e-9 after 200. Neither change alone was enough (1.75e-6 and 1.51e-6 after 200).
 *
 * <p>Decisions are coordinates of the {@link UnitCube}: log ranges are warped by the log, integers
 * are rounded to their grid before the acquisition is scored (so it scores real points), choices
 * use an overlap kernel. A decision inactive at a point is masked: it takes a fixed value there, so
 * two points where it is inactive do not differ in it. Trials still RUNNING count as if they had
 * scored the worst value so far (the constant liar), which spreads a batch of parallel asks.
 *
 * <p>Hyper-parameters are refitted by marginal likelihood on a schedule fixed by the number of
 * completed trials (every trial up to 30, then every 12%), on the first m trials, and cached; a
 * cache miss recomputes the same fit, so proposals depend only on the history and the rng.
 */
public final class GpSearch implements Algorithm {
  private final int startup;
  private final int candidates;
  private final int restarts;
  private final boolean warp;
  private final int maxPoints;
  private final boolean sobol;
  private final double logNoiseLo;
  private final double polish;
  private DnaSpec fitFor;
  private long[] fitIds = new long[0];
  private double[] fitTheta;

  public GpSearch(int startup, int candidates, int restarts, boolean warp) {
    this(startup, candidates, restarts, warp, 200);
  }

  public GpSearch(int startup, int candidates, int restarts, boolean warp, int maxPoints) {
    this(startup, candidates, restarts, warp, maxPoints, true, 1e-9, 1e-3);
  }

  /**
   * Every option: {@code sobol} start-up points (else independent samples), {@code minNoise} the
   * floor of the noise variance of the standardised scores, {@code polish} the smallest scale of
   * the extra moves around the incumbent in the acquisition search (10x and 1x it; 0: none).
   */
  public GpSearch(
      int startup,
      int candidates,
      int restarts,
      boolean warp,
      int maxPoints,
      boolean sobol,
      double minNoise,
      double polish) {
    this.polish = polish;
    this.sobol = sobol;
    this.logNoiseLo = Math.log(minNoise);
    this.maxPoints = maxPoints;
    this.startup = startup;
    this.warp = warp;
    this.candidates = candidates;
    this.restarts = restarts;
  }

  /** {@code gp}: the registered factory. */
  @Register
  public static final class Factory implements AlgorithmFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "gp",
          "Gaussian-process Bayesian optimisation: Matérn-5/2 ARD, log-EI, constant liar",
          ArgSpec.optional("startup", Kind.INT, 5).min(2).doc("random trials before the model"),
          ArgSpec.optional("candidates", Kind.INT, 256)
              .min(1)
              .doc("starts of the acquisition search"),
          ArgSpec.optional("restarts", Kind.INT, 2).min(1).doc("starts of the likelihood fit"),
          ArgSpec.optional("warp", Kind.BOOL, true).doc("compress the bad tail of the scores"),
          ArgSpec.optional("max_points", Kind.INT, 200)
              .min(10)
              .doc("trials the model is fitted to: past this, the best half and the most recent"),
          ArgSpec.optional("design", Kind.STR, "sobol")
              .oneOf("sobol", "random")
              .doc("start-up points: a randomised Sobol sequence, or independent samples"),
          ArgSpec.optional("min_noise", Kind.FLOAT, 1e-9)
              .range(1e-12, 1)
              .doc("floor of the noise variance (scores standardised)"),
          ArgSpec.optional("polish", Kind.FLOAT, 1e-3)
              .range(0, 0.1)
              .doc("smallest scale of extra acquisition moves around the incumbent (0: none)"));
    }

    @Override
    public GpSearch create(Args a) {
      return new GpSearch(
          a.smallInt("startup"),
          a.smallInt("candidates"),
          a.smallInt("restarts"),
          a.bool("warp"),
          a.smallInt("max_points"),
          a.string("design").equals("sobol"),
          a.number("min_noise"),
          a.number("polish"));
    }
  }

  @Override
  public synchronized Dna propose(Space space, History history, RandomGenerator rng) {
    List<Trial> done = history.completed();
    UnitCube cube = new UnitCube(space.dnaSpec());
    if (done.size() < startup || cube.size() == 0) {
      return sobol
          ? StartupDesign.next(space, history, rng)
          : new RandomSearch().propose(space, history, rng);
    }
    boolean[] cat = new boolean[cube.size()];
    for (int j = 0; j < cat.length; j++) {
      cat[j] = cube.isCategorical(j);
    }
    List<Trial> all = done;
    double[] scores = new double[all.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = history.score(all.get(i));
    }
    done = subset(all, trainingSet(scores, maxPoints));
    int n = done.size();
    double[][] x = new double[n][];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = modelPoint(cube, done.get(i).dna());
      y[i] = history.score(done.get(i));
    }
    if (warp) {
      warpTail(y);
    }
    standardise(y);
    double[] theta = hyperParameters(space.dnaSpec(), cube, all, scores, x, y, cat);
    List<double[]> xs = new ArrayList<>(Arrays.asList(x));
    double worst = Arrays.stream(y).min().orElse(0);
    double best = Arrays.stream(y).max().orElse(0);
    for (Trial t : history.trials()) {
      if (t != null && t.state() == TrialState.RUNNING) {
        xs.add(modelPoint(cube, t.dna())); // the constant liar
      }
    }
    double[] ys = Arrays.copyOf(y, xs.size());
    Arrays.fill(ys, n, ys.length, worst);
    GaussianProcess gp = null;
    for (int attempt = 0; gp == null && attempt < 8; attempt++) {
      gp = GaussianProcess.condition(xs.toArray(new double[0][]), ys, cat, theta);
      theta[cat.length + 1] += Math.log(10); // more noise if the matrix was singular
    }
    if (gp == null) {
      return new RandomSearch().propose(space, history, rng);
    }
    double[] scales = polish > 0 ? new double[] {10 * polish, polish} : new double[0];
    return new AcquisitionSearch(space, cube, gp, best, history, rng, scales)
        .run(candidates, done, y);
  }

  /** Cube coordinates with inactive decisions masked: a fixed 0.5, or -1 for a choice. */
  static double[] modelPoint(UnitCube cube, Dna dna) {
    double[] u = cube.encode(dna);
    for (int j = 0; j < u.length; j++) {
      if (Double.isNaN(u[j])) {
        u[j] = cube.isCategorical(j) ? -1 : 0.5;
      }
    }
    return u;
  }

  /**
   * Compresses the bad tail of the scores: s -> -log(1 + (best - s) / scale), scale the median gap
   * to the best. Monotone, so the incumbent stays the incumbent; a few terrible trials
   * (Rosenbrock's corners) no longer flatten the model's picture of the good region.
   */
  static void warpTail(double[] y) {
    double best = Arrays.stream(y).max().orElse(0);
    double[] gaps = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      gaps[i] = best - y[i];
    }
    double[] sorted = gaps.clone();
    Arrays.sort(sorted);
    double scale = sorted[sorted.length / 2];
    if (!(scale > 0)) {
      return;
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = -Math.log1p(gaps[i] / scale);
    }
  }

  private static void standardise(double[] y) {
    double mean = Arrays.stream(y).average().orElse(0);
    double var = 0;
    for (double v : y) {
      var += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(var / Math.max(1, y.length));
    for (int i = 0; i < y.length; i++) {
      y[i] = sd > 1e-300 ? (y[i] - mean) / sd : 0;
    }
  }

  /** The size of the prefix the hyper-parameters are fitted on: n up to 30, then every 12%. */
  static int refitPoint(int n) {
    if (n <= 30) {
      return n;
    }
    int p = 30;
    while (true) {
      int next = Math.max(p + 1, (int) Math.round(p * 1.12));
      if (next > n) {
        return p;
      }
      p = next;
    }
  }

  /**
   * The trials the model sees: all of them up to {@code cap}; past it the best half by score and
   * then the most recent, in history order. The fit is cubic in this number, so it bounds the cost
   * of a long study (1,000 trials) while the model keeps the good region and the current one.
   */
  static int[] trainingSet(double[] scores, int cap) {
    int n = scores.length;
    if (n <= cap) {
      return java.util.stream.IntStream.range(0, n).toArray();
    }
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a])); // stable: earlier first
    boolean[] keep = new boolean[n];
    for (int k = 0; k < cap / 2; k++) {
      keep[order[k]] = true;
    }
    for (int i = n - 1, kept = cap / 2; i >= 0 && kept < cap; i--) {
      if (!keep[i]) {
        keep[i] = true;
        kept++;
      }
    }
    return java.util.stream.IntStream.range(0, n).filter(i -> keep[i]).toArray();
  }

  private static List<Trial> subset(List<Trial> trials, int[] idx) {
    if (idx.length == trials.size()) {
      return trials;
    }
    List<Trial> out = new ArrayList<>(idx.length);
    for (int i : idx) {
      out.add(trials.get(i));
    }
    return out;
  }

  /**
   * Hyper-parameters fitted on the first {@code m = refitPoint(n)} trials and cached between asks.
   * Up to {@code maxPoints} trials, on the first m of the model's own points ({@code x}, {@code
   * y}); past it, on the training set of that prefix, warped and standardised on its own.
   */
  private double[] hyperParameters(
      DnaSpec spec,
      UnitCube cube,
      List<Trial> done,
      double[] scores,
      double[][] x,
      double[] y,
      boolean[] cat) {
    int m = refitPoint(done.size());
    boolean hit = spec == fitFor && fitIds.length == m;
    for (int i = 0; hit && i < m; i++) {
      hit = done.get(i).id() == fitIds[i];
    }
    if (!hit) {
      double[][] xm;
      double[] ym;
      if (done.size() <= maxPoints) {
        xm = Arrays.copyOf(x, m);
        ym = Arrays.copyOf(y, m);
        if (m < y.length) {
          standardise(ym);
        }
      } else {
        double[] prefix = Arrays.copyOf(scores, m);
        int[] idx = trainingSet(prefix, maxPoints);
        xm = new double[idx.length][];
        ym = new double[idx.length];
        for (int k = 0; k < idx.length; k++) {
          xm[k] = modelPoint(cube, done.get(idx[k]).dna());
          ym[k] = prefix[idx[k]];
        }
        if (warp) {
          warpTail(ym);
        }
        standardise(ym);
      }
      fitTheta = GpFit.fit(xm, ym, cat, restarts, 60, 31L * m + cat.length, logNoiseLo);
      fitFor = spec;
      fitIds = new long[m];
      for (int i = 0; i < m; i++) {
        fitIds[i] = done.get(i).id();
      }
    }
    return fitTheta.clone();
  }
}
