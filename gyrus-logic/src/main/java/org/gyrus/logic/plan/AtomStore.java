package org.gyrus.logic.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ground atoms as int tuples per predicate, with per-(position, object) indexes, for the joins of
 * relaxed reachability and grounding. Append-only.
 */
final class AtomStore {
  /** A body atom of a rule: args are slots (≥ 0) or constants {@code -(object+1)}. */
  record Pattern(int pred, int[] args) {}

  private final List<List<int[]>> tuples = new ArrayList<>();
  private final List<Map<Long, IntList>> index = new ArrayList<>();
  private final Map<Key, Integer> ids = new HashMap<>();
  private final List<Key> atoms = new ArrayList<>();

  record Key(int pred, int[] args) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.pred == pred && Arrays.equals(k.args, args);
    }

    @Override
    public int hashCode() {
      return pred * 31 + Arrays.hashCode(args);
    }
  }

  /** A growable int list. */
  static final class IntList {
    int[] a = new int[4];
    int n;

    void add(int v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }
  }

  AtomStore(int numPreds) {
    for (int i = 0; i < numPreds; i++) {
      tuples.add(new ArrayList<>());
      index.add(new HashMap<>());
    }
  }

  /** Adds an atom; returns true when it is new. */
  boolean add(int pred, int[] args) {
    Key k = new Key(pred, args);
    if (ids.containsKey(k)) {
      return false;
    }
    ids.put(k, atoms.size());
    atoms.add(k);
    List<int[]> t = tuples.get(pred);
    int row = t.size();
    t.add(args);
    Map<Long, IntList> ix = index.get(pred);
    for (int p = 0; p < args.length; p++) {
      ix.computeIfAbsent(((long) p << 32) | args[p], x -> new IntList()).add(row);
    }
    return true;
  }

  boolean contains(int pred, int[] args) {
    return ids.containsKey(new Key(pred, args));
  }

  /** The atom's number in insertion order, or -1. */
  int id(int pred, int[] args) {
    Integer i = ids.get(new Key(pred, args));
    return i == null ? -1 : i;
  }

  int size() {
    return atoms.size();
  }

  Key atom(int id) {
    return atoms.get(id);
  }

  int count(int pred) {
    return tuples.get(pred).size();
  }

  /**
   * Calls {@code emit} for every binding of {@code slots} (types: {@code allowed[slot]}) that makes
   * all {@code body} atoms present. {@code binding} holds -1 for unbound slots; bound ones stay
   * fixed. {@code need} lists slots that must be bound at the end (enumerated over their type when
   * no atom binds them).
   */
  void join(List<Pattern> body, int[] need, BitSet[] allowed, int[] binding, Runnable emit) {
    boolean[] done = new boolean[body.size()];
    joinStep(body, done, body.size(), need, allowed, binding, emit);
  }

  private void joinStep(
      List<Pattern> body,
      boolean[] done,
      int left,
      int[] need,
      BitSet[] allowed,
      int[] binding,
      Runnable emit) {
    if (left == 0) {
      enumerateFree(need, 0, allowed, binding, emit);
      return;
    }
    int best = -1;
    long bestScore = Long.MAX_VALUE;
    for (int i = 0; i < body.size(); i++) {
      if (done[i]) {
        continue;
      }
      long score = candidates(body.get(i), binding);
      if (score < bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (bestScore == 0) {
      return;
    }
    Pattern p = body.get(best);
    done[best] = true;
    List<int[]> rows = tuples.get(p.pred());
    IntList narrow = narrowest(p, binding);
    int n = narrow == null ? rows.size() : narrow.n;
    int[] setHere = new int[p.args().length];
    for (int r = 0; r < n; r++) {
      int[] t = rows.get(narrow == null ? r : narrow.a[r]);
      int set = 0;
      boolean ok = true;
      for (int a = 0; a < t.length && ok; a++) {
        int s = p.args()[a];
        if (s < 0) {
          ok = t[a] == -s - 1;
        } else if (binding[s] >= 0) {
          ok = binding[s] == t[a];
        } else if (allowed[s] != null && !allowed[s].get(t[a])) {
          ok = false;
        } else {
          binding[s] = t[a];
          setHere[set++] = s;
        }
      }
      if (ok) {
        joinStep(body, done, left - 1, need, allowed, binding, emit);
      }
      for (int i = 0; i < set; i++) {
        binding[setHere[i]] = -1;
      }
    }
    done[best] = false;
  }

  /** An upper bound on the rows matching {@code p} under {@code binding}. */
  private long candidates(Pattern p, int[] binding) {
    IntList l = narrowest(p, binding);
    if (l != null) {
      return l.n;
    }
    for (int a = 0; a < p.args().length; a++) {
      int s = p.args()[a];
      if (s < 0 || binding[s] >= 0) {
        return 0; // some bound value has no row at all
      }
    }
    return tuples.get(p.pred()).size();
  }

  private IntList narrowest(Pattern p, int[] binding) {
    IntList best = null;
    Map<Long, IntList> ix = index.get(p.pred());
    for (int a = 0; a < p.args().length; a++) {
      int s = p.args()[a];
      int v = s < 0 ? -s - 1 : binding[s];
      if (v < 0) {
        continue;
      }
      IntList l = ix.get(((long) a << 32) | v);
      if (l == null) {
        return EMPTY;
      }
      if (best == null || l.n < best.n) {
        best = l;
      }
    }
    return best;
  }

  private static final IntList EMPTY = new IntList();

  private static void enumerateFree(
      int[] need, int i, BitSet[] allowed, int[] binding, Runnable emit) {
    while (i < need.length && binding[need[i]] >= 0) {
      i++;
    }
    if (i == need.length) {
      emit.run();
      return;
    }
    int s = need[i];
    BitSet a = allowed[s];
    for (int o = a.nextSetBit(0); o >= 0; o = a.nextSetBit(o + 1)) {
      binding[s] = o;
      enumerateFree(need, i + 1, allowed, binding, emit);
    }
    binding[s] = -1;
  }
}
