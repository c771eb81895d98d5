package org.gyrus.logic.ilp;

import java.util.List;

/** A ground example of the head predicate: its constants, and whether it is positive. */
public record Example(List<Object> args, boolean positive) {
  public Example {
    args = List.copyOf(args);
  }
}
