package org.gyrus.logic.datalog;

import org.gyrus.core.SpecError;

/** A bad Datalog program: a parse error, an unsafe rule, an unstratifiable program. */
public class DatalogError extends SpecError {
  public DatalogError(String where, String message) {
    super(where, message);
  }

  public DatalogError(String where, String expected, String found) {
    super(where, expected, found);
  }
}
