package org.gyrus.core;

import java.util.List;

/**
 * A hyper-value: a decision left open in a spec. A spec that holds hypers is a search space; a
 * {@link Dna} closes every decision and {@link Space#materialise} turns the space into a concrete
 * spec. Hypers may nest: a candidate of a choice can hold hypers of its own (a conditional space).
 */
public sealed interface Hyper extends Value
    permits Hyper.OneOf,
        Hyper.ManyOf,
        Hyper.IntRange,
        Hyper.FloatRange,
        Hyper.Repeat,
        Hyper.OptionalOf {

  /** One of the candidates. */
  record OneOf(List<Value> candidates) implements Hyper {
    public OneOf {
      candidates = List.copyOf(candidates);
    }
  }

  /**
   * {@code k} of the candidates, as a list. {@code distinct} forbids picking a candidate twice;
   * {@code sorted} keeps the picks in candidate order (so only the set matters).
   */
  record ManyOf(int k, List<Value> candidates, boolean distinct, boolean sorted) implements Hyper {
    public ManyOf {
      candidates = List.copyOf(candidates);
    }
  }

  /** An integer in [lo, hi] on the grid lo, lo+step, ... */
  record IntRange(long lo, long hi, long step) implements Hyper {}

  /** A real number in [lo, hi], sampled uniformly or, when {@code log}, log-uniformly. */
  record FloatRange(double lo, double hi, boolean log) implements Hyper {}

  /**
   * {@code count} independent copies of {@code body}, as a list; {@code count} is an integer or a
   * hyper over integers (a {@link OneOf} of integers or an {@link IntRange}).
   */
  record Repeat(Value body, Value count) implements Hyper {}

  /** Either {@code body} or nothing: in a list the element is dropped, in a node the argument. */
  record OptionalOf(Value body) implements Hyper {}
}
