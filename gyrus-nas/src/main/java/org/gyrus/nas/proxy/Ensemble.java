package org.gyrus.nas.proxy;

import java.util.List;
import java.util.Set;
import org.gyrus.core.Ranks;

/**
 * A pool's proxies as rank scores in [0, 1] per proxy (0 the lowest value, 1 the highest,
 * non-finite values lowest), so that a weighted sum mixes proxies whose raw scales differ by many
 * orders of magnitude (synflow against naswot); ties share their mean rank.
 */
final class Ensemble {
  private final ProxyPool pool;
  private final double[][] ranks; // [cell][proxy]

  Ensemble(ProxyPool pool, List<String> proxies) {
    this.pool = pool;
    int n = pool.size();
    ranks = new double[n][proxies.size()];
    for (int j = 0; j < proxies.size(); j++) {
      double[] c = pool.column(proxies.get(j));
      double[] r = Ranks.of(c);
      for (int i = 0; i < n; i++) {
        ranks[i][j] = n == 1 ? 1 : r[i] / (n - 1);
      }
    }
  }

  int size() {
    return ranks.length;
  }

  String arch(int cell) {
    return pool.archs().get(cell);
  }

  double score(int cell, double[] w) {
    double s = 0;
    for (int j = 0; j < w.length; j++) {
      s += w[j] * ranks[cell][j];
    }
    return s;
  }

  /** The best cell under weights {@code w} outside {@code skip} (-1 when none is left). */
  int best(double[] w, Set<String> skip) {
    int best = -1;
    double top = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < ranks.length; i++) {
      double s = score(i, w);
      if (s > top && !skip.contains(arch(i))) {
        top = s;
        best = i;
      }
    }
    return best;
  }
}
