package org.gyrus.logic.plan;

import java.util.Arrays;

/**
 * Registered states packed as bitsets in one growing {@code long[]}, found again through an
 * open-addressing hash table; each state keeps its parent, the operator that reached it and g.
 */
final class StateSpace {
  final int words;
  private long[] pool;
  private int[] table;
  private int count;
  int[] parent = new int[1024];
  int[] op = new int[1024];
  long[] g = new long[1024];
  boolean lastWasNew;

  StateSpace(int numFacts) {
    words = Math.max(1, (numFacts + 63) >>> 6);
    pool = new long[words * 1024];
    table = new int[2048];
    Arrays.fill(table, -1);
  }

  int size() {
    return count;
  }

  /** Copies state {@code id} into {@code out}. */
  void get(int id, long[] out) {
    System.arraycopy(pool, id * words, out, 0, words);
  }

  boolean has(int id, int fact) {
    return (pool[id * words + (fact >>> 6)] & (1L << fact)) != 0;
  }

  /** The id of {@code s}, registering it (with parent, op, g) when it is new. */
  int intern(long[] s, int parentId, int opId, long gValue) {
    int h = hash(s) & (table.length - 1);
    while (table[h] >= 0) {
      int id = table[h];
      if (equalsAt(id, s)) {
        lastWasNew = false;
        return id;
      }
      h = (h + 1) & (table.length - 1);
    }
    int id = count++;
    if ((long) count * words > pool.length) {
      long n = Math.max((long) pool.length * 2, (long) count * words);
      if (n > Integer.MAX_VALUE - 16) {
        throw new OutOfMemoryError("state pool full");
      }
      pool = Arrays.copyOf(pool, (int) n);
    }
    if (count > parent.length) {
      parent = Arrays.copyOf(parent, parent.length * 2);
      op = Arrays.copyOf(op, op.length * 2);
      g = Arrays.copyOf(g, g.length * 2);
    }
    System.arraycopy(s, 0, pool, id * words, words);
    parent[id] = parentId;
    op[id] = opId;
    g[id] = gValue;
    table[h] = id;
    if (count * 2 > table.length) {
      rehash();
    }
    lastWasNew = true;
    return id;
  }

  private boolean equalsAt(int id, long[] s) {
    int base = id * words;
    for (int i = 0; i < words; i++) {
      if (pool[base + i] != s[i]) {
        return false;
      }
    }
    return true;
  }

  private int hash(long[] s) {
    long h = 0x9E3779B97F4A7C15L;
    for (long w : s) {
      h = (h ^ w) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    return (int) (h ^ (h >>> 32));
  }

  private void rehash() {
    int[] t = new int[table.length * 2];
    Arrays.fill(t, -1);
    long[] buf = new long[words];
    for (int id = 0; id < count; id++) {
      get(id, buf);
      int h = hash(buf) & (t.length - 1);
      while (t[h] >= 0) {
        h = (h + 1) & (t.length - 1);
      }
      t[h] = id;
    }
    table = t;
  }
}
