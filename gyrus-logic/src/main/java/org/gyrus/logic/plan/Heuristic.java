package org.gyrus.logic.plan;

/** A state evaluator for the search; {@link Relaxed#INF} marks a proven dead end. */
interface Heuristic {
  /** The estimate for {@code s}; adds preferred operators to {@code preferred} when not null. */
  int value(long[] s, Successors.IntBuf preferred);

  /**
   * The estimate for state {@code id} of the search, reached from the evaluated state {@code
   * parent} (-1 for the initial state): path-dependent heuristics (landmark counting) override
   * this; the others ignore the ids.
   */
  default int value(long[] s, int id, int parent, Successors.IntBuf preferred) {
    return value(s, preferred);
  }

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

  /** LAMA's landmark count over {@code lm}. */
  static Heuristic landmarks(Task task, Landmarks lm) {
    return new LandmarkCount(task, lm);
  }

  /** Zero everywhere (uniform-cost search under A*). */
  static Heuristic blind() {
    return (s, p) -> 0;
  }
}
