package org.gyrus.nesy.symreg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Symbolic regression search. Modes: {@code nggp} (controller samples seed a few GP generations;
 * the best of both train the controller with the risk-seeking policy gradient), {@code dsr}
 * (controller only), {@code gp} (plain GP from random programs) and {@code nggp-res} (nggp plus
 * {@link AdditiveResidual}: additive parts of the best programs kept, the residual searched). Stops
 * when the best program reaches {@link Config#stopR2} on the training data, or on the budget:
 * {@link Config#seconds} of the search thread's CPU time, or {@link Config#maxEvaluations} distinct
 * programs.
 */
public final class Regressor {
  /** The search modes, best first. */
  public static final List<String> MODES = List.of("nggp-res", "nggp", "dsr", "gp");

  /** Search settings; {@link #defaults} are the ones the benchmark uses. */
  public record Config(
      String mode,
      double seconds,
      long maxEvaluations,
      double stopR2,
      int batch,
      int gpGenerations,
      double epsilon,
      int minLen,
      int maxLen,
      int maxConsts,
      double complexityPenalty,
      long seed) {
    public static Config defaults(long seed) {
      return new Config("nggp", 600, 2_000_000, 1 - 1e-14, 500, 20, 0.05, 4, 32, 3, 1e-5, seed);
    }

    public Config withMode(String m) {
      return with(m, seconds, maxEvaluations, stopR2, seed);
    }

    public Config withSeconds(double s) {
      return with(mode, s, maxEvaluations, stopR2, seed);
    }

    /** A limit on distinct programs per run; {@code Long.MAX_VALUE}: only the CPU time counts. */
    public Config withMaxEvaluations(long n) {
      return with(mode, seconds, n, stopR2, seed);
    }

    public Config withSeed(long s) {
      return with(mode, seconds, maxEvaluations, stopR2, s);
    }

    public Config withStopR2(double r2) {
      return with(mode, seconds, maxEvaluations, r2, seed);
    }

    /** This config with the budget, stop and seed replaced (the search shape kept). */
    private Config with(String m, double s, long n, double r2, long sd) {
      return new Config(
          m,
          s,
          n,
          r2,
          batch,
          gpGenerations,
          epsilon,
          minLen,
          maxLen,
          maxConsts,
          complexityPenalty,
          sd);
    }
  }

  /** The best formula found, its training R², node count and search effort (CPU / wall s). */
  public record Result(
      Expr expr,
      double trainR2,
      int complexity,
      long evaluations,
      double seconds,
      double wallSeconds,
      int iterations) {}

  private Regressor() {}

  public static Result search(Library lib, double[][] x, double[] y, Config cfg) {
    return search(lib, x, y, cfg, List.of());
  }

  /**
   * As {@link #search(Library, double[][], double[], Config)}, with {@code prior} programs (for
   * example the formulas a SNIP data encoder retrieves for this data) placed in the first batch
   * instead of as many sampled ones; the rest of the search is unchanged.
   */
  public static Result search(
      Library lib, double[][] x, double[] y, Config cfg, List<int[]> prior) {
    if (!MODES.contains(cfg.mode())) {
      throw new IllegalArgumentException(
          "mode '" + cfg.mode() + "': expected one of " + String.join(", ", MODES));
    }
    long start = cpuNanos();
    long wallStart = System.nanoTime();
    Random rnd = new Random(cfg.seed());
    Scorer scorer = new Scorer(lib, new Evaluator(lib, x, y), cfg.complexityPenalty());
    Grammar grammar =
        new Grammar(lib, cfg.minLen(), cfg.maxLen(), lib.hasFreeConst() ? cfg.maxConsts() : 0);
    Gp gp = new Gp(lib, grammar, scorer, rnd, 5, 0.5);
    Policy policy = new Policy(lib.size(), 32, 0.002, 0.005, rnd);
    Scorer.Candidate best = null;
    List<Scorer.Candidate> gpPop = null;
    int iterations = 0;
    double stopNmse = 1 - cfg.stopR2();
    AdditiveResidual residual =
        cfg.mode().equals("nggp-res") ? new AdditiveResidual(lib, x, y, cfg) : null;
    AdditiveResidual.Found found = null;
    while (found == null) {
      iterations++;
      List<Scorer.Candidate> samples = new ArrayList<>(cfg.batch());
      boolean controller = !cfg.mode().equals("gp");
      if (controller || gpPop == null) {
        if (iterations == 1) {
          for (int[] p : prior.subList(0, Math.min(prior.size(), cfg.batch()))) {
            samples.add(scorer.score(p));
          }
        }
        while (samples.size() < cfg.batch()) {
          int[] p = controller ? policy.sample(grammar, rnd) : uniform(grammar, rnd);
          samples.add(scorer.score(p));
        }
      }
      best = better(best, samples);
      List<Scorer.Candidate> pop = controller || gpPop == null ? samples : gpPop;
      int generations = cfg.mode().equals("dsr") ? 0 : cfg.gpGenerations();
      for (int g = 0; g < generations && !finished(best, stopNmse, scorer, cfg, start); g++) {
        pop = gp.generation(pop);
        best = better(best, pop);
      }
      gpPop = pop;
      if (finished(best, stopNmse, scorer, cfg, start)) {
        break;
      }
      if (residual != null) {
        residual.offer(samples);
        residual.offer(pop);
        found = residual.attemptIfDue((cpuNanos() - start) / 1e9);
      }
      if (controller && found == null) {
        trainController(policy, grammar, samples, pop, cfg.epsilon());
      }
    }
    double seconds = (cpuNanos() - start) / 1e9;
    double wall = (System.nanoTime() - wallStart) / 1e9;
    Expr expr = found != null ? found.expr() : lib.toExpr(best.program(), best.consts());
    double trainR2 = found != null ? found.trainR2() : 1 - best.nmse();
    long evaluations = scorer.evaluations() + (residual == null ? 0 : residual.evaluations());
    return new Result(expr, trainR2, expr.size(), evaluations, seconds, wall, iterations);
  }

  private static boolean finished(
      Scorer.Candidate best, double stopNmse, Scorer scorer, Config cfg, long start) {
    return best.nmse() <= stopNmse
        || scorer.evaluations() >= cfg.maxEvaluations()
        || (cpuNanos() - start) / 1e9 >= cfg.seconds();
  }

  /**
   * The search thread's CPU time: budgets stay comparable when the (shared) machine is busy; falls
   * back to wall time where the JVM cannot measure it.
   */
  static long cpuNanos() {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long t = mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
    return t >= 0 ? t : System.nanoTime();
  }

  private static Scorer.Candidate better(Scorer.Candidate best, List<Scorer.Candidate> pop) {
    for (Scorer.Candidate c : pop) {
      if (best == null || c.fitness() > best.fitness()) {
        best = c;
      }
    }
    return best;
  }

  /** Risk-seeking policy gradient on the top epsilon fraction of controller and GP programs. */
  private static void trainController(
      Policy policy,
      Grammar grammar,
      List<Scorer.Candidate> samples,
      List<Scorer.Candidate> pop,
      double epsilon) {
    List<Scorer.Candidate> pool = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (List<Scorer.Candidate> l : List.of(samples, pop)) {
      for (Scorer.Candidate c : l) {
        if (seen.add(java.util.Arrays.toString(c.program()))) {
          pool.add(c);
        }
      }
    }
    pool.sort(Comparator.comparingDouble(Scorer.Candidate::reward).reversed());
    int top = Math.max(2, (int) Math.ceil(epsilon * samples.size()));
    List<Scorer.Candidate> elite = pool.subList(0, Math.min(top, pool.size()));
    double threshold = elite.get(elite.size() - 1).reward();
    List<int[]> programs = new ArrayList<>();
    double[] weights = new double[elite.size()];
    for (int i = 0; i < elite.size(); i++) {
      programs.add(elite.get(i).program());
      weights[i] = elite.get(i).reward() - threshold + 1e-3;
    }
    policy.train(programs, weights, grammar);
  }

  /** A program with every allowed token equally likely at each step (GP's random start). */
  static int[] uniform(Grammar template, Random rnd) {
    Grammar g = template.fresh();
    int[] allowed = new int[g.lib.size()];
    while (!g.done()) {
      int n = 0;
      for (int t = 0; t < g.lib.size(); t++) {
        if (g.allowed(t)) {
          allowed[n++] = t;
        }
      }
      g.push(allowed[rnd.nextInt(n)]);
    }
    return g.program();
  }
}
