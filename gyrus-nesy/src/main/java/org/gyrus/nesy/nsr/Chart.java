package org.gyrus.nesy.nsr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A chart dependency parser over projective trees whose heads take exactly their word's arity of
 * dependents (a one-argument word may also stand alone as a function argument). Scores are the sum
 * of the learned arc scores. With a target output it is the deduction step: the best-scoring tree
 * whose meaning is the target (every sub-meaning must occur in the target, which prunes); without
 * one it is the parser used at test time (best tree per span, head and kind).
 */
final class Chart {
  /** A complete sub-tree over a span. */
  record Item(int head, Val value, double score, Item[] kids) {
    Tree tree() {
      List<Tree> ks = new ArrayList<>(kids.length);
      for (Item k : kids) {
        ks.add(k.tree());
      }
      return new Tree(head, ks);
    }
  }

  private record Key(int head, Object value) {}

  private final int[] words;
  private final Lexicon lex;
  private final Arcs arcs;
  private final int[] target;
  private final Map<Key, Item>[][] chart;
  private int spanI;
  private int spanJ;

  @SuppressWarnings("unchecked")
  private Chart(int[] words, Lexicon lex, Arcs arcs, int[] target) {
    this.words = words;
    this.lex = lex;
    this.arcs = arcs;
    this.target = target;
    this.chart = new HashMap[words.length][words.length];
  }

  /** The best tree whose meaning is {@code target}, or null when there is none. */
  static Tree explain(int[] words, Lexicon lex, Arcs arcs, int[] target) {
    Item best = new Chart(words, lex, arcs, target).root();
    return best == null ? null : best.tree();
  }

  /** The parser's best tree, or null when no tree fits the words' arities. */
  static Tree parse(int[] words, Lexicon lex, Arcs arcs) {
    Item best = new Chart(words, lex, arcs, null).root();
    return best == null ? null : best.tree();
  }

  private Item root() {
    int n = words.length;
    for (int w : words) {
      if (lex.get(w) == null) {
        return null;
      }
    }
    for (int len = 1; len <= n; len++) {
      for (int i = 0; i + len <= n; i++) {
        int j = i + len - 1;
        chart[i][j] = new HashMap<>();
        spanI = i;
        spanJ = j;
        for (int h = i; h <= j; h++) {
          addHead(h, i, j);
        }
      }
    }
    Item best = null;
    for (Item it : chart[0][n - 1].values()) {
      boolean fits = !it.value().isClosure();
      if (fits && target != null) {
        fits = java.util.Arrays.equals(it.value().seq, target);
      }
      if (fits && (best == null || it.score() > best.score())) {
        best = it;
      }
    }
    return best;
  }

  private void addHead(int h, int i, int j) {
    Program p = lex.get(words[h]);
    if (i == j && lex.canBeClosure(words[h])) {
      offer(new Item(h, Val.closure(words[h]), 0, new Item[0]));
    }
    int k = p.arity();
    for (int a = 0; a <= k; a++) {
      int b = k - a;
      if ((a == 0) != (h == i) || (b == 0) != (h == j)) {
        continue;
      }
      combine(h, p, a, new Item[k], 0, i, j);
    }
  }

  /** Fills argument slots left to right: slots below {@code a} lie left of the head. */
  private void combine(int h, Program p, int a, Item[] kids, int slot, int from, int j) {
    int k = p.arity();
    if (slot == k) {
      finish(h, p, kids);
      return;
    }
    int start = slot == a ? h + 1 : from;
    int regionEnd = slot < a ? h - 1 : j;
    int remaining = slot < a ? a - slot : k - slot;
    for (int e = start; e <= regionEnd - (remaining - 1); e++) {
      if (remaining == 1 && e != regionEnd) {
        continue;
      }
      for (Item it : chart[start][e].values()) {
        if (it.value().isClosure() == p.functionArgs()[slot]) {
          kids[slot] = it;
          combine(h, p, a, kids, slot + 1, e + 1, j);
        }
      }
    }
  }

  private void finish(int h, Program p, Item[] kids) {
    Val[] args = new Val[kids.length];
    double score = 0;
    for (int s = 0; s < kids.length; s++) {
      args[s] = kids[s].value();
      Program dp = lex.get(words[kids[s].head()]);
      int sig = Arcs.signature(dp, args[s].isClosure());
      score +=
          kids[s].score() + arcs.score(words[h], words[kids[s].head()], sig, kids[s].head() < h);
    }
    int[] v = lex.apply(p, args);
    if (v == null || (target != null && !Val.contains(target, v))) {
      return;
    }
    offer(new Item(h, Val.seq(v), score, kids.clone()));
  }

  private void offer(Item it) {
    Object kind = target != null || it.value().isClosure() ? it.value() : "seq";
    Key key = new Key(it.head(), kind);
    Item old = chart[spanI][spanJ].get(key);
    if (old == null || it.score() > old.score()) {
      chart[spanI][spanJ].put(key, it);
    }
  }
}
