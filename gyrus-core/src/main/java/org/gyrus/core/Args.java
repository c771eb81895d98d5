package org.gyrus.core;

import java.util.List;

/**
 * The arguments of one node read through its type's declaration: an absent argument takes its
 * declared default, a present one must have the declared kind (never a silent fallback), and asking
 * for an undeclared name is a programming error.
 */
public record Args(NodeType type, Value.Node node, String path) {

  public Value value(String name) {
    ArgSpec a = declared(name);
    Value v = node.arg(name);
    return v != null ? v : a.defaultValue();
  }

  public boolean has(String name) {
    declared(name);
    return node.arg(name) != null;
  }

  public long integer(String name) {
    Value v = present(name);
    if (v instanceof Value.IntVal i) {
      return i.value();
    }
    throw wrong(name, "an integer", v);
  }

  public int smallInt(String name) {
    long x = integer(name);
    if (x < Integer.MIN_VALUE || x > Integer.MAX_VALUE) {
      throw new SpecError(SpecCodec.join(path, name), "an integer of at most 10 digits", "" + x);
    }
    return (int) x;
  }

  public double number(String name) {
    Value v = present(name);
    if (v instanceof Value.IntVal i) {
      return i.value();
    }
    if (v instanceof Value.FloatVal f) {
      return f.value();
    }
    throw wrong(name, "a number", v);
  }

  public String string(String name) {
    Value v = present(name);
    if (v instanceof Value.StrVal s) {
      return s.value();
    }
    throw wrong(name, "a string", v);
  }

  public boolean bool(String name) {
    Value v = present(name);
    if (v instanceof Value.BoolVal b) {
      return b.value();
    }
    throw wrong(name, "true or false", v);
  }

  public List<Value> list(String name) {
    Value v = value(name);
    if (v == null) {
      return List.of();
    }
    if (v instanceof Value.ListVal l) {
      return l.items();
    }
    throw wrong(name, "a list", v);
  }

  /** The path of one argument, for error messages. */
  public String pathOf(String name) {
    return SpecCodec.join(path, name);
  }

  private ArgSpec declared(String name) {
    ArgSpec a = type.arg(name);
    if (a == null) {
      throw new IllegalStateException(type.name() + " does not declare '" + name + "'");
    }
    return a;
  }

  private Value present(String name) {
    Value v = value(name);
    if (v == null) {
      throw new SpecError(pathOf(name), type.name() + " requires '" + name + "'");
    }
    return v;
  }

  private SpecError wrong(String name, String expected, Value v) {
    return new SpecError(pathOf(name), expected, TypeRegistry.describe(v));
  }
}
