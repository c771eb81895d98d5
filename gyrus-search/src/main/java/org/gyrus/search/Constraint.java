package org.gyrus.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gyrus.core.SpecError;

/**
 * A hard spec on a measurement an evaluator reports ({@code latency_ms <= 2.5}): a design that
 * breaks it is infeasible, whatever its objectives. Written in experiment files as {@code
 * constraints: ["latency_ms <= 2.5", "area_mm2 <= 4"]}; the metric is one of the evaluator's extra
 * metrics (or {@code objectiveN}, the N-th objective value).
 *
 * @param metric the measured name
 * @param atMost true for {@code <=}, false for {@code >=}
 * @param bound the limit
 */
public record Constraint(String metric, boolean atMost, double bound) {
  /** The study attribute that holds a study's constraints, one per line. */
  public static final String ATTR = "constraints";

  private static final Pattern FORM =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*(<=|>=)\\s*([-+0-9.eE]+)\\s*");

  public Constraint {
    if (!Double.isFinite(bound)) {
      throw new SpecError("constraints", "a finite bound", Double.toString(bound));
    }
  }

  /** Parses {@code NAME <= NUMBER} or {@code NAME >= NUMBER}. */
  public static Constraint parse(String text, String where) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new SpecError(where, "a constraint 'metric <= number' or 'metric >= number'", text);
    }
    try {
      return new Constraint(m.group(1), m.group(2).equals("<="), Double.parseDouble(m.group(3)));
    } catch (NumberFormatException e) {
      throw new SpecError(where, "a number after " + m.group(2), "'" + m.group(3) + "'");
    }
  }

  /** Constraints stored one per line ({@link #ATTR}); null or blank reads as none. */
  public static List<Constraint> parseAll(String lines) {
    List<Constraint> out = new ArrayList<>();
    if (lines == null) {
      return out;
    }
    for (String line : lines.split("\n")) {
      if (!line.isBlank()) {
        out.add(parse(line, ATTR));
      }
    }
    return out;
  }

  public static String formatAll(List<Constraint> constraints) {
    return String.join("\n", constraints.stream().map(Constraint::toString).toList());
  }

  /**
   * How far {@code value} is outside the bound, relative to the bound's size (so specs in different
   * units weigh alike); 0 when it is met, infinite when the value is missing or NaN.
   */
  public double violation(double value) {
    if (Double.isNaN(value)) {
      return Double.POSITIVE_INFINITY;
    }
    double over = atMost ? value - bound : bound - value;
    return over <= 0 ? 0 : over / Math.max(Math.abs(bound), 1e-12);
  }

  @Override
  public String toString() {
    return metric + (atMost ? " <= " : " >= ") + format(bound);
  }

  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%s", v);
  }
}
