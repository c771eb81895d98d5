package org.gyrus.agents.game;

import org.gyrus.core.Ranks;

/**
 * Topographic similarity (Brighton and Kirby 2006): the Spearman correlation, over all pairs of
 * objects, between their distance in meaning space and the edit distance of their messages. Near 1:
 * similar meanings get similar messages (a compositional or at least smooth code).
 */
public final class Topsim {
  private Topsim() {}

  /** Meaning distance of objects i and j. */
  @FunctionalInterface
  public interface Distance {
    double between(int i, int j);
  }

  /**
   * Spearman over the n(n-1)/2 pairs. NaN when either side is constant (the correlation is
   * undefined).
   */
  public static double of(int[][] messages, Distance meaning) {
    int n = messages.length;
    int pairs = n * (n - 1) / 2;
    double[] md = new double[pairs];
    double[] ed = new double[pairs];
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        md[k] = meaning.between(i, j);
        ed[k] = editDistance(messages[i], messages[j]);
        k++;
      }
    }
    return Ranks.spearman(md, ed);
  }

  /** Levenshtein distance over token sequences (unit insert, delete, substitute). */
  public static int editDistance(int[] a, int[] b) {
    int[] prev = new int[b.length + 1];
    int[] cur = new int[b.length + 1];
    for (int j = 0; j <= b.length; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length; i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length; j++) {
        int sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length];
  }

  /** Meaning distance 0 for the same class, 1 otherwise. */
  public static Distance classes(int[] labels) {
    return (i, j) -> labels[i] == labels[j] ? 0 : 1;
  }

  /** Euclidean distance between flattened examples {@code i} and {@code j} of {@code x}. */
  public static Distance pixels(float[] x, int width) {
    return (i, j) -> {
      double s = 0;
      for (int t = 0; t < width; t++) {
        double d = x[i * width + t] - x[j * width + t];
        s += d * d;
      }
      return Math.sqrt(s);
    };
  }
}
