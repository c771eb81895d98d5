package org.gyrus.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gyrus.core.DecisionLabels.Where;

/**
 * Walks a space once: checks that every hyper is well formed (naming its path), lists the decisions
 * in depth-first order (parents before children) and counts the points.
 */
final class SpaceCompiler {
  private final List<Decision> decisions = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();
  private final DecisionLabels labels = new DecisionLabels();

  static SpaceCompiler compile(Value space) {
    return compile(space, java.util.Map.of());
  }

  /** The spec's decisions, then each part's, with ids rooted at the part's name. */
  static SpaceCompiler compile(Value space, java.util.Map<String, Value> parts) {
    SpaceCompiler c = new SpaceCompiler();
    c.walk(space, "", null, Where.ROOT);
    // A part's labels read from inside it (recipe.lr for evaluator.recipe.lr); its ids do not.
    parts.forEach((name, part) -> c.walk(part, name, null, Where.ROOT));
    return c;
  }

  List<Decision> decisions() {
    return decisions;
  }

  /** Readable labels by decision id (see {@link DecisionLabels}). */
  java.util.Map<String, String> labels() {
    return labels.resolve(decisions.stream().map(Decision::id).toList());
  }

  private void add(Decision d, String name, Where where, String label) {
    if (!ids.add(d.id())) {
      throw new SpecError(d.id(), "a unique decision path; two decisions share it");
    }
    labels.add(d.id(), name, where, label);
    decisions.add(d);
  }

  static String label(Value v) {
    if (v instanceof Value.StrVal s) {
      return s.value();
    } else if (v instanceof Value.Node n) {
      return n.type();
    } else if (v instanceof Value.Concrete) {
      return v.toString();
    }
    return v.getClass().getSimpleName();
  }

  /** Counts of a repeat: its fixed count, or the integer options of its count hyper. */
  static List<Long> repeatCounts(Hyper.Repeat r, String path) {
    String p = path + "#n";
    List<Long> counts = new ArrayList<>();
    if (r.count() instanceof Value.IntVal i) {
      counts.add(i.value());
    } else if (r.count() instanceof Hyper.IntRange ir) {
      checkRange(ir, p);
      if ((ir.hi() - ir.lo()) / ir.step() > 100_000) {
        throw new SpecError(p, "at most 100000 counts", ir.toString());
      }
      for (long v = ir.lo(); v <= ir.hi(); v += ir.step()) {
        counts.add(v);
      }
    } else if (r.count() instanceof Hyper.OneOf o) {
      if (o.candidates().isEmpty()) {
        throw new SpecError(p, "a non-empty list of counts");
      }
      for (Value c : o.candidates()) {
        if (!(c instanceof Value.IntVal i)) {
          throw new SpecError(p, "integer counts", label(c));
        }
        counts.add(i.value());
      }
    } else {
      throw new SpecError(p, "an integer, intRange or oneOf of integers", label(r.count()));
    }
    for (long c : counts) {
      if (c < 0 || c > 100_000) {
        throw new SpecError(p, "a count between 0 and 100000", Long.toString(c));
      }
    }
    return counts;
  }

  static void checkRange(Hyper.IntRange r, String path) {
    if (r.step() <= 0) {
      throw new SpecError(path, "a positive step", Long.toString(r.step()));
    }
    if (r.lo() > r.hi()) {
      throw new SpecError(path, "lo <= hi (inverted range)", "lo=" + r.lo() + " hi=" + r.hi());
    }
  }

