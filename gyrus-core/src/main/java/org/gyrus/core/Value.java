package org.gyrus.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A symbolic value: the building material of every spec. Concrete values are numbers, strings,
 * booleans, lists and typed nodes; {@link Hyper} values leave a decision open and turn a spec into
 * a search space.
 */
public sealed interface Value permits Value.Concrete, Hyper {

  /** Values without open decisions (though lists and nodes may still hold hypers inside). */
  sealed interface Concrete extends Value
      permits IntVal, FloatVal, StrVal, BoolVal, ListVal, Node {}

  /** True when this value and everything under it is free of hypers. */
  default boolean isConcrete() {
    if (this instanceof ListVal l) {
      return l.items().stream().allMatch(Value::isConcrete);
    }
    if (this instanceof Node n) {
      return n.args().values().stream().allMatch(Value::isConcrete);
    }
    return !(this instanceof Hyper);
  }

  /** A 64-bit integer. */
  record IntVal(long value) implements Concrete {
    @Override
    public String toString() {
      return Long.toString(value);
    }
  }

  /** A finite double. */
  record FloatVal(double value) implements Concrete {
    public FloatVal {
      if (!Double.isFinite(value)) {
        throw new SpecError("", "a finite number", Double.toString(value));
      }
    }

    @Override
    public String toString() {
      return Double.toString(value);
    }
  }

  /** A string. */
  record StrVal(String value) implements Concrete {
    public StrVal {
      if (value == null) {
        throw new NullPointerException("value");
      }
    }

    @Override
    public String toString() {
      return '"' + value + '"';
    }
  }

  /** A boolean. */
  record BoolVal(boolean value) implements Concrete {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /** An immutable list of values. */
  record ListVal(List<Value> items) implements Concrete {
    public ListVal {
      items = List.copyOf(items);
    }

    public static ListVal of(Value... items) {
      return new ListVal(List.of(items));
    }

    @Override
    public String toString() {
      return items.toString();
    }
  }

  /**
   * A typed node: a type name and named arguments, in a fixed order. Nodes are what models, layers,
   * cells, recipes and experiments are made of.
   */
  record Node(String type, Map<String, Value> args) implements Concrete {
    public Node {
      if (type == null || type.isBlank()) {
        throw new SpecError("", "a non-empty type name", String.valueOf(type));
      }
      args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** A node from alternating argument names and values, e.g. {@code of("dense", "units", 8)}. */
    public static Node of(String type, Object... namesAndValues) {
      if (namesAndValues.length % 2 != 0) {
        throw new IllegalArgumentException("names and values must alternate");
      }
      Map<String, Value> args = new LinkedHashMap<>();
      for (int i = 0; i < namesAndValues.length; i += 2) {
        args.put((String) namesAndValues[i], Values.of(namesAndValues[i + 1]));
      }
      return new Node(type, args);
    }

    public Value arg(String name) {
      return args.get(name);
    }

    /** A copy with one argument set (added at the end when new). */
    public Node with(String name, Value value) {
      Map<String, Value> copy = new LinkedHashMap<>(args);
      copy.put(name, value);
      return new Node(type, copy);
    }

    public long intArg(String name, long fallback) {
      return args.get(name) instanceof IntVal i ? i.value() : fallback;
    }

    public double floatArg(String name, double fallback) {
      Value v = args.get(name);
      if (v instanceof IntVal i) {
        return i.value();
      }
      return v instanceof FloatVal f ? f.value() : fallback;
    }

    public String strArg(String name, String fallback) {
      return args.get(name) instanceof StrVal s ? s.value() : fallback;
    }

    public boolean boolArg(String name, boolean fallback) {
      return args.get(name) instanceof BoolVal b ? b.value() : fallback;
    }

    public List<Value> listArg(String name) {
      return args.get(name) instanceof ListVal l ? l.items() : new ArrayList<>();
    }

    @Override
    public String toString() {
      return type + args;
    }
  }
}
