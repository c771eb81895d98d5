package org.gyrus.nesy.pinesy;

import java.util.function.ToDoubleFunction;
import org.gyrus.core.SpecError;

/**
 * Π-NeSy's learning of rule parameters from many training samples (Baaj and Marquis 2025, following
 * the authors' reference implementation): each sample gives a min-max system {@code Γ(λ, ρ) □ (s,
 * r) = b} whose second member b is the one-hot target over the partition.
 *
 * <ol>
 *   <li>Every sample's own Chebyshev distance ∇(e) is computed; only samples with {@code ∇(e) < τ}
 *       are kept (a sample whose premise degrees contradict its label cannot be fitted and would
 *       drag the whole system to ∇ = 0.5).
 *   <li>Each kept sample's b is replaced by its lowest Chebyshev approximation (now consistent on
 *       its own), and the samples are stacked into one system.
 *   <li>The stacked system's per-equation distances ∇_i are computed; {@code ∇_NC = max{∇_i : ∇_i <
 *       τ}}, and the parameters are the lowest approximate solution {@code x̌((b − ∇_NC)⁺)}.
 * </ol>
 *
 * τ is picked from {@link #GRID}: the least value that keeps a sample, then raised while the
 * validation accuracy improves (done by the task, which knows its accuracy).
 */
public final class RuleLearning {
  /** Thresholds (i/30)^5 · (1 + 0.001), i = 1..30: the reference's grid (dense near 0). */
  public static final double[] GRID = grid(30, 5, 0.001);

  /** The result: parameters (s_1, r_1, …), samples kept, ∇_NC, the stacked system's ∇. */
  public record Learned(double[] params, int kept, double nablaNc, double stackedNabla) {}

  private RuleLearning() {}

  static double[] grid(int n, double strength, double eps) {
    double[] g = new double[n];
    for (int i = 1; i <= n; i++) {
      g[i - 1] = Math.pow((double) i / n, strength) * (1 + eps);
    }
    return g;
  }

  /** Every sample's own Chebyshev distance ∇(e). */
  public static double[] sampleDistances(
      PossibilisticRules rules, double[][] inputs, double[][] targets) {
    double[] out = new double[inputs.length];
    for (int e = 0; e < inputs.length; e++) {
      out[e] = MinMaxSystem.distance(rules.learningMatrix(inputs[e]), targets[e]);
    }
    return out;
  }

  /** Learns a task's rule parameters under thresholds τ. */
  @FunctionalInterface
  public interface Fit<M> {
    /** Learns under {@code tau}, writing the thresholds actually used into {@code used}. */
    M fit(double[] tau, double[] used);
  }

  /**
   * The reference's threshold search over {@code n} thresholds: start from the least useful ones,
   * raise each in turn along {@link #GRID} while the validation accuracy gains more than 0.01
   * points, stop at the first value that does not. {@code accuracy} scores a model on validation,
   * in [0, 1]. The chosen thresholds go to {@code chosen}.
   */
  public static <M> M searchThresholds(
      int n, Fit<M> task, ToDoubleFunction<M> accuracy, double[] chosen) {
    double[] used = new double[n];
    M best = task.fit(new double[n], used);
    double[] tau = used.clone();
    double bestAcc = 100 * accuracy.applyAsDouble(best);
    for (int i = 0; i < n; i++) {
      for (double t : GRID) {
        if (t <= tau[i]) {
          continue;
        }
        double[] trial = tau.clone();
        trial[i] = t;
        M m = task.fit(trial, used);
        double acc = 100 * accuracy.applyAsDouble(m);
        if (acc > bestAcc + 0.01) {
          best = m;
          bestAcc = acc;
          tau = used.clone();
        } else {
          break;
        }
      }
    }
    System.arraycopy(tau, 0, chosen, 0, n);
    return best;
  }

  /** τ raised to the least grid value that keeps a sample: the threshold a fit really uses. */
  public static double threshold(double tau, double[] sampleDistances) {
    return Math.max(tau, minimalThreshold(sampleDistances));
  }

  /** The least grid value that keeps at least one sample ({@code ∇(e) < τ}). */
  public static double minimalThreshold(double[] sampleDistances) {
    double least = Double.POSITIVE_INFINITY;
    for (double d : sampleDistances) {
      least = Math.min(least, d);
    }
    for (double t : GRID) {
      if (least < t) {
        return t;
      }
    }
    return GRID[GRID.length - 1];
  }

  /**
   * Learns the parameters with threshold τ ({@code τ > 1} keeps every sample and every equation).
   */
  public static Learned learn(
      PossibilisticRules rules,
      double[][] inputs,
      double[][] targets,
      double[] sampleDistances,
      double tau) {
    int kept = 0;
    for (double d : sampleDistances) {
      kept += d < tau ? 1 : 0;
    }
    if (kept == 0) {
      throw new SpecError("threshold", "one that keeps a sample", "" + tau);
    }
    double[][] in = new double[kept][];
    int p = rules.subsets();
    double[] b = new double[kept * p];
    int e2 = 0;
    for (int e = 0; e < inputs.length; e++) {
      if (sampleDistances[e] < tau) {
        double[] approx =
            MinMaxSystem.lowestApproximation(
                rules.learningMatrix(inputs[e]), targets[e], sampleDistances[e]);
        System.arraycopy(approx, 0, b, e2 * p, p);
        in[e2++] = inputs[e];
      }
    }
    MinMaxSystem.Gamma g = rules.stacked(in);
    double[] nabla = MinMaxSystem.distances(g, b);
    double nc = 0;
    double all = 0;
    for (double d : nabla) {
      all = Math.max(all, d);
      if (d < tau) {
        nc = Math.max(nc, d);
      }
    }
    return new Learned(MinMaxSystem.lowestApproximateSolution(g, b, nc), kept, nc, all);
  }
}
