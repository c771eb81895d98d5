package org.gyrus.nn.train;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Cyclical curriculum (Kesgin and Amasyali): each epoch trains on a fraction of the data that
 * cycles 0.25, 0.5, 1, 0.5, 0.25, ...; the examples are sampled without replacement with weight
 * exp(-loss / mean loss), so easy examples (low last-seen loss) are likelier. Unseen examples score
 * the mean loss.
 */
public final class Curriculum {
  private static final double[] CYCLE = {0.25, 0.5, 1.0, 0.5};
  private final float[] score;
  private final boolean[] seen;

  public Curriculum(int n) {
    score = new float[n];
    seen = new boolean[n];
  }

  public static double fraction(int epoch) {
    return CYCLE[epoch % CYCLE.length];
  }

  public void record(int example, float loss) {
    score[example] = loss;
    seen[example] = true;
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
      double w = Math.exp(-s / mean);
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
