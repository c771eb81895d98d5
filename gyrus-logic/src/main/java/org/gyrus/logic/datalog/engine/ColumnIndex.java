package org.gyrus.logic.datalog.engine;

import java.util.Arrays;

/**
 * A hash index of a relation on some columns: chains of row ids (newest first) per key. A
 * single-column index is addressed directly by the interned value, since ids are dense.
 */
public final class ColumnIndex {
  private final Relation rel;
  private final int[] cols;
  private final boolean direct;
  private int[] heads = new int[16];
  private final IntPages next = new IntPages();
  private int indexed;

  ColumnIndex(Relation rel, int[] cols) {
    this.rel = rel;
    this.cols = cols.clone();
    this.direct = cols.length == 1;
  }

  public int[] columns() {
    return cols;
  }

  /** Adds the rows appended since the last call. */
  void catchUp() {
    int upTo = rel.size();
    if (!direct && upTo > heads.length * 2) {
      int cap = heads.length;
      while (cap * 2 < upTo) {
        cap <<= 1;
      }
      heads = new int[cap * 2];
      for (int r = 0; r < indexed; r++) {
        next.set(r, link(r));
      }
    }
    for (int r = indexed; r < upTo; r++) {
      next.add(link(r));
    }
    indexed = upTo;
  }

  /** Re-indexes every row (after rows were removed and the rest renumbered). */
  void rebuild() {
    Arrays.fill(heads, 0);
    next.truncate(0);
    indexed = 0;
    catchUp();
  }

  /**
   * Unlinks the rows from {@code n} on, newest first: each is the head of its chain, since rows are
   * linked in order.
   */
  void popTo(int n) {
    for (int r = indexed - 1; r >= n; r--) {
      int slot = direct ? rel.get(r, cols[0]) : bucket(hashRow(r));
      heads[slot] = next.get(r);
    }
    next.truncate(Math.min(n, indexed));
    indexed = Math.min(n, indexed);
  }

  private int link(int row) {
    int slot;
    if (direct) {
      slot = rel.get(row, cols[0]);
      if (slot >= heads.length) {
        heads = Arrays.copyOf(heads, Math.max(slot + 1, heads.length * 2));
      }
    } else {
      slot = bucket(hashRow(row));
    }
    int prev = heads[slot];
    heads[slot] = row + 1;
    return prev;
  }

  private int hashRow(int row) {
    int h = 0;
    for (int c : cols) {
      h = h * 31 + IntHashSet.mix(rel.get(row, c));
    }
    return h;
  }

  private int bucket(int h) {
    return (h ^ (h >>> 15)) & (heads.length - 1);
  }

  /** First row whose indexed columns may equal {@code key} (verify columns when not direct). */
  public int first(int[] key) {
    if (direct) {
      int k = key[0];
      return k < heads.length ? heads[k] - 1 : -1;
    }
    int h = 0;
    for (int v : key) {
      h = h * 31 + IntHashSet.mix(v);
    }
    return heads[bucket(h)] - 1;
  }

  /** Direct single-column lookup without a key array. */
  public int first(int key) {
    return key < heads.length ? heads[key] - 1 : -1;
  }

  public int next(int row) {
    return next.get(row) - 1;
  }

  /** Whether rows found by {@link #first} already match the key (no check needed). */
  public boolean exact() {
    return direct;
  }

  long bytes() {
    return 4L * heads.length + next.bytes();
  }
}
