package org.gyrus.core;

import java.util.List;

/**
 * A hyper-value: a decision left open in a spec. A spec that holds hypers is a search space; a
 * {@link Dna} closes every decision and {@link Space#materialise} turns the space into a concrete
 * spec. Hypers may nest: a candidate of a choice can hold hypers of its own (a conditional space).
 *
 * <p>Any hyper may carry a {@code name} (null when it has none): what people read for its decision
 * in tables, charts and reports. Names are unique per space; the decision's id (its DNA path) stays
 * its identity in storage. See {@link DnaSpec#label}.
 */
public sealed interface Hyper extends Value
    permits Hyper.OneOf,
        Hyper.ManyOf,
        Hyper.IntRange,
        Hyper.FloatRange,
        Hyper.Repeat,
        Hyper.OptionalOf {

  /** The name people read for this decision, or null. */
  String name();

  /** This hyper with {@code name} (null: unnamed). */
  Hyper named(String name);

  /** One of the candidates. */
  record OneOf(List<Value> candidates, String name) implements Hyper {
    public OneOf {
      candidates = List.copyOf(candidates);
    }

    public OneOf(List<Value> candidates) {
      this(candidates, null);
    }

    @Override
    public OneOf named(String name) {
      return new OneOf(candidates, name);
    }
  }

  /**
   * {@code k} of the candidates, as a list. {@code distinct} forbids picking a candidate twice;
   * {@code sorted} keeps the picks in candidate order (so only the set matters).
   */
  record ManyOf(int k, List<Value> candidates, boolean distinct, boolean sorted, String name)
      implements Hyper {
    public ManyOf {
      candidates = List.copyOf(candidates);
    }

    public ManyOf(int k, List<Value> candidates, boolean distinct, boolean sorted) {
      this(k, candidates, distinct, sorted, null);
    }

    @Override
    public ManyOf named(String name) {
      return new ManyOf(k, candidates, distinct, sorted, name);
    }
  }

  /** An integer in [lo, hi] on the grid lo, lo+step, ... */
  record IntRange(long lo, long hi, long step, String name) implements Hyper {
    public IntRange(long lo, long hi, long step) {
      this(lo, hi, step, null);
    }

    @Override
    public IntRange named(String name) {
      return new IntRange(lo, hi, step, name);
    }
  }

  /** A real number in [lo, hi], sampled uniformly or, when {@code log}, log-uniformly. */
  record FloatRange(double lo, double hi, boolean log, String name) implements Hyper {
    public FloatRange(double lo, double hi, boolean log) {
      this(lo, hi, log, null);
    }

    @Override
    public FloatRange named(String name) {
      return new FloatRange(lo, hi, log, name);
    }
  }

  /**
   * {@code count} independent copies of {@code body}, as a list; {@code count} is an integer or a
   * hyper over integers (a {@link OneOf} of integers or an {@link IntRange}). A name names the
   * count decision.
   */
  record Repeat(Value body, Value count, String name) implements Hyper {
    public Repeat(Value body, Value count) {
      this(body, count, null);
    }

    @Override
    public Repeat named(String name) {
      return new Repeat(body, count, name);
    }
  }

  /** Either {@code body} or nothing: in a list the element is dropped, in a node the argument. */
  record OptionalOf(Value body, String name) implements Hyper {
    public OptionalOf(Value body) {
      this(body, null);
    }

    @Override
    public OptionalOf named(String name) {
      return new OptionalOf(body, name);
    }
  }
}
