package org.gyrus.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Conversions between plain Java objects and {@link Value}s, and the hyper factories. */
public final class Values {
  private Values() {}

  /** Wraps a Java value: numbers, strings, booleans, lists, maps are not accepted (use nodes). */
  public static Value of(Object o) {
    if (o instanceof Value v) {
      return v;
    } else if (o instanceof Integer || o instanceof Long || o instanceof Short) {
      return new Value.IntVal(((Number) o).longValue());
    } else if (o instanceof Double || o instanceof Float) {
      return new Value.FloatVal(((Number) o).doubleValue());
    } else if (o instanceof String s) {
      return new Value.StrVal(s);
    } else if (o instanceof Boolean b) {
      return new Value.BoolVal(b);
    } else if (o instanceof List<?> list) {
      List<Value> items = new ArrayList<>();
      for (Object x : list) {
        items.add(of(x));
      }
      return new Value.ListVal(items);
    } else if (o instanceof Map<?, ?>) {
      throw new IllegalArgumentException("maps are not values; use a Node");
    }
    throw new IllegalArgumentException("not a value: " + (o == null ? "null" : o.getClass()));
  }

  public static Hyper.OneOf oneOf(Object... candidates) {
    return new Hyper.OneOf(((Value.ListVal) of(List.of(candidates))).items());
  }

  public static Hyper.ManyOf manyOf(int k, List<?> candidates, boolean distinct, boolean sorted) {
    return new Hyper.ManyOf(k, ((Value.ListVal) of(candidates)).items(), distinct, sorted);
  }

  public static Hyper.IntRange intRange(long lo, long hi) {
    return new Hyper.IntRange(lo, hi, 1);
  }

  public static Hyper.IntRange intRange(long lo, long hi, long step) {
    return new Hyper.IntRange(lo, hi, step);
  }

  public static Hyper.FloatRange floatRange(double lo, double hi, boolean log) {
    return new Hyper.FloatRange(lo, hi, log);
  }

  public static Hyper.Repeat repeat(Value body, Object count) {
    return new Hyper.Repeat(body, of(count));
  }

  public static Hyper.OptionalOf optional(Value body) {
    return new Hyper.OptionalOf(body);
  }

  /**
   * A component named by a bare string ({@code tpe}) or by a node with options ({@code {_type: tpe,
   * candidates: 48}}), as a node; anything else fails naming {@code path}.
   */
  public static Value.Node nodeOrName(Value spec, String path, String expected) {
    if (spec instanceof Value.StrVal s) {
      return new Value.Node(s.value(), Map.of());
    }
    if (spec instanceof Value.Node n) {
      return n;
    }
    throw new SpecError(path, expected + " (a name or a node with _type)", String.valueOf(spec));
  }

  /** The path of the first hyper-value inside {@code v} (depth first), or null when none. */
  public static String firstHyper(Value v, String path) {
    if (v instanceof Hyper) {
      return path;
    } else if (v instanceof Value.ListVal l) {
      for (int i = 0; i < l.items().size(); i++) {
        String p = firstHyper(l.items().get(i), path + "[" + i + "]");
        if (p != null) {
          return p;
        }
      }
    } else if (v instanceof Value.Node n) {
      for (Map.Entry<String, Value> e : n.args().entrySet()) {
        String p = firstHyper(e.getValue(), SpecCodec.join(path, e.getKey()));
        if (p != null) {
          return p;
        }
      }
    }
    return null;
  }
}