  private void walk(Value v, String path, Decision.Condition when, Where where) {
    if (v instanceof Value.ListVal l) {
      walkList(l, path, when, where, null);
    } else if (v instanceof Value.Node n) {
      n.args()
          .forEach(
              (k, a) -> {
                String p = SpecCodec.join(path, k);
                if (a instanceof Value.ListVal l) {
                  walkList(l, p, when, where, k);
                } else {
                  walk(a, p, when, where.at(k));
                }
              });
    } else if (v instanceof Hyper.OneOf o) {
      walkOneOf(o, path, when, where);
    } else if (v instanceof Hyper.ManyOf m) {
      walkManyOf(m, path, when, where);
    } else if (v instanceof Hyper.IntRange r) {
      checkRange(r, path);
      add(
          new Decision.IntChoice(path, when, r.lo(), r.hi(), r.step()),
          r.name(),
          where,
          where.readable());
    } else if (v instanceof Hyper.FloatRange r) {
      if (!(r.lo() <= r.hi())) {
        throw new SpecError(path, "lo <= hi (inverted range)", "lo=" + r.lo() + " hi=" + r.hi());
      }
      if (r.log() && r.lo() <= 0) {
        throw new SpecError(path, "lo > 0 for a log range", "lo=" + r.lo());
      }
      add(
          new Decision.FloatChoice(path, when, r.lo(), r.hi(), r.log()),
          r.name(),
          where,
          where.readable());
    } else if (v instanceof Hyper.Repeat r) {
      walkRepeat(r, path, when, where);
    } else if (v instanceof Hyper.OptionalOf o) {
      add(
          new Decision.Choice(path, when, List.of("absent", "present"), null),
          o.name(),
          where,
          where.readable() + "?");
      walk(o.body(), path + "#1", new Decision.Condition(path, Set.of(1L)), where);
    }
  }

  /** A list's items, each read by what it holds; {@code key} is the argument holding the list. */
  private void walkList(
      Value.ListVal l, String path, Decision.Condition when, Where where, String key) {
    for (int i = 0; i < l.items().size(); i++) {
      String segment = DecisionLabels.segment(l.items(), i, key);
      walk(l.items().get(i), path + "[" + i + "]", when, where.at(segment));
    }
  }

  private void walkOneOf(Hyper.OneOf o, String path, Decision.Condition when, Where where) {
    if (o.candidates().isEmpty()) {
      throw new SpecError(path, "oneOf with at least one candidate", "an empty list");
    }
    List<String> options = o.candidates().stream().map(SpaceCompiler::label).toList();
    add(new Decision.Choice(path, when, options, null), o.name(), where, where.readable());
    for (int c = 0; c < o.candidates().size(); c++) {
      String segment = DecisionLabels.segment(o.candidates(), c, null);
      walk(
          o.candidates().get(c),
          path + "#" + c,
          new Decision.Condition(path, Set.of((long) c)),
          where.at(segment));
    }
  }

  private void walkManyOf(Hyper.ManyOf m, String path, Decision.Condition when, Where where) {
    int n = m.candidates().size();
    if (n == 0) {
      throw new SpecError(path, "manyOf with at least one candidate", "an empty list");
    }
    if (m.k() < 1 || (m.distinct() && m.k() > n)) {
      throw new SpecError(path, "k between 1 and " + (m.distinct() ? n : "any"), "k=" + m.k());
    }
    List<String> options = m.candidates().stream().map(SpaceCompiler::label).toList();
    for (int j = 0; j < m.k(); j++) {
      String slot = path + "[" + j + "]";
      Where at =
          m.k() == 1
              ? where
              : where.copy(where.readable().isEmpty() ? "slot" : where.readable() + ".", j);
      Decision.Group group = new Decision.Group(path, j, m.k(), m.distinct(), m.sorted());
      add(new Decision.Choice(slot, when, options, group), m.name(), at, at.readable());
      for (int c = 0; c < n; c++) {
        String segment = DecisionLabels.segment(m.candidates(), c, null);
        walk(
            m.candidates().get(c),
            slot + "#" + c,
            new Decision.Condition(slot, Set.of((long) c)),
            at.at(segment));
      }
    }
  }

