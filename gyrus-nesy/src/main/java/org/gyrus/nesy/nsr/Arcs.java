package org.gyrus.nesy.nsr;

import java.util.HashMap;
import java.util.Map;

/**
 * The parser's learned statistics: how often a head word took a dependent on a side, counted over
 * the explanations found in training, by the dependent's word. A word rarely seen as a dependent
 * (e.g. a primitive met only alone) is scored by its signature instead (arity, which arguments are
 * functions, whether it stands alone as a function), so it is parsed like the words of its type. An
 * arc never seen scores log(EPS).
 */
final class Arcs {
  static final double EPS = 1e-3;

  /** A dependent word seen fewer times than this is scored by its signature (back-off). */
  static final int RARE = 3;

  private final Map<Long, Double> byWord = new HashMap<>();
  private final Map<Integer, Integer> asDependent = new HashMap<>();
  private final Map<Long, Double> bySignature = new HashMap<>();

  double score(int head, int dep, int depSignature, boolean depOnLeft) {
    if (asDependent.getOrDefault(dep, 0) >= RARE) {
      return Math.log(EPS + byWord.getOrDefault(key(head, dep, depOnLeft), 0.0));
    }
    return Math.log(EPS + bySignature.getOrDefault(key(head, depSignature, depOnLeft), 0.0));
  }

  /** A word's type: its arity, which arguments are functions, and whether it stands alone. */
  static int signature(Program dep, boolean closure) {
    if (dep == null) {
      return -1;
    }
    int mask = 0;
    for (int i = 0; i < dep.arity(); i++) {
      mask |= dep.functionArgs()[i] ? 1 << i : 0;
    }
    return ((dep.arity() << 8 | mask) << 1) | (closure ? 1 : 0);
  }

  void add(Tree t, int[] words, Lexicon lex) {
    for (Tree k : t.kids()) {
      boolean left = k.pos() < t.pos();
      int dw = words[k.pos()];
      Program dp = lex.get(dw);
      boolean closure = k.kids().isEmpty() && dp != null && dp.arity() == 1;
      byWord.merge(key(words[t.pos()], dw, left), 1.0, Double::sum);
      asDependent.merge(dw, 1, Integer::sum);
      bySignature.merge(key(words[t.pos()], signature(dp, closure), left), 1.0, Double::sum);
      add(k, words, lex);
    }
  }

  private static long key(int head, int dep, boolean left) {
    return ((long) head << 33) ^ ((long) (dep + 2) << 1) ^ (left ? 1 : 0);
  }
}
