package org.gyrus.app;

import org.gyrus.core.SpecError;

/** Range checks for numeric flags: bad values stop the command before any work, with one line. */
final class Flags {
  private Flags() {}

  /** {@code value} when it lies in [lo, hi]; a {@link SpecError} naming the flag otherwise. */
  static long inRange(String flag, long value, long lo, long hi) {
    if (value < lo || value > hi) {
      throw new SpecError(flag, "a whole number in " + lo + ".." + hi, Long.toString(value));
    }
    return value;
  }

  /** {@code value} when finite and in (lo, hi] ({@code openLow}) or [lo, hi]. */
  static double inRange(String flag, double value, double lo, double hi, boolean openLow) {
    boolean ok = Double.isFinite(value) && (openLow ? value > lo : value >= lo) && value <= hi;
    if (!ok) {
      String range = (openLow ? "(" : "[") + fmt(lo) + ", " + fmt(hi) + "]";
      throw new SpecError(flag, "a number in " + range, Double.toString(value));
    }
    return value;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
