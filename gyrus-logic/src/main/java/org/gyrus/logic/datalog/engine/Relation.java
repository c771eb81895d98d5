package org.gyrus.logic.datalog.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The tuples of one predicate: rows of interned ints in pages, deduplicated by a compact hash
 * structure chosen by arity (arity 2, the common case, keeps one int set per first value), with
 * hash indexes on the column sets the rules look up. During an evaluation rows are only appended,
 * so a row id is stable and a range of row ids is a "version" of the relation (semi-naive deltas).
 * Between evaluations {@link #removeAll} deletes rows in place (delete-and-rederive): the rows left
 * keep their order but move down, so row ids read before are stale ({@link #removals} counts such
 * changes).
 */
public final class Relation {
  private final String name;
  private final int arity;
  private final IntPages data = new IntPages();
  private int rows;

  private boolean present0;
  private IntHashSet set1;
  private AdaptiveIntSet[] byFirst;
  private final Symbols symbols;
  private int[] table;
  private int[] tableHash;
  private int tableMask;

  private final List<ColumnIndex> indexes = new ArrayList<>();
  private ColumnIndex fullIndex;

  /** Rows [0, deltaStart) are old, [deltaStart, stableEnd) the delta of this round. */
  int deltaStart;

  int stableEnd;

  private IntPages rounds;

  /** Set once the relation's component is finished: no row is added any more. */
  private boolean sealed;

  private int[] csrOffsets;
  private int[] csrValues;
  private int[] csrRows;

  private long removals;

  public Relation(String name, int arity, Symbols symbols) {
    this.name = name;
    this.symbols = symbols;
    this.arity = arity;
    if (arity == 1) {
      set1 = new IntHashSet(16);
    } else if (arity == 2) {
      byFirst = new AdaptiveIntSet[16];
    } else if (arity > 2) {
      table = new int[16];
      tableHash = new int[16];
      tableMask = 15;
    }
  }

  public String name() {
    return name;
  }

  public int arity() {
    return arity;
  }

  public int size() {
    return rows;
  }

  public int get(int row, int col) {
    return data.get((long) row * arity + col);
  }

  public int[] row(int row) {
    int[] t = new int[arity];
    for (int c = 0; c < arity; c++) {
      t[c] = get(row, c);
    }
    return t;
  }

  /** Round in which a row was derived, when rounds are tracked, else 0. */
  public int round(int row) {
    return rounds == null ? 0 : rounds.get(row);
  }

  void trackRounds() {
    if (rounds == null) {
      rounds = new IntPages();
      for (int r = 0; r < rows; r++) {
        rounds.add(0);
      }
    }
  }

  /** Inserts a tuple; true when it is new. */
  public boolean insert(int[] t, int round) {
    boolean fresh;
    switch (arity) {
      case 0:
        fresh = !present0;
        present0 = true;
        break;
      case 1:
        fresh = set1.add(t[0]);
        break;
      case 2:
        fresh = add2(t[0], t[1]);
        break;
      default:
        fresh = addRow(t);
        break;
    }
    if (fresh) {
      for (int c = 0; c < arity; c++) {
        data.add(t[c]);
      }
      if (rounds != null) {
        rounds.add(round);
      }
      rows++;
    }
    return fresh;
  }

  /** The arity-2 fast path: dedup in the int set of the first value. */
  boolean insert2(int a, int b, int round) {
    if (!add2(a, b)) {
      return false;
    }
    data.add2(a, b);
    if (rounds != null) {
      rounds.add(round);
    }
    rows++;
    return true;
  }

  /** Inserts (a, vals[i]) for i in [from, to); returns how many were new. */
  int insertAll2(int a, int[] vals, int from, int to, int round) {
    if (a >= byFirst.length) {
      byFirst = Arrays.copyOf(byFirst, Math.max(a + 1, byFirst.length * 2));
    }
    AdaptiveIntSet s = byFirst[a];
    if (s == null) {
      s = new AdaptiveIntSet();
      byFirst[a] = s;
    }
    int universe = symbols.size();
    int fresh = 0;
    for (int i = from; i < to; i++) {
      int b = vals[i];
      if (s.add(b, universe)) {
        data.add2(a, b);
        if (rounds != null) {
          rounds.add(round);
        }
        rows++;
        fresh++;
      }
    }
    return fresh;
  }

  /**
   * Parallel rounds: deduplicates without appending (the caller buffers new tuples). Safe from
   * several threads when each owns distinct first values and {@link #reserveFirst} ran before.
   */
  boolean dedup2(int a, int b) {
    return add2(a, b);
  }

  /** Grows the per-first-value table so that parallel inserts never resize it. */
  void reserveFirst(int n) {
    if (byFirst != null && n > byFirst.length) {
      byFirst = Arrays.copyOf(byFirst, n);
    }
  }

  /** Appends buffered pairs already deduplicated by {@link #dedup2}. */
  void appendPairs(int[] buf, int n, int round) {
    for (int i = 0; i < n; i += 2) {
      data.add2(buf[i], buf[i + 1]);
      if (rounds != null) {
        rounds.add(round);
      }
      rows++;
    }
  }

  /** Arity 2: the number of first values that may have a set ({@link #has2} is false beyond). */
  int firstBound() {
    return byFirst.length;
  }

  /** Arity 2: whether (a, b) is present, by the deduplication set of a. */
  boolean has2(int a, int b) {
    AdaptiveIntSet s = a < byFirst.length ? byFirst[a] : null;
    return s != null && s.contains(b);
  }

  private boolean add2(int a, int b) {
    if (a >= byFirst.length) {
      byFirst = Arrays.copyOf(byFirst, Math.max(a + 1, byFirst.length * 2));
    }
    AdaptiveIntSet s = byFirst[a];
    if (s == null) {
      s = new AdaptiveIntSet();
      byFirst[a] = s;
    }
    return s.add(b, symbols.size());
  }

  /** How many times rows were removed in place: row ids read before a change are stale. */
  long removals() {
    return removals;
  }

  /**
   * Removes the rows of {@code drop} (same arity) present here, in place, and returns how many: the
   * rows left keep their order and move down over the gaps (one pass, no copy), the deduplication
   * structures lose the dropped tuples, and the indexes are rebuilt. Only between evaluations.
   */
  int removeAll(Relation drop) {
    if (drop.arity != arity) {
      throw new IllegalArgumentException(name + " has arity " + arity + ", not " + drop.arity);
    }
    if (deltaStart != rows || stableEnd != rows) {
      throw new IllegalStateException(name + ": rows are removed only between evaluations");
    }
    int kept = 0;
    int[] buf = new int[arity];
    for (int r = 0; r < rows; r++) {
      if (!drop.hasRowOf(this, r, buf)) {
        if (kept != r) {
          for (int c = 0; c < arity; c++) {
            data.set((long) kept * arity + c, get(r, c));
          }
          if (rounds != null) {
            rounds.set(kept, rounds.get(r));
          }
        }
        kept++;
      }
    }
    int removed = rows - kept;
    if (removed == 0) {
      return 0;
    }
    for (int r = 0; r < drop.rows && arity <= 2; r++) {
      forgetTuple(drop, r);
    }
    rows = kept;
    data.truncate((long) kept * arity);
    if (rounds != null) {
      rounds.truncate(kept);
    }
    if (arity > 2) {
      rebuildTable();
    }
    for (ColumnIndex ix : indexes) {
      ix.rebuild();
    }
    fullIndex = null;
    csrOffsets = null; // rebuilt on demand
    csrValues = null;
    csrRows = null;
    deltaStart = rows;
    stableEnd = rows;
    removals++;
    return removed;
  }

  /** Whether this relation holds row {@code r} of {@code other} ({@code buf}: arity ints). */
  private boolean hasRowOf(Relation other, int r, int[] buf) {
    switch (arity) {
      case 0:
        return present0;
      case 1:
        return set1.contains(other.get(r, 0));
      case 2:
        return has2(other.get(r, 0), other.get(r, 1));
      default:
        for (int c = 0; c < arity; c++) {
          buf[c] = other.get(r, c);
        }
        return findRow(buf, hashOf(buf)) >= 0;
    }
  }

  /** Arity up to 2: drops row {@code r} of {@code from} from the deduplication structure. */
  private void forgetTuple(Relation from, int r) {
    if (arity == 0) {
      present0 = false;
    } else if (arity == 1) {
      set1.remove(from.get(r, 0));
    } else {
      int a = from.get(r, 0);
      if (a < byFirst.length && byFirst[a] != null) {
        byFirst[a].remove(from.get(r, 1));
      }
    }
  }

  private void rebuildTable() {
    Arrays.fill(table, 0);
    Arrays.fill(tableHash, 0);
    int[] t = new int[arity];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < arity; c++) {
        t[c] = get(r, c);
      }
      int h = hashOf(t);
      int i = h & tableMask;
      while (table[i] != 0) {
        i = (i + 1) & tableMask;
      }
      table[i] = r + 1;
      tableHash[i] = h;
    }
  }

  /**
   * Runs {@code body} with the rows of {@code extra} that are absent here appended, then removes
   * exactly those again: the old rows keep their ids and the sealed state and CSR arrays come back.
   * Delete-and-rederive reads a lower relation as it was before an update this way (its current
   * rows plus the deleted ones), without copying it.
   */
  <T> T withRows(Relation extra, Supplier<T> body) {
    boolean wasSealed = sealed;
    int[] offsets = csrOffsets;
    int[] values = csrValues;
    int[] ids = csrRows;
    int n = rows;
    unseal();
    try {
      for (int r = 0; r < extra.rows; r++) {
        insert(extra.row(r), 0);
      }
      freeze();
      return body.get();
    } finally {
      truncate(n);
      freeze();
      sealed = wasSealed;
      csrOffsets = offsets;
      csrValues = values;
      csrRows = ids;
    }
  }

  /** Removes the rows from {@code n} on (the newest ones): earlier rows keep their ids. */
  private void truncate(int n) {
    for (ColumnIndex ix : indexes) {
      ix.popTo(n);
    }
    if (fullIndex != null) {
      fullIndex.popTo(n);
    }
    for (int r = rows - 1; r >= n; r--) {
      if (arity > 2) {
        removeFromTable(r);
      } else {
        forgetTuple(this, r);
      }
    }
    rows = n;
    data.truncate((long) n * arity);
    if (rounds != null) {
      rounds.truncate(n);
    }
  }

  /** Arity above 2: takes row {@code r} out of the hash table (backward-shift deletion). */
  private void removeFromTable(int r) {
    int i = hashOf(row(r)) & tableMask;
    while (table[i] != r + 1) {
      i = (i + 1) & tableMask;
    }
    for (int j = (i + 1) & tableMask; table[j] != 0; j = (j + 1) & tableMask) {
      int home = tableHash[j] & tableMask;
      boolean staysAfterGap = i <= j ? home > i && home <= j : home > i || home <= j;
      if (!staysAfterGap) {
        table[i] = table[j];
        tableHash[i] = tableHash[j];
        i = j;
      }
    }
    table[i] = 0;
    tableHash[i] = 0;
  }

  /** Drops every row and index, releasing the memory (a component about to be recomputed). */
  void clear() {
    data.truncate(0);
    rows = 0;
    present0 = false;
    set1 = arity == 1 ? new IntHashSet(16) : null;
    byFirst = arity == 2 ? new AdaptiveIntSet[16] : null;
    if (arity > 2) {
      table = new int[16];
      tableHash = new int[16];
      tableMask = 15;
    }
    if (rounds != null) {
      rounds.truncate(0);
    }
    indexes.clear();
    fullIndex = null;
    unseal();
    deltaStart = 0;
    stableEnd = 0;
    removals++;
  }

  public boolean contains(int[] t) {
    switch (arity) {
      case 0:
        return present0;
      case 1:
        return set1.contains(t[0]);
      case 2:
        return t[0] < byFirst.length && byFirst[t[0]] != null && byFirst[t[0]].contains(t[1]);
      default:
        return findRow(t, hashOf(t)) >= 0;
    }
  }

  /** The row id of a tuple, or -1. */
  public int find(int[] t) {
    if (arity > 2) {
      return findRow(t, hashOf(t));
    }
    if (!contains(t)) {
      return -1;
    }
    if (arity == 0) {
      return 0;
    }
    if (fullIndex == null) {
      int[] all = new int[arity];
      for (int c = 0; c < arity; c++) {
        all[c] = c;
      }
      fullIndex = new ColumnIndex(this, all);
    }
    fullIndex.catchUp();
    for (int r = fullIndex.first(t); r >= 0; r = fullIndex.next(r)) {
      if (matches(r, t)) {
        return r;
      }
    }
    return -1;
  }

  private boolean matches(int row, int[] t) {
    for (int c = 0; c < arity; c++) {
      if (get(row, c) != t[c]) {
        return false;
      }
    }
    return true;
  }

  private static int hashOf(int[] t) {
    int h = 1;
    for (int v : t) {
      h = h * 31 + IntHashSet.mix(v);
    }
    return h | 1; // never 0, so 0 marks an empty slot
  }

  private int findRow(int[] t, int h) {
    int i = h & tableMask;
    while (table[i] != 0) {
      if (tableHash[i] == h && matches(table[i] - 1, t)) {
        return table[i] - 1;
      }
      i = (i + 1) & tableMask;
    }
    return -1;
  }

  private boolean addRow(int[] t) {
    int h = hashOf(t);
    if (findRow(t, h) >= 0) {
      return false;
    }
    int i = h & tableMask;
    while (table[i] != 0) {
      i = (i + 1) & tableMask;
    }
    table[i] = rows + 1; // the row about to be appended
    tableHash[i] = h;
    if ((rows + 1) * 10L > (tableMask + 1) * 7L) {
      growTable();
    }
    return true;
  }

  private void growTable() {
    int[] ot = table;
    int[] oh = tableHash;
    table = new int[ot.length * 2];
    tableHash = new int[ot.length * 2];
    tableMask = table.length - 1;
    for (int k = 0; k < ot.length; k++) {
      if (ot[k] != 0) {
        int i = oh[k] & tableMask;
        while (table[i] != 0) {
          i = (i + 1) & tableMask;
        }
        table[i] = ot[k];
        tableHash[i] = oh[k];
      }
    }
  }

  /** Whether an index on exactly these columns exists already. */
  boolean hasIndex(int[] cols) {
    for (ColumnIndex ix : indexes) {
      if (Arrays.equals(ix.columns(), cols)) {
        return true;
      }
    }
    return false;
  }

  /** The index on exactly these columns, created on first request. */
  public ColumnIndex index(int[] cols) {
    for (ColumnIndex ix : indexes) {
      if (Arrays.equals(ix.columns(), cols)) {
        return ix;
      }
    }
    ColumnIndex ix = new ColumnIndex(this, cols);
    indexes.add(ix);
    ix.catchUp();
    return ix;
  }

  /** Brings every index up to the current rows; called between rounds. */
  void catchUpIndexes() {
    for (ColumnIndex ix : indexes) {
      ix.catchUp();
    }
  }

  /** Marks everything as old and stable (a finished lower stratum). */
  void freeze() {
    catchUpIndexes();
    deltaStart = rows;
    stableEnd = rows;
  }

  void seal() {
    freeze();
    sealed = true;
  }

  /** Opens a sealed relation for more rows (incremental maintenance). */
  void unseal() {
    sealed = false;
    csrOffsets = null;
    csrValues = null;
    csrRows = null;
  }

  boolean sealed() {
    return sealed;
  }

  /**
   * For a sealed binary relation: rows grouped by first value in compressed sparse rows, so a
   * lookup by the first column reads the second values contiguously.
   */
  void buildCsr() {
    if (csrOffsets != null) {
      return;
    }
    int max = 0;
    for (int r = 0; r < rows; r++) {
      max = Math.max(max, get(r, 0));
    }
    int[] off = new int[max + 2];
    for (int r = 0; r < rows; r++) {
      off[get(r, 0) + 1]++;
    }
    for (int i = 0; i + 1 < off.length; i++) {
      off[i + 1] += off[i];
    }
    int[] fill = Arrays.copyOf(off, off.length);
    int[] vals = new int[rows];
    int[] ids = new int[rows];
    for (int r = 0; r < rows; r++) {
      int k = fill[get(r, 0)]++;
      vals[k] = get(r, 1);
      ids[k] = r;
    }
    csrValues = vals;
    csrRows = ids;
    csrOffsets = off;
  }

  int[] csrOffsets() {
    return csrOffsets;
  }

  int[] csrValues() {
    return csrValues;
  }

  int[] csrRows() {
    return csrRows;
  }

  public long bytes() {
    long n = data.bytes();
    if (byFirst != null) {
      n += 8L * byFirst.length;
      for (AdaptiveIntSet s : byFirst) {
        if (s != null) {
          n += s.bytes();
        }
      }
    }
    if (set1 != null) {
      n += set1.bytes();
    }
    if (table != null) {
      n += 8L * table.length;
    }
    for (ColumnIndex ix : indexes) {
      n += ix.bytes();
    }
    if (csrOffsets != null) {
      n += 4L * (csrOffsets.length + 2L * rows);
    }
    return n;
  }
}