  private void walkRepeat(Hyper.Repeat r, String path, Decision.Condition when, Where where) {
    List<Long> counts = repeatCounts(r, path);
    long max = counts.stream().mapToLong(Long::longValue).max().orElse(0);
    boolean fixed = r.count() instanceof Value.IntVal;
    String countId = path + "#n";
    if (!fixed) {
      String name = r.name() != null ? r.name() : ((Hyper) r.count()).name();
      add(
          new Decision.Choice(countId, when, counts.stream().map(String::valueOf).toList(), null),
          name,
          where,
          DecisionLabels.join(where.readable(), "count"));
    } else if (r.name() != null) {
      throw new SpecError(path + ".name", "no name on a repeat with a fixed count", r.name());
    }
    for (int i = 0; i < max; i++) {
      Decision.Condition copyWhen = when;
      if (!fixed) {
        Set<Long> active = new HashSet<>();
        for (int j = 0; j < counts.size(); j++) {
          if (counts.get(j) > i) {
            active.add((long) j);
          }
        }
        copyWhen = new Decision.Condition(countId, active);
      }
      walk(r.body(), path + "[" + i + "]", copyWhen, where.copy(where.readable(), i));
    }
  }

  /** The number of points of a space, or null when it is infinite (a float range). */
  static BigInteger size(Value v) {
    if (v instanceof Value.ListVal l) {
      return product(l.items());
    } else if (v instanceof Value.Node n) {
      return product(List.copyOf(n.args().values()));
    } else if (v instanceof Hyper.OneOf o) {
      return sum(o.candidates());
    } else if (v instanceof Hyper.ManyOf m) {
      return manyOfSize(m);
    } else if (v instanceof Hyper.IntRange r) {
      return BigInteger.valueOf((r.hi() - r.lo()) / r.step() + 1);
    } else if (v instanceof Hyper.FloatRange r) {
      return r.lo() == r.hi() ? BigInteger.ONE : null;
    } else if (v instanceof Hyper.Repeat r) {
      BigInteger body = size(r.body());
      List<Long> counts = repeatCounts(r, "");
      if (body == null) {
        return counts.stream().allMatch(c -> c == 0) ? BigInteger.valueOf(counts.size()) : null;
      }
      BigInteger total = BigInteger.ZERO;
      for (long c : counts) {
        total = total.add(body.pow((int) c));
      }
      return total;
    } else if (v instanceof Hyper.OptionalOf o) {
      BigInteger body = size(o.body());
      return body == null ? null : body.add(BigInteger.ONE);
    }
    return BigInteger.ONE;
  }

  private static BigInteger product(List<Value> items) {
    BigInteger p = BigInteger.ONE;
    for (Value x : items) {
      BigInteger s = size(x);
      if (s == null) {
        return null;
      }
      p = p.multiply(s);
    }
    return p;
  }

  private static BigInteger sum(List<Value> items) {
    BigInteger p = BigInteger.ZERO;
    for (Value x : items) {
      BigInteger s = size(x);
      if (s == null) {
        return null;
      }
      p = p.add(s);
    }
    return p;
  }

  /**
   * Points of a manyOf whose candidates have sizes s_i: sequences (s_1+...+s_n)^k; distinct and
   * sorted: the elementary symmetric polynomial e_k(s); distinct only: k! e_k; sorted only: the
   * complete homogeneous polynomial h_k(s).
   */
  private static BigInteger manyOfSize(Hyper.ManyOf m) {
    List<BigInteger> s = new ArrayList<>();
    for (Value c : m.candidates()) {
      BigInteger x = size(c);
      if (x == null) {
        return null;
      }
      s.add(x);
    }
    int k = m.k();
    if (!m.distinct() && !m.sorted()) {
      return s.stream().reduce(BigInteger.ZERO, BigInteger::add).pow(k);
    }
    // dp[j] = polynomial value over the candidates seen so far, degree j.
    BigInteger[] dp = new BigInteger[k + 1];
    java.util.Arrays.fill(dp, BigInteger.ZERO);
    dp[0] = BigInteger.ONE;
    for (BigInteger x : s) {
      if (m.distinct()) {
        for (int j = k; j >= 1; j--) {
          dp[j] = dp[j].add(dp[j - 1].multiply(x));
        }
      } else {
        for (int j = 1; j <= k; j++) {
          dp[j] = dp[j].add(dp[j - 1].multiply(x));
        }
      }
    }
    BigInteger result = dp[k];
    if (m.distinct() && !m.sorted()) {
      for (int j = 2; j <= k; j++) {
        result = result.multiply(BigInteger.valueOf(j));
      }
    }
    return result;
  }
}
