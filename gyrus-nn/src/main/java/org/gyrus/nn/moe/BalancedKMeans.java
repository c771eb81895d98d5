package org.gyrus.nn.moe;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means whose clusters all hold exactly n/k points: each assignment step visits the (point,
 * centre) pairs in order of distance and puts a point in the nearest centre that still has room;
 * the update step moves each centre to its points' mean. Stops when the assignment repeats.
 */
public final class BalancedKMeans {
  private BalancedKMeans() {}

  /** The cluster of each row of {@code points} (n rows, k must divide n), seeded. */
  public static int[] cluster(double[][] points, int k, int maxIterations, long seed) {
    int n = points.length;
    if (k < 1 || n % k != 0) {
      throw new IllegalArgumentException(k + " clusters must divide " + n + " points");
    }
    double[][] centres = initialCentres(points, k, new SplittableRandom(seed));
    int[] assign = null;
    for (int it = 0; it < maxIterations; it++) {
      int[] next = assign(points, centres, n / k);
      if (Arrays.equals(next, assign)) {
        break;
      }
      assign = next;
      centres = means(points, assign, k);
    }
    return assign;
  }

  /** Mean of each cluster's rows. */
  public static double[][] means(double[][] points, int[] assign, int k) {
    int d = points[0].length;
    double[][] c = new double[k][d];
    int[] count = new int[k];
    for (int i = 0; i < points.length; i++) {
      count[assign[i]]++;
      for (int j = 0; j < d; j++) {
        c[assign[i]][j] += points[i][j];
      }
    }
    for (int e = 0; e < k; e++) {
      for (int j = 0; j < d; j++) {
        c[e][j] /= Math.max(1, count[e]);
      }
    }
    return c;
  }

  /** Sum of squared distances of the points to their cluster means. */
  public static double within(double[][] points, int[] assign, int k) {
    double[][] c = means(points, assign, k);
    double s = 0;
    for (int i = 0; i < points.length; i++) {
      s += dist2(points[i], c[assign[i]]);
    }
    return s;
  }

  // k-means++ seeding: spread the first centres out
  private static double[][] initialCentres(double[][] p, int k, SplittableRandom rng) {
    double[][] c = new double[k][];
    c[0] = p[rng.nextInt(p.length)].clone();
    double[] best = new double[p.length];
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    for (int e = 1; e < k; e++) {
      double total = 0;
      for (int i = 0; i < p.length; i++) {
        best[i] = Math.min(best[i], dist2(p[i], c[e - 1]));
        total += best[i];
      }
      double r = rng.nextDouble() * total;
      int pick = 0;
      while (pick < p.length - 1 && (r -= best[pick]) > 0) {
        pick++;
      }
      c[e] = p[pick].clone();
    }
    return c;
  }

  private static int[] assign(double[][] p, double[][] c, int capacity) {
    int n = p.length;
    int k = c.length;
    double[] d = new double[n * k];
    Integer[] order = new Integer[n * k];
    for (int i = 0; i < n; i++) {
      for (int e = 0; e < k; e++) {
        d[i * k + e] = dist2(p[i], c[e]);
        order[i * k + e] = i * k + e;
      }
    }
    Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));
    int[] out = new int[n];
    Arrays.fill(out, -1);
    int[] room = new int[k];
    Arrays.fill(room, capacity);
    for (int pair : order) {
      int i = pair / k;
      int e = pair % k;
      if (out[i] < 0 && room[e] > 0) {
        out[i] = e;
        room[e]--;
      }
    }
    return out;
  }

  private static double dist2(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double t = a[j] - b[j];
      s += t * t;
    }
    return s;
  }
}
