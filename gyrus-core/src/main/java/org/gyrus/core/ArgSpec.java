package org.gyrus.core;

import java.util.List;

/**
 * What a node type accepts for one argument: its kind, whether it is required, and bounds or
 * allowed strings. Used by {@link TypeRegistry#validate} for concrete specs and for spaces.
 */
public record ArgSpec(
    String name, Kind kind, boolean required, Double min, Double max, List<String> choices) {

  /** The kinds of argument values. */
  public enum Kind {
    INT("an integer"),
    FLOAT("a number"),
    STR("a string"),
    BOOL("true or false"),
    NODE("a node"),
    LIST("a list"),
    ANY("a value");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  public ArgSpec {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  public static ArgSpec required(String name, Kind kind) {
    return new ArgSpec(name, kind, true, null, null, null);
  }

  public static ArgSpec optional(String name, Kind kind) {
    return new ArgSpec(name, kind, false, null, null, null);
  }

  public ArgSpec min(double lo) {
    return new ArgSpec(name, kind, required, lo, max, choices);
  }

  public ArgSpec range(double lo, double hi) {
    return new ArgSpec(name, kind, required, lo, hi, choices);
  }

  public ArgSpec oneOf(String... allowed) {
    return new ArgSpec(name, kind, required, min, max, List.of(allowed));
  }
}
