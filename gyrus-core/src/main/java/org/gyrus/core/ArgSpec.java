package org.gyrus.core;

import java.util.List;

/**
 * One declared argument of a node type: its kind, whether it is required, bounds or allowed
 * strings, the default used when it is absent, and a one-line doc. The declaration is the single
 * place an argument is described: {@link TypeRegistry#validate} checks specs against it, {@link
 * Args} reads values with its default, and {@code gyrus explain} prints it.
 */
public record ArgSpec(
    String name,
    Kind kind,
    boolean required,
    Double min,
    Double max,
    List<String> choices,
    Value defaultValue,
    String doc) {

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
    doc = doc == null ? "" : doc;
  }

  public static ArgSpec required(String name, Kind kind) {
    return new ArgSpec(name, kind, true, null, null, null, null, null);
  }

  public static ArgSpec optional(String name, Kind kind) {
    return new ArgSpec(name, kind, false, null, null, null, null, null);
  }

  /** An optional argument with a default (a Java number, string, boolean or a {@link Value}). */
  public static ArgSpec optional(String name, Kind kind, Object defaultValue) {
    return optional(name, kind).byDefault(defaultValue);
  }

  public ArgSpec min(double lo) {
    return new ArgSpec(name, kind, required, lo, max, choices, defaultValue, doc);
  }

  public ArgSpec range(double lo, double hi) {
    return new ArgSpec(name, kind, required, lo, hi, choices, defaultValue, doc);
  }

  public ArgSpec oneOf(String... allowed) {
    return new ArgSpec(name, kind, required, min, max, List.of(allowed), defaultValue, doc);
  }

  public ArgSpec byDefault(Object value) {
    Value v = value == null ? null : Values.of(value);
    return new ArgSpec(name, kind, required, min, max, choices, v, doc);
  }

  public ArgSpec doc(String text) {
    return new ArgSpec(name, kind, required, min, max, choices, defaultValue, text);
  }

  /** What the argument accepts, in words: kind, bounds and choices. */
  public String accepts() {
    StringBuilder s = new StringBuilder(kind.description());
    if (!choices.isEmpty()) {
      s.append(", one of ").append(choices);
    }
    if (min != null || max != null) {
      s.append(" in [")
          .append(min == null ? "-inf" : TypeRegistry.fmt(min))
          .append(", ")
          .append(max == null ? "inf" : TypeRegistry.fmt(max))
          .append(']');
    }
    return s.toString();
  }
}
