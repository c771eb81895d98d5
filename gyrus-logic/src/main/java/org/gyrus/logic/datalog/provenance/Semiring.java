package org.gyrus.logic.datalog.provenance;

/**
 * What a derived tuple carries (Scallop's provenance semirings): {@code plus} combines alternative
 * derivations, {@code times} the premises of one derivation. An instance may keep per-evaluation
 * state (the probabilities of input facts), so take a fresh one from {@link Semirings#of} per
 * evaluation.
 */
public interface Semiring<T> {
  String name();

  T zero();

  T one();

  T plus(T a, T b);

  T times(T a, T b);

  /**
   * The tag of input fact number {@code id} written with probability {@code p} ({@code p::fact.});
   * facts without a probability get {@link #one()}.
   */
  T input(int id, double p);

  /** Whether plus(a, a) = a; iteration then converges on finite programs. */
  default boolean isIdempotent() {
    return true;
  }

  default boolean same(T a, T b) {
    return a.equals(b);
  }

  /** A probability (or degree) read from a tag, for printing; NaN when the semiring has none. */
  default double probability(T t) {
    return Double.NaN;
  }

  /** The tag as printed before {@code ::} in answers. */
  default String show(T t) {
    double p = probability(t);
    return Double.isNaN(p) ? String.valueOf(t) : format(p);
  }

  static String format(double p) {
    String s = String.format(java.util.Locale.ROOT, "%.6f", p);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s + "0" : s;
  }
}
