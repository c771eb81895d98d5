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

    /** The integer argument, or {@code fallback} when absent; a value of another kind fails. */
    public long intArg(String name, long fallback) {
      Value v = args.get(name);
      if (v == null) {
        return fallback;
      }
      if (v instanceof IntVal i) {
        return i.value();
      }
      throw wrongKind(name, "an integer", v);
    }

    /** The numeric argument (an integer reads as a number), or {@code fallback} when absent. */
    public double floatArg(String name, double fallback) {
      Value v = args.get(name);
      if (v == null) {
        return fallback;
      }
      if (v instanceof IntVal i) {
        return i.value();
      }
      if (v instanceof FloatVal f) {
        return f.value();
      }
      throw wrongKind(name, "a number", v);
    }

    public String strArg(String name, String fallback) {
      Value v = args.get(name);
      if (v == null) {
        return fallback;
      }
      if (v instanceof StrVal s) {
        return s.value();
      }
      throw wrongKind(name, "a string", v);
    }

    public boolean boolArg(String name, boolean fallback) {
      Value v = args.get(name);
      if (v == null) {
        return fallback;
      }
      if (v instanceof BoolVal b) {
        return b.value();
      }
      throw wrongKind(name, "true or false", v);
    }

    public List<Value> listArg(String name) {
      Value v = args.get(name);
      if (v == null) {
        return new ArrayList<>();
      }
      if (v instanceof ListVal l) {
        return l.items();
      }
      throw wrongKind(name, "a list", v);
    }

    private SpecError wrongKind(String name, String expected, Value v) {
      return new SpecError(type + "." + name, expected, TypeRegistry.describe(v));
    }

    @Override
    public String toString() {
      return type + args;
    }
  }
}
