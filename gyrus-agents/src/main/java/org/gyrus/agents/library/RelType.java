package org.gyrus.agents.library;

import java.util.List;

/** A typed relation: its name and the type of each argument, e.g. parent(person, person). */
public record RelType(String name, List<String> argTypes) {
  public RelType {
    argTypes = List.copyOf(argTypes);
  }

  public static RelType of(String name, String... types) {
    return new RelType(name, List.of(types));
  }

  public int arity() {
    return argTypes.size();
  }

  @Override
  public String toString() {
    return name + "(" + String.join(", ", argTypes) + ")";
  }
}
