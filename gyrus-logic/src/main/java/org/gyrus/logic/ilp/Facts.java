package org.gyrus.logic.ilp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ground background facts, interned to ints and indexed on every argument position, for the clause
 * tester's lookups. Constants are {@link String} symbols or {@link Long} integers.
 */
public final class Facts {
  private final Map<Object, Integer> ids = new HashMap<>();
  private final List<Object> values = new ArrayList<>();
  private final Map<String, Table> tables = new HashMap<>();

  /** The rows of one predicate and, per argument position, the rows holding each value. */
  static final class Table {
    final int arity;
    final List<int[]> rows = new ArrayList<>();
    final Set<Key> present = new HashSet<>();
    final List<Map<Integer, List<int[]>>> byArg = new ArrayList<>();

    Table(int arity) {
      this.arity = arity;
      for (int i = 0; i < arity; i++) {
        byArg.add(new HashMap<>());
      }
    }

    void add(int[] row) {
      if (!present.add(new Key(row))) {
        return;
      }
      rows.add(row);
      for (int i = 0; i < arity; i++) {
        byArg.get(i).computeIfAbsent(row[i], k -> new ArrayList<>()).add(row);
      }
    }

    boolean contains(int[] row) {
      return present.contains(new Key(row));
    }
  }

  /** An int[] with value equality. */
  record Key(int[] row) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(row, k.row);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(row);
    }
  }

  public int intern(Object value) {
    Integer id = ids.get(value);
    if (id == null) {
      id = values.size();
      ids.put(value, id);
      values.add(value);
    }
    return id;
  }

  public Object value(int id) {
    return values.get(id);
  }

  public void add(String pred, List<Object> args) {
    int[] row = new int[args.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = intern(args.get(i));
    }
    tables.computeIfAbsent(pred + "/" + row.length, k -> new Table(row.length)).add(row);
  }

  Table table(String key) {
    return tables.get(key);
  }

  /**
   * Whether the facts of {@code key} give at most one row per binding of the {@code inputs}
   * positions (true when there are no facts or no output positions to determine).
   */
  boolean functional(String key, List<Boolean> inputs) {
    Table t = tables.get(key);
    if (t == null || !inputs.contains(true) || !inputs.contains(false)) {
      return false;
    }
    Set<Key> seen = new HashSet<>();
    for (int[] row : t.rows) {
      int[] in = new int[t.arity];
      for (int i = 0; i < t.arity; i++) {
        in[i] = inputs.get(i) ? row[i] : -1;
      }
      if (!seen.add(new Key(in))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the binary facts of {@code key} have no row whose two arguments are equal. */
  boolean irreflexive(String key) {
    Table t = tables.get(key);
    if (t == null || t.arity != 2) {
      return false;
    }
    for (int[] row : t.rows) {
      if (row[0] == row[1]) {
        return false;
      }
    }
    return true;
  }

  /** Whether the binary facts of {@code key} are closed under swapping their two arguments. */
  boolean symmetric(String key) {
    Table t = tables.get(key);
    if (t == null || t.arity != 2) {
      return false;
    }
    for (int[] row : t.rows) {
      if (!t.contains(new int[] {row[1], row[0]})) {
        return false;
      }
    }
    return true;
  }

  /** Every fact as (predicate name, constants), for handing to the Datalog engine. */
  public List<Map.Entry<String, List<Object>>> all() {
    List<Map.Entry<String, List<Object>>> out = new ArrayList<>();
    for (Map.Entry<String, Table> e : tables.entrySet()) {
      String name = e.getKey().substring(0, e.getKey().lastIndexOf('/'));
      for (int[] row : e.getValue().rows) {
        List<Object> args = new ArrayList<>();
        for (int v : row) {
          args.add(values.get(v));
        }
        out.add(Map.entry(name, args));
      }
    }
    return out;
  }

  public int size() {
    int n = 0;
    for (Table t : tables.values()) {
      n += t.rows.size();
    }
    return n;
  }
}
