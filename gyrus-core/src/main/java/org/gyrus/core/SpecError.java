package org.gyrus.core;

/**
 * The one error type that spec parsing, validation and materialisation throw. It names where the
 * problem is (a file, a line, a path such as {@code model.layers[3].units}) and what was expected.
 */
public class SpecError extends RuntimeException {
  private final String path;

  public SpecError(String path, String expected, String found) {
    this(path, "expected " + expected + ", got " + found);
  }

  public SpecError(String path, String message) {
    super((path == null || path.isEmpty() ? "" : path + ": ") + message);
    this.path = path == null ? "" : path;
  }

  public SpecError(String path, String message, Throwable cause) {
    super((path == null || path.isEmpty() ? "" : path + ": ") + message, cause);
    this.path = path == null ? "" : path;
  }

  /** Where the problem is; empty when it is the whole input. */
  public String path() {
    return path;
  }

  /** The same error, located under a file or an outer path. */
  public SpecError under(String prefix) {
    String joined = path.isEmpty() ? prefix : prefix + (path.startsWith("[") ? "" : ".") + path;
    String msg = getMessage();
    String rest = path.isEmpty() ? msg : msg.substring(path.length() + 2);
    return new SpecError(joined, rest, this);
  }

  /** The same error, located in a file: {@code FILE: path: message}. */
  public SpecError inFile(String file) {
    String rest = path.isEmpty() ? getMessage() : getMessage().substring(path.length() + 2);
    return new SpecError(path.isEmpty() ? file : file + ": " + path, rest, this);
  }
}
