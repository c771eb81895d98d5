package org.gyrus.core;

import java.util.List;

/** The schema of one node type: its name, a one-line doc and the arguments it takes. */
public record NodeType(String name, List<ArgSpec> args, String doc) {
  public NodeType {
    args = List.copyOf(args);
  }

  public static NodeType of(String name, String doc, ArgSpec... args) {
    return new NodeType(name, List.of(args), doc);
  }

  public ArgSpec arg(String argName) {
    for (ArgSpec a : args) {
      if (a.name().equals(argName)) {
        return a;
      }
    }
    return null;
  }

  /**
   * Checks a node of this type: required arguments, unknown keys, kinds, bounds and choices. Nested
   * nodes are left to their own types (only their kind is checked here).
   */
  public Args check(Value.Node node, String path) {
    if (!node.type().equals(name)) {
      throw new SpecError(path, "a node of type " + name, "'" + node.type() + "'");
    }
    TypeRegistry.open(List.of(this)).validate(node, path);
    return new Args(this, node, path);
  }

  /** The arguments of a node that has been checked elsewhere (defaults from the declaration). */
  public Args args(Value.Node node, String path) {
    return new Args(this, node, path);
  }
}
