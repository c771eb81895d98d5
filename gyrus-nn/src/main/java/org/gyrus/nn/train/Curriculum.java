package org.gyrus.nn.train;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Cyclical curriculum (Kesgin and Amasyali): each epoch trains on a fraction of the data that
 * cycles 0.25, 0.5, 1, 0.5, 0.25, ...; the examples are sampled without replacement, easy ones (low
 * loss) likelier. Two kinds of score: by default self-paced, each example's last-seen training loss
 * with weight exp(-loss / mean loss), unseen examples scoring the mean; or, as in the paper's code,
 * {@link #scored fixed losses} from a model trained beforehand with weight 1 / loss.
 */
public final class Curriculum {
  private static final double[] CYCLE = {0.25, 0.5, 1.0, 0.5};
  private final float[] score;
  private final boolean[] seen;
  private final boolean fixed;

  public Curriculum(int n) {
    this(new float[n], new boolean[n], false);
  }

  private Curriculum(float[] score, boolean[] seen, boolean fixed) {
    this.score = score;
    this.seen = seen;
    this.fixed = fixed;
  }

  /** Fixed scores: per-example losses of a scoring model; weight 1 / loss (the paper's "easy"). */
  public static Curriculum scored(float[] losses) {
    boolean[] all = new boolean[losses.length];
    Arrays.fill(all, true);
    for (int i = 0; i < losses.length; i++) {
      if (!(losses[i] >= 0) || Float.isInfinite(losses[i])) {
        throw new IllegalArgumentException(
            "curriculum score " + i + " must be a finite loss >= 0, found " + losses[i]);
      }
    }
    return new Curriculum(losses.clone(), all, true);
  }

  public static double fraction(int epoch) {
    return CYCLE[epoch % CYCLE.length];
  }

  /**
   * Curriculum epochs that see as many examples as {@code vanillaEpochs} full epochs: the fewest
   * whose fractions sum to at least that (the paper's {@code get_cycle_sizes} stopping rule).
   */
  public static int epochsForEqualSteps(double vanillaEpochs) {
    double sum = 0;
    int e = 0;
    while (sum < vanillaEpochs - 1e-9) {
      sum += fraction(e++);
    }
    return e;
  }

  /** The last-seen loss of an example (ignored for fixed scores). */
  public void record(int example, float loss) {
    if (!fixed) {
      score[example] = loss;
      seen[example] = true;
    }
  }

  private double weight(double s, double mean) {
    return fixed ? 1.0 / Math.max(s, 1e-12) : Math.exp(-s / mean);
  }

  /** Example indices for this epoch, in a random order. */
  public int[] select(int epoch, RandomGenerator rng) {
    int n = score.length;
    int k = (int) Math.max(1, Math.round(fraction(epoch) * n));
    double sum = 0;
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (seen[i]) {
        sum += score[i];
        count++;
      }
    }
    double mean = count == 0 ? 1 : Math.max(sum / count, 1e-6);
    // Efraimidis-Spirakis: key = log(u) / w, keep the k largest
    double[] keys = new double[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      double s = seen[i] ? score[i] : mean;
      double w = weight(s, mean);
      keys[i] = Math.log(Math.max(rng.nextDouble(), 1e-300)) / w;
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(keys[b], keys[a]));
    int[] chosen = new int[k];
    for (int i = 0; i < k; i++) {
      chosen[i] = order[i];
    }
    return chosen;
  }
}
