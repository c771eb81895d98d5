package org.gyrus.nn.swimmer;

import java.util.SplittableRandom;

/**
 * OpenAI-style evolution strategies: antithetic Gaussian perturbations of scale σ, centred-rank
 * fitness shaping, Adam on the estimated gradient. Maximises {@link Episode#run}.
 */
public final class Es {
  private Es() {}

  /** Result: the best parameters seen, their score, and the best score per generation. */
  public record Result(double[] theta, double score, double[] curve, int evaluations) {}

  public static Result optimise(
      Episode e,
      Policy p,
      double[] init,
      int generations,
      int pairs,
      double sigma,
      double lr,
      long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = p.params();
    double[] theta = init.clone();
    double[] m = new double[n];
    double[] v = new double[n];
    double[] best = theta.clone();
    double bestScore = e.run(p, theta);
    double[] curve = new double[generations];
    int evals = 1;
    for (int g = 0; g < generations; g++) {
      double[][] eps = new double[pairs][n];
      double[] scores = new double[2 * pairs];
      for (int i = 0; i < pairs; i++) {
        double[] plus = theta.clone();
        double[] minus = theta.clone();
        for (int k = 0; k < n; k++) {
          eps[i][k] = gaussian(rng);
          plus[k] += sigma * eps[i][k];
          minus[k] -= sigma * eps[i][k];
        }
        scores[2 * i] = e.run(p, plus);
        scores[2 * i + 1] = e.run(p, minus);
        evals += 2;
      }
      double[] ranks = centredRanks(scores);
      double[] grad = new double[n];
      for (int i = 0; i < pairs; i++) {
        double w = ranks[2 * i] - ranks[2 * i + 1];
        for (int k = 0; k < n; k++) {
          grad[k] += w * eps[i][k] / (2 * pairs * sigma);
        }
      }
      for (int k = 0; k < n; k++) {
        m[k] = 0.9 * m[k] + 0.1 * grad[k];
        v[k] = 0.999 * v[k] + 0.001 * grad[k] * grad[k];
        double mh = m[k] / (1 - Math.pow(0.9, g + 1));
        double vh = v[k] / (1 - Math.pow(0.999, g + 1));
        theta[k] += lr * mh / (Math.sqrt(vh) + 1e-8);
      }
      double score = e.run(p, theta);
      evals++;
      if (score > bestScore) {
        bestScore = score;
        best = theta.clone();
      }
      curve[g] = bestScore;
    }
    return new Result(best, bestScore, curve, evals);
  }

  static double[] centredRanks(double[] x) {
    Integer[] idx = new Integer[x.length];
    for (int i = 0; i < x.length; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (a, b) -> Double.compare(x[a], x[b]));
    double[] r = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      r[idx[i]] = (double) i / (x.length - 1) - 0.5;
    }
    return r;
  }

  private static double gaussian(SplittableRandom rng) {
    double u = 1 - rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
