package org.gyrus.search.algo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.gyrus.core.Dna;
import org.gyrus.core.Space;
import org.gyrus.search.History;
import org.gyrus.search.Trial;

/**
 * Maximises log expected improvement over the points of a space: random samples plus perturbations
 * of the best trials seed the pool, then a (1+1) evolution strategy with the 1/5 success rule
 * climbs from the best few. Every candidate is a real point (decoded, rounded, completed) before it
 * is scored, so integers, choices and conditional decisions need no special case.
 */
final class AcquisitionSearch {
  private static final int STARTS = 5;
  private static final int STEPS = 40;
  private final Space space;
  private final UnitCube cube;
  private final GaussianProcess gp;
  private final double best;
  private final History history;
  private final RandomGenerator rng;
  private final double[] polish;

  /** A scored point and the step its local climb starts with. */
  private record Candidate(Dna dna, double score, double step) {}

  /**
   * {@code polish}: scales of extra perturbations of the incumbent (each also the first step of
   * their climb), so the search can resolve the acquisition's peak near the best trial finer than
   * the 0.05 moves that seed it otherwise.
   */
  AcquisitionSearch(
      Space space,
      UnitCube cube,
      GaussianProcess gp,
      double best,
      History history,
      RandomGenerator rng,
      double[] polish) {
    this.polish = polish;
    this.space = space;
    this.cube = cube;
    this.gp = gp;
    this.best = best;
    this.history = history;
    this.rng = rng;
  }

  double score(Dna dna) {
    double[] post = gp.posterior(GpSearch.modelPoint(cube, dna));
    return ExpectedImprovement.logEi(post[0], Math.sqrt(post[1]), best);
  }

  /** The unseen point of highest log EI found (the best seen one if every candidate was seen). */
  Dna run(int randomCandidates, List<Trial> done, double[] y) {
    List<Candidate> pool = new ArrayList<>();
    for (int i = 0; i < randomCandidates; i++) {
      pool.add(scored(space.sample(rng), 0.1));
    }
    Integer[] order = new Integer[y.length];
    java.util.Arrays.setAll(order, i -> i);
    java.util.Arrays.sort(order, (a, b) -> Double.compare(y[b], y[a]));
    for (int r = 0; r < Math.min(STARTS, order.length); r++) {
      Dna base = done.get(order[r]).dna();
      for (int k = 0; k < 8; k++) {
        pool.add(scored(perturb(base, 0.05), 0.1));
      }
    }
    for (double s : order.length > 0 ? polish : new double[0]) {
      Dna incumbent = done.get(order[0]).dna();
      for (int k = 0; k < 8; k++) {
        pool.add(scored(perturb(incumbent, s), 2 * s));
      }
    }
    pool.sort(Comparator.comparingDouble(Candidate::score).reversed());
    List<Candidate> finals = new ArrayList<>();
    Set<String> started = new HashSet<>();
    for (Candidate c : pool) {
      if (finals.size() >= STARTS) {
        break;
      }
      if (started.add(c.dna().toJson())) {
        finals.add(climb(c));
      }
    }
    finals.addAll(pool);
    finals.sort(Comparator.comparingDouble(Candidate::score).reversed());
    for (Candidate c : finals) {
      if (!history.contains(c.dna())) {
        return c.dna();
      }
    }
    return finals.get(0).dna();
  }

  private Candidate scored(Dna dna, double step) {
    return new Candidate(dna, score(dna), step);
  }

  private Candidate climb(Candidate start) {
    Candidate cur = start;
    double step = start.step();
    for (int i = 0; i < STEPS && step > 1e-4 * start.step(); i++) {
      Candidate next = scored(perturb(cur.dna(), step), start.step());
      if (next.score() > cur.score()) {
        cur = next;
        step *= 2;
      } else {
        step *= 0.84;
      }
      step = Math.min(step, 0.5);
    }
    return cur;
  }

  /**
   * A neighbour: a Gaussian move of the given size on every active numeric coordinate (at least one
   * grid step for integers), and a new option for each active choice with probability 1/d.
   */
  private Dna perturb(Dna dna, double step) {
    double[] u = cube.encode(dna);
    int active = 0;
    for (double v : u) {
      active += Double.isNaN(v) ? 0 : 1;
    }
    for (int j = 0; j < u.length; j++) {
      if (Double.isNaN(u[j])) {
        continue;
      }
      int k = cube.levels(j);
      if (cube.isCategorical(j)) {
        if (rng.nextDouble() < 1.0 / active) {
          u[j] = (rng.nextInt(k) + 0.5) / k;
        }
      } else {
        double s = k > 0 ? Math.max(step, 0.6 / k) : step;
        u[j] = Math.max(0, Math.min(1, u[j] + s * rng.nextGaussian()));
      }
    }
    return cube.decode(u, space, rng);
  }
}
