package org.gyrus.logic.datalog.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gyrus.logic.datalog.Ast;

/** Interns constants (Long integers and String symbols) to dense ids 0, 1, 2, ... */
public final class Symbols {
  private final Map<Object, Integer> ids = new HashMap<>();
  private final List<Object> values = new ArrayList<>();

  public int intern(Object value) {
    Integer id = ids.get(value);
    if (id != null) {
      return id;
    }
    int n = values.size();
    ids.put(value, n);
    values.add(value);
    return n;
  }

  /** The id of a value, or -1 when the program never mentions it. */
  public int lookup(Object value) {
    Integer id = ids.get(value);
    return id == null ? -1 : id;
  }

  public Object value(int id) {
    return values.get(id);
  }

  public int size() {
    return values.size();
  }

  public String show(int id) {
    return Ast.show(values.get(id));
  }

  /** Orders values: integers numerically, before strings, which are ordered lexicographically. */
  public int compare(int a, int b) {
    if (a == b) {
      return 0;
    }
    Object x = values.get(a);
    Object y = values.get(b);
    if (x instanceof Long lx) {
      return y instanceof Long ly ? Long.compare(lx, ly) : -1;
    }
    return y instanceof Long ? 1 : ((String) x).compareTo((String) y);
  }

  /** The integer an id stands for; a DatalogError when it is a symbol. */
  public long longValue(int id, String where) {
    Object x = values.get(id);
    if (x instanceof Long l) {
      return l;
    }
    throw new org.gyrus.logic.datalog.DatalogError(
        where, "an integer in arithmetic", "symbol " + show(id));
  }
}
