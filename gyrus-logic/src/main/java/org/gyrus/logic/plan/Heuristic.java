package org.gyrus.logic.plan;

/** A state evaluator for the search; {@link Relaxed#INF} marks a proven dead end. */
interface Heuristic {
  /** The estimate for {@code s}; adds preferred operators to {@code preferred} when not null. */
  int value(long[] s, Successors.IntBuf preferred);

  /** Whether {@link #value} fills preferred operators. */
  default boolean prefers() {
    return false;
  }

  static Heuristic ff(Relaxed r) {
    return new Heuristic() {
      @Override
      public int value(long[] s, Successors.IntBuf preferred) {
        return r.ff(s, preferred);
      }

      @Override
      public boolean prefers() {
        return true;
      }
    };
  }

  static Heuristic add(Relaxed r) {
    return (s, p) -> r.value(s, Relaxed.Kind.ADD);
  }

  static Heuristic max(Relaxed r) {
    return (s, p) -> r.value(s, Relaxed.Kind.MAX);
  }

  static Heuristic lmCut(Relaxed r) {
    LmCut l = new LmCut(r);
    return (s, p) -> l.value(s);
  }

  /** Zero everywhere (uniform-cost search under A*). */
  static Heuristic blind() {
    return (s, p) -> 0;
  }
}
