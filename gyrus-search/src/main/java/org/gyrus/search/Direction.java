package org.gyrus.search;

/** Whether an objective is to be made large or small. */
public enum Direction {
  MAXIMIZE,
  MINIMIZE;

  /** {@code value} turned so that larger is better. */
  public double orient(double value) {
    return this == MAXIMIZE ? value : -value;
  }

  public static Direction parse(String s) {
    return switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "maximize", "max", "maximise" -> MAXIMIZE;
      case "minimize", "min", "minimise" -> MINIMIZE;
      default ->
          throw new org.gyrus.core.SpecError("direction", "maximize or minimize", "'" + s + "'");
    };
  }
}
