package org.gyrus.search;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.function.Consumer;
import org.gyrus.core.Decision;
import org.gyrus.core.Dna;
import org.gyrus.core.DnaSpec;
import org.gyrus.core.Space;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;

/**
 * The points on which a space is checked before trial 0: every point when there are at most {@link
 * #EXHAUSTIVE_LIMIT}, otherwise points that give every decision each of its values at least once
 * (for numbers: the ends of the range, and every value of a small integer range), with the
 * decisions above it set so that it is active. A failing point is reported with the decisions that
 * produced it.
 */
public final class SpaceCheck {
  public static final int EXHAUSTIVE_LIMIT = 10_000;
  private static final int SMALL_INT_RANGE = 64;

  private SpaceCheck() {}

  /** The points to check, deterministic for a seed. */
  public static List<Dna> points(Space space, long seed) {
    var size = space.size();
    if (size.isPresent() && size.get().compareTo(BigInteger.valueOf(EXHAUSTIVE_LIMIT)) <= 0) {
      return space.enumerate();
    }
    SplittableRandom rng = new SplittableRandom(seed);
    DnaSpec spec = space.dnaSpec();
    Set<Dna> out = new LinkedHashSet<>();
    for (Decision d : spec.decisions()) {
      for (Number v : targets(spec, d)) {
        Map<String, Number> partial = new LinkedHashMap<>();
        partial.put(d.id(), v);
        activate(spec, d, partial);
        out.add(space.complete(partial, rng));
      }
    }
    if (out.isEmpty()) {
      out.add(space.sample(rng));
    }
    return new ArrayList<>(out);
  }

  /**
   * Runs {@code check} on the materialised points; the first failure is re-thrown as a {@link
   * SpecError} at {@code where} naming the decisions of that point.
   */
  public static void run(Space space, long seed, String where, Consumer<Value> check) {
    for (Dna dna : points(space, seed)) {
      Value concrete = space.materialise(dna);
      try {
        check.accept(concrete);
      } catch (SpecError e) {
        String decisions =
            space.dnaSpec().active(dna).isEmpty() ? "" : "with " + describe(space, dna) + ": ";
        throw new SpecError(where, decisions + e.getMessage(), e);
      }
    }
  }

  /** The decisions of a point in words: {@code body[0]#1.filters = 64, ...}. */
  public static String describe(Space space, Dna dna) {
    StringJoiner j = new StringJoiner(", ");
    for (Decision d : space.dnaSpec().active(dna)) {
      Number v = dna.get(d.id());
      String shown =
          d instanceof Decision.Choice c ? c.labels().get(v.intValue()) : String.valueOf(v);
      j.add(d.id() + " = " + shown);
    }
    return j.length() == 0 ? "no decisions" : j.toString();
  }

  private static List<Number> targets(DnaSpec spec, Decision d) {
    List<Number> out = new ArrayList<>();
    if (d instanceof Decision.Choice c) {
      for (long i = 0; i < c.size(); i++) {
        out.add(i);
      }
    } else if (d instanceof Decision.IntChoice r) {
      long n = r.count();
      if (n <= SMALL_INT_RANGE) {
        for (long i = 0; i < n; i++) {
          out.add(spec.valueAt(d, i));
        }
      } else {
        out.add(r.lo());
        out.add(r.lo() + (n - 1) * r.step());
      }
    } else {
      Decision.FloatChoice f = (Decision.FloatChoice) d;
      out.add(f.lo());
      out.add(f.hi());
    }
    return out;
  }

  /** Sets each ancestor of {@code d} to a value under which its child is active. */
  private static void activate(DnaSpec spec, Decision d, Map<String, Number> partial) {
    Decision.Condition c = d.when();
    while (c != null) {
      Decision parent = spec.get(c.parent());
      long v = c.values().stream().mapToLong(Long::longValue).min().orElse(0);
      partial.putIfAbsent(parent.id(), v); // a condition holds raw DNA values
      c = parent.when();
    }
  }
}
