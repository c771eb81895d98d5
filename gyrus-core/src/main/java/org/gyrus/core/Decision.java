package org.gyrus.core;

import java.util.List;
import java.util.Set;

/**
 * One decision point of a space, identified by its path. A decision may be conditional: it is
 * active only when its parent decision (earlier in the order) is active and takes one of the given
 * values.
 */
public sealed interface Decision permits Decision.Choice, Decision.IntChoice, Decision.FloatChoice {
  String id();

  /** Null for a decision that is always active. */
  Condition when();

  /** Active when decision {@code parent} is active and its value is one of {@code values}. */
  record Condition(String parent, Set<Long> values) {
    public Condition {
      values = Set.copyOf(values);
    }
  }

  /**
   * A pick among {@code labels.size()} options; its DNA value is the option index. {@code group} is
   * set for the slots of a {@code manyOf}.
   */
  record Choice(String id, Condition when, List<String> labels, Group group) implements Decision {
    public Choice {
      labels = List.copyOf(labels);
    }

    public int size() {
      return labels.size();
    }
  }

  /** The slots of one {@code manyOf}: slot {@code slot} of {@code k}, with its constraints. */
  record Group(String id, int slot, int k, boolean distinct, boolean sorted) {}

  /** An integer on the grid lo, lo+step, ..., up to hi. */
  record IntChoice(String id, Condition when, long lo, long hi, long step) implements Decision {
    public long count() {
      return (hi - lo) / step + 1;
    }
  }

  /** A real number in [lo, hi], log-scaled when {@code log}. */
  record FloatChoice(String id, Condition when, double lo, double hi, boolean log)
      implements Decision {}
}
