package org.gyrus.core;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The node types a context knows, by name. Validates specs and spaces: an unknown type, a missing
 * or ill-typed argument, a value out of bounds, an empty choice or an inverted range fails with the
 * path (e.g. {@code model.layers[3].units}) and what was expected. Immutable: build one with {@link
 * #with}.
 */
public final class TypeRegistry {
  private final Map<String, NodeType> types;
  private final boolean open;

  private TypeRegistry(Map<String, NodeType> types, boolean open) {
    this.types = Collections.unmodifiableMap(types);
    this.open = open;
  }

  /**
   * A registry that checks the nodes whose types it knows and leaves other nested nodes to their
   * own validators (used to check one component's arguments).
   */
  public static TypeRegistry open(Collection<NodeType> types) {
    return new TypeRegistry(of(types).types, true);
  }

  public static TypeRegistry of(Collection<NodeType> types) {
    Map<String, NodeType> m = new TreeMap<>();
    for (NodeType t : types) {
      if (m.put(t.name(), t) != null) {
        throw new IllegalArgumentException("type registered twice: " + t.name());
      }
    }
    return new TypeRegistry(m, false);
  }

  public TypeRegistry with(Collection<NodeType> more) {
    Map<String, NodeType> m = new TreeMap<>(types);
    for (NodeType t : more) {
      m.put(t.name(), t);
    }
    return new TypeRegistry(m, open);
  }

  public NodeType get(String name) {
    return types.get(name);
  }

  public Collection<NodeType> types() {
    return types.values();
  }

  /**
   * Checks a spec or a space rooted at {@code root} (a path prefix such as {@code model}); hypers
   * are checked for well-formedness and each candidate against the argument it stands for.
   */
  public void validate(Value v, String root) {
    new Space(v); // hyper well-formedness: empty choices, inverted ranges
    check(v, root, null);
  }

  private void check(Value v, String path, ArgSpec expected) {
    if (v instanceof Hyper h) {
      checkHyper(h, path, expected);
      return;
    }
    if (expected != null) {
      checkKind(v, path, expected);
    }
    if (v instanceof Value.ListVal l) {
      for (int i = 0; i < l.items().size(); i++) {
        check(l.items().get(i), path + "[" + i + "]", null);
      }
    } else if (v instanceof Value.Node n) {
      checkNode(n, path);
    }
  }

  private void checkNode(Value.Node n, String path) {
    NodeType t = types.get(n.type());
    if (t == null && open) {
      return;
    }
    if (t == null) {
      throw new SpecError(
          path,
          "a known node type " + Suggest.closest(n.type(), types.keySet()),
          "'" + n.type() + "'");
    }
    for (ArgSpec a : t.args()) {
      if (a.required() && !n.args().containsKey(a.name())) {
        throw new SpecError(
            SpecCodec.join(path, a.name()),
            n.type() + " requires '" + a.name() + "' (" + a.kind().description() + ")");
      }
    }
    for (Map.Entry<String, Value> e : n.args().entrySet()) {
      ArgSpec a = t.arg(e.getKey());
      String p = SpecCodec.join(path, e.getKey());
      if (a == null) {
        List<String> known = t.args().stream().map(ArgSpec::name).toList();
        throw new SpecError(
            p, "one of the arguments of " + n.type() + " " + known, "'" + e.getKey() + "'");
      }
      check(e.getValue(), p, a);
    }
  }

  private void checkHyper(Hyper h, String path, ArgSpec expected) {
    if (h instanceof Hyper.OneOf o) {
      for (int c = 0; c < o.candidates().size(); c++) {
        check(o.candidates().get(c), path + "#" + c, expected);
      }
    } else if (h instanceof Hyper.ManyOf m) {
      requireList(path, expected);
      for (int c = 0; c < m.candidates().size(); c++) {
        check(m.candidates().get(c), path + "#" + c, null);
      }
    } else if (h instanceof Hyper.Repeat r) {
      requireList(path, expected);
      check(r.body(), path + "[0]", null);
    } else if (h instanceof Hyper.OptionalOf o) {
      if (expected != null && expected.required()) {
        throw new SpecError(
            path, "a value: '" + expected.name() + "' is required, so it cannot be optional");
      }
      check(o.body(), path + "#1", expected);
    } else if (h instanceof Hyper.IntRange r) {
      if (expected != null) {
        if (expected.kind() != ArgSpec.Kind.INT
            && expected.kind() != ArgSpec.Kind.FLOAT
            && expected.kind() != ArgSpec.Kind.ANY) {
          throw new SpecError(path, expected.kind().description(), "an intRange");
        }
        checkBounds(r.lo(), path, expected);
        checkBounds(r.hi(), path, expected);
      }
    } else if (h instanceof Hyper.FloatRange r) {
      if (expected != null) {
        if (expected.kind() != ArgSpec.Kind.FLOAT && expected.kind() != ArgSpec.Kind.ANY) {
          throw new SpecError(path, expected.kind().description(), "a floatRange");
        }
        checkBounds(r.lo(), path, expected);
        checkBounds(r.hi(), path, expected);
      }
    }
  }

  private static void requireList(String path, ArgSpec expected) {
    if (expected != null
        && expected.kind() != ArgSpec.Kind.LIST
        && expected.kind() != ArgSpec.Kind.ANY) {
      throw new SpecError(path, expected.kind().description(), "a hyper that makes a list");
    }
  }

  private static void checkKind(Value v, String path, ArgSpec a) {
    boolean ok =
        switch (a.kind()) {
          case INT -> v instanceof Value.IntVal;
          case FLOAT -> v instanceof Value.IntVal || v instanceof Value.FloatVal;
          case STR -> v instanceof Value.StrVal;
          case BOOL -> v instanceof Value.BoolVal;
          case NODE -> v instanceof Value.Node;
          case LIST -> v instanceof Value.ListVal;
          case ANY -> true;
        };
    if (!ok) {
      String hint =
          a.kind() == ArgSpec.Kind.FLOAT && v instanceof Value.StrVal
              ? " (YAML reads 1e-3 as a string: write 1.0e-3)"
              : "";
      throw new SpecError(path, a.kind().description() + hint, describe(v));
    }
    if (v instanceof Value.IntVal i) {
      checkBounds(i.value(), path, a);
    } else if (v instanceof Value.FloatVal f) {
      checkBounds(f.value(), path, a);
    } else if (v instanceof Value.StrVal s
        && !a.choices().isEmpty()
        && !a.choices().contains(s.value())) {
      String guess = Suggest.closest(s.value(), a.choices());
      throw new SpecError(
          path, ("one of " + a.choices() + " " + guess).trim(), "'" + s.value() + "'");
    }
  }

  private static void checkBounds(double x, String path, ArgSpec a) {
    if ((a.min() != null && x < a.min()) || (a.max() != null && x > a.max())) {
      String lo = a.min() == null ? "-inf" : fmt(a.min());
      String hi = a.max() == null ? "inf" : fmt(a.max());
      throw new SpecError(path, "a value in [" + lo + ", " + hi + "]", fmt(x));
    }
  }

  static String fmt(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
  }

  static String describe(Value v) {
    if (v instanceof Value.Node n) {
      return "a node of type " + n.type();
    } else if (v instanceof Value.ListVal) {
      return "a list";
    } else if (v instanceof Value.StrVal s) {
      return "the string '" + s.value() + "'";
    }
    return v.toString();
  }
}
