package org.gyrus.core;

import java.util.List;

/** The schema of one node type: its name and the arguments it takes. */
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
}
