package org.gyrus.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The decision points of a space in depth-first order (every parent before its children). This is
 * all a search algorithm sees of a space.
 */
public final class DnaSpec {
  private final List<Decision> decisions;
  private final Map<String, Decision> byId = new LinkedHashMap<>();
  private final Map<String, String> labels;

  /** Decisions read by their ids. */
  public DnaSpec(List<Decision> decisions) {
    this(decisions, Map.of());
  }

  /** Decisions with readable labels by id (an id without one reads as itself). */
  public DnaSpec(List<Decision> decisions, Map<String, String> labels) {
    this.decisions = List.copyOf(decisions);
    for (Decision d : decisions) {
      byId.put(d.id(), d);
    }
    this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  /**
   * What people read for decision {@code id}: its name when the space names it, else a label
   * derived from the spec ({@code stage1.conv2d.filters}); unique per space. The id stays the
   * decision's identity in DNA and storage.
   */
  public String label(String id) {
    return labels.getOrDefault(id, id);
  }

  /** Labels by decision id, in decision order. */
  public Map<String, String> labels() {
    return labels;
  }

  /**
   * The decision whose label is {@code key}, else the one whose id is {@code key}, or null. Labels
   * come first: they are what people type, and a label may coincide with another decision's id.
   */
  public Decision find(String key) {
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (e.getValue().equals(key)) {
        return byId.get(e.getKey());
      }
    }
    return byId.get(key);
  }

  public List<Decision> decisions() {
    return decisions;
  }

  public Decision get(String id) {
    return byId.get(id);
  }

  /** Whether {@code d} is active given the values assigned so far to earlier decisions. */
  public boolean isActive(Decision d, Map<String, ? extends Number> assigned) {
    Decision.Condition c = d.when();
    if (c == null) {
      return true;
    }
    Number parent = assigned.get(c.parent());
    return parent != null && c.values().contains(parent.longValue());
  }

  /** The decisions active at a point, in order. */
  public List<Decision> active(Dna dna) {
    List<Decision> out = new ArrayList<>();
    for (Decision d : decisions) {
      if (dna.get(d.id()) != null && isActive(d, dna.values())) {
        out.add(d);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** How many values a decision can take; {@link Long#MAX_VALUE} for a real-valued one. */
  public long cardinality(Decision d) {
    if (d instanceof Decision.Choice c) {
      return c.size();
    } else if (d instanceof Decision.IntChoice i) {
      return i.count();
    }
    Decision.FloatChoice f = (Decision.FloatChoice) d;
    return f.lo() == f.hi() ? 1 : Long.MAX_VALUE;
  }

  /** The i-th value of a discrete decision. */
  public Number valueAt(Decision d, long i) {
    if (d instanceof Decision.Choice) {
      return i;
    } else if (d instanceof Decision.IntChoice r) {
      return r.lo() + i * r.step();
    }
    return ((Decision.FloatChoice) d).lo();
  }

  public boolean isValid(Decision d, Number v) {
    if (v == null) {
      return false;
    } else if (d instanceof Decision.Choice c) {
      return v instanceof Long l && l >= 0 && l < c.size();
    } else if (d instanceof Decision.IntChoice r) {
      return v instanceof Long l && l >= r.lo() && l <= r.hi() && (l - r.lo()) % r.step() == 0;
    }
    Decision.FloatChoice f = (Decision.FloatChoice) d;
    return v instanceof Double x && x >= f.lo() && x <= f.hi();
  }

  public Number sampleOne(Decision d, RandomGenerator rng) {
    if (d instanceof Decision.Choice c) {
      return (long) rng.nextInt(c.size());
    } else if (d instanceof Decision.IntChoice r) {
      return r.lo() + rng.nextLong(r.count()) * r.step();
    }
    return sampleFloat((Decision.FloatChoice) d, rng);
  }

  private static double sampleFloat(Decision.FloatChoice f, RandomGenerator rng) {
    if (f.lo() == f.hi()) {
      return f.lo();
    }
    if (f.log()) {
      double x =
          Math.exp(Math.log(f.lo()) + rng.nextDouble() * (Math.log(f.hi()) - Math.log(f.lo())));
      return Math.min(f.hi(), Math.max(f.lo(), x));
    }
    return f.lo() + rng.nextDouble() * (f.hi() - f.lo());
  }

  /**
   * A value different from {@code current}: another option of a choice; for numbers, half the time
   * a local step (one grid step, or a Gaussian move of a tenth of the range) and otherwise a fresh
   * sample.
   */
  public Number neighbour(Decision d, Number current, RandomGenerator rng) {
    if (d instanceof Decision.Choice c) {
      long v = rng.nextInt(c.size() - 1);
      return v >= current.longValue() ? v + 1 : v;
    } else if (d instanceof Decision.IntChoice r) {
      long cur = current.longValue();
      if (rng.nextBoolean()) {
        long next = cur + (rng.nextBoolean() ? r.step() : -r.step());
        if (next >= r.lo() && next <= r.hi()) {
          return next;
        }
      }
      long v = r.lo() + rng.nextLong(r.count() - 1) * r.step();
      return v >= cur ? v + r.step() : v;
    }
    Decision.FloatChoice f = (Decision.FloatChoice) d;
    if (rng.nextBoolean()) {
      return sampleFloat(f, rng);
    }
    double lo = f.log() ? Math.log(f.lo()) : f.lo();
    double hi = f.log() ? Math.log(f.hi()) : f.hi();
    double x = f.log() ? Math.log(current.doubleValue()) : current.doubleValue();
    x = Math.min(hi, Math.max(lo, x + rng.nextGaussian() * 0.1 * (hi - lo)));
    double v = f.log() ? Math.exp(x) : x;
    return Math.min(f.hi(), Math.max(f.lo(), v));
  }
}
