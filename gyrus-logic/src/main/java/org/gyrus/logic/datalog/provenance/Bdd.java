package org.gyrus.logic.datalog.provenance;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.gyrus.logic.datalog.DatalogError;

/**
 * A small reduced ordered binary decision diagram over input-fact variables (ordered by id):
 * canonical, so two formulas are equal iff their node ids are; probability by weighted model
 * counting with each variable independent.
 */
public final class Bdd {
  public static final int FALSE = 0;
  public static final int TRUE = 1;
  private static final int LEAF = Integer.MAX_VALUE;
  private static final int MAX_NODES = 4_000_000;

  private int[] var = new int[1024];
  private int[] lo = new int[1024];
  private int[] hi = new int[1024];
  private int n = 2;
  private final Map<Long, Integer> unique = new HashMap<>();
  private final Map<Long, Integer> andCache = new HashMap<>();
  private final Map<Long, Integer> orCache = new HashMap<>();

  public Bdd() {
    var[0] = LEAF;
    var[1] = LEAF;
  }

  public int size() {
    return n;
  }

  public int variable(int v) {
    return mk(v, FALSE, TRUE);
  }

  private int mk(int v, int l, int h) {
    if (l == h) {
      return l;
    }
    long key = ((long) v << 42) ^ ((long) l << 21) ^ h;
    // key collisions are resolved by checking the node itself
    Integer found = unique.get(key);
    if (found != null && var[found] == v && lo[found] == l && hi[found] == h) {
      return found;
    }
    if (found != null) {
      for (int i = 2; i < n; i++) {
        if (var[i] == v && lo[i] == l && hi[i] == h) {
          return i;
        }
      }
    }
    if (n == var.length) {
      if (n >= MAX_NODES) {
        throw new DatalogError("exact", "BDD exceeds " + MAX_NODES + " nodes; use topk:K instead");
      }
      var = Arrays.copyOf(var, n * 2);
      lo = Arrays.copyOf(lo, n * 2);
      hi = Arrays.copyOf(hi, n * 2);
    }
    var[n] = v;
    lo[n] = l;
    hi[n] = h;
    if (found == null) {
      unique.put(key, n);
    }
    return n++;
  }

  public int and(int a, int b) {
    return apply(a, b, true);
  }

  public int or(int a, int b) {
    return apply(a, b, false);
  }

  /** Conjunction or disjunction by Shannon expansion on the smaller top variable, memoised. */
  private int apply(int a, int b, boolean conjunction) {
    int absorbing = conjunction ? FALSE : TRUE;
    int identity = conjunction ? TRUE : FALSE;
    if (a == absorbing || b == absorbing) {
      return absorbing;
    }
    if (a == identity) {
      return b;
    }
    if (b == identity || a == b) {
      return a;
    }
    if (a > b) {
      int t = a;
      a = b;
      b = t;
    }
    long key = ((long) a << 32) | b;
    Map<Long, Integer> cache = conjunction ? andCache : orCache;
    Integer c = cache.get(key);
    if (c != null) {
      return c;
    }
    int v = Math.min(var[a], var[b]);
    int r =
        mk(
            v,
            apply(var[a] == v ? lo[a] : a, var[b] == v ? lo[b] : b, conjunction),
            apply(var[a] == v ? hi[a] : a, var[b] == v ? hi[b] : b, conjunction));
    cache.put(key, r);
    return r;
  }

  /** Probability that the formula holds when variable v is true with probability p[v]. */
  public double probability(int node, double[] p) {
    return prob(node, p, new HashMap<>());
  }

  private double prob(int node, double[] p, Map<Integer, Double> memo) {
    if (node == FALSE) {
      return 0.0;
    }
    if (node == TRUE) {
      return 1.0;
    }
    Double m = memo.get(node);
    if (m != null) {
      return m;
    }
    double pv = p[var[node]];
    double r = pv * prob(hi[node], p, memo) + (1 - pv) * prob(lo[node], p, memo);
    memo.put(node, r);
    return r;
  }
}
