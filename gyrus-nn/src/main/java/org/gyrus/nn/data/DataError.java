package org.gyrus.nn.data;

import org.gyrus.core.SpecError;

/** A data file that cannot be read; the path names the file and the byte or line. */
public class DataError extends SpecError {
  public DataError(String where, String message) {
    super(where, message);
  }

  /** "expected X, got Y" at {@code where}. */
  public DataError(String where, String expected, String found) {
    super(where, expected, found);
  }

  public DataError(String where, String message, Throwable cause) {
    super(where, message, cause);
  }
}
