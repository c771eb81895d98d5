package org.gyrus.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * A search space: a spec that may hold hypers, with its decisions flattened into a {@link DnaSpec}.
 * It samples, mutates, crosses and enumerates points, and materialises a point into a concrete
 * spec. Immutable and thread-safe.
 *
 * <p>A joint space ({@link #joint}) adds named parts beside the spec, e.g. an experiment's
 * evaluator with a searched learning rate: their decisions are ids rooted at the part's name
 * ({@code evaluator.recipe.lr}) and come after the spec's, whose ids stay as in the spec alone.
 */
public final class Space {
  /** The node type of a joint space's stored form: {@code {_type: joint_space, space: ...}}. */
  public static final String JOINT = "joint_space";

  private final Value spec;
  private final Map<String, Value> parts;
  private final DnaSpec dnaSpec;
  private final BigInteger size;

  public Space(Value spec) {
    Map<String, Value> named = new LinkedHashMap<>();
    if (spec instanceof Value.Node n && n.type().equals(JOINT) && n.args().containsKey("space")) {
      n.args().forEach((k, v) -> named.put(k, v));
      spec = named.remove("space");
    }
    this.spec = spec;
    this.parts = Collections.unmodifiableMap(named);
    SpaceCompiler compiled = SpaceCompiler.compile(spec, parts);
    this.dnaSpec = new DnaSpec(compiled.decisions(), compiled.labels());
    BigInteger n = SpaceCompiler.size(spec);
    for (Value part : parts.values()) {
      BigInteger m = SpaceCompiler.size(part);
      n = n == null || m == null ? null : n.multiply(m);
    }
    this.size = n;
  }

  /**
   * The stored form of {@code spec} searched together with hypers in other named parts; just {@code
   * spec} when no part holds a hyper. Part names must be plain keys, not {@code space}.
   */
  public static Value joint(Value spec, Map<String, Value> parts) {
    Map<String, Value> args = new LinkedHashMap<>();
    args.put("space", spec);
    parts.forEach(
        (k, v) -> {
          if (k.equals("space") || !k.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new SpecError(k, "a plain part name other than 'space'", "'" + k + "'");
          }
          if (Values.firstHyper(v, k) != null) {
            args.put(k, v);
          }
        });
    return args.size() == 1 ? spec : new Value.Node(JOINT, args);
  }

  /** The spec (for a joint space, its {@code space} part). */
  public Value spec() {
    return spec;
  }

  /** The stored form: {@link #spec()}, or the joint node when there are parts. */
  public Value stored() {
    return joint(spec, parts);
  }

  /** The named parts of a joint space beside the spec (empty for a plain space). */
  public Map<String, Value> parts() {
    return parts;
  }

  /** The concrete value of part {@code name} at a point; a missing value names its decision. */
  public Value materialisePart(String name, Dna dna) {
    Value part = parts.get(name);
    if (part == null) {
      throw new SpecError(name, "a part of the space " + parts.keySet(), "none");
    }
    return materialise(part, name, dna);
  }

  public DnaSpec dnaSpec() {
    return dnaSpec;
  }

  /** The number of points, or empty when the space is infinite. */
  public Optional<BigInteger> size() {
    return Optional.ofNullable(size);
  }

  public Dna sample(RandomGenerator rng) {
    return complete(Map.of(), rng);
  }

  /**
   * Keeps the valid values of {@code partial} for the decisions that are active, samples the active
   * ones that are missing or invalid, and drops the inactive ones.
   */
  public Dna complete(Map<String, ? extends Number> partial, RandomGenerator rng) {
    Map<String, Number> out = new LinkedHashMap<>();
    Map<String, long[]> groupPlans = new HashMap<>();
    for (Decision d : dnaSpec.decisions()) {
      if (!dnaSpec.isActive(d, out)) {
        continue;
      }
      Number given = normalise(partial.get(d.id()));
      if (d instanceof Decision.Choice c && c.group() != null) {
        long[] plan = groupPlans.get(c.group().id());
        if (plan == null) {
          plan = groupValues(c, partial);
          if (plan == null || !validGroup(c.group(), plan, c.size())) {
            plan = sampleGroup(c.group(), c.size(), rng);
          }
          groupPlans.put(c.group().id(), plan);
        }
        out.put(d.id(), plan[c.group().slot()]);
      } else {
        out.put(d.id(), dnaSpec.isValid(d, given) ? given : dnaSpec.sampleOne(d, rng));
      }
    }
    return new Dna(out);
  }

  /** A caller's int, short or float as the DNA's long or double, so it is not taken as absent. */
  private static Number normalise(Number n) {
    if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return n.longValue();
    }
    return n instanceof Float ? (Number) n.doubleValue() : n;
  }

  private long[] groupValues(Decision.Choice first, Map<String, ? extends Number> partial) {
    Decision.Group g = first.group();
    long[] values = new long[g.k()];
    for (int j = 0; j < g.k(); j++) {
      Number v = partial.get(g.id() + "[" + j + "]");
      if (v == null) {
        return null;
      }
      values[j] = v.longValue();
    }
    return values;
  }

  static boolean validGroup(Decision.Group g, long[] v, int n) {
    for (int j = 0; j < v.length; j++) {
      if (v[j] < 0 || v[j] >= n) {
        return false;
      }
      for (int i = 0; i < j; i++) {
        if (g.distinct() && v[i] == v[j]) {
          return false;
        }
      }
      if (g.sorted() && j > 0 && v[j - 1] > v[j]) {
        return false;
      }
    }
    return true;
  }

  private static long[] sampleGroup(Decision.Group g, int n, RandomGenerator rng) {
    long[] v = new long[g.k()];
    if (g.distinct()) {
      List<Long> all = new ArrayList<>();
      for (long i = 0; i < n; i++) {
        all.add(i);
      }
      for (int j = 0; j < g.k(); j++) { // partial Fisher-Yates
        int pick = j + rng.nextInt(n - j);
        Collections.swap(all, j, pick);
        v[j] = all.get(j);
      }
    } else {
      for (int j = 0; j < g.k(); j++) {
        v[j] = rng.nextInt(n);
      }
    }
    if (g.sorted()) {
      java.util.Arrays.sort(v);
    }
    return v;
  }

  /** Changes one active decision to a different value, then completes the point. */
  public Dna mutate(Dna dna, RandomGenerator rng) {
    Dna base = complete(dna.values(), rng);
    List<Decision> active = dnaSpec.active(base);
    List<Decision> mutable = new ArrayList<>();
    for (Decision d : active) {
      if (dnaSpec.cardinality(d) != 1) {
        mutable.add(d);
      }
    }
    if (mutable.isEmpty()) {
      return base;
    }
    for (int attempt = 0; attempt < 32; attempt++) {
      Decision d = mutable.get(rng.nextInt(mutable.size()));
      Map<String, Number> values = new LinkedHashMap<>(base.values());
      values.put(d.id(), dnaSpec.neighbour(d, base.get(d.id()), rng));
      if (d instanceof Decision.Choice c && c.group() != null) {
        long[] plan = groupValues(c, values);
        if (!validGroup(c.group(), plan, c.size())) {
          continue;
        }
      }
      return complete(values, rng);
    }
    for (int attempt = 0; attempt < 32; attempt++) { // constrained groups: jump instead
      Dna other = sample(rng);
      if (!other.equals(base)) {
        return other;
      }
    }
    return base;
  }

  /** Uniform crossover: each active decision takes its value from one parent or the other. */
  public Dna crossover(Dna a, Dna b, RandomGenerator rng) {
    Map<String, Number> values = new LinkedHashMap<>();
    for (Decision d : dnaSpec.decisions()) {
      Number va = a.get(d.id());
      Number vb = b.get(d.id());
      Number pick = va == null ? vb : vb == null ? va : rng.nextBoolean() ? va : vb;
      if (pick != null) {
        values.put(d.id(), pick);
      }
    }
    return complete(values, rng);
  }

  /** Every point of a finite space, in a fixed order. */
  public void enumerate(Consumer<Dna> sink) {
    if (size == null) {
      throw new SpecError("", "a finite space to enumerate (no floatRange)", "an infinite space");
    }
    enumerateFrom(0, new LinkedHashMap<>(), sink);
  }

  public List<Dna> enumerate() {
    if (size != null && size.compareTo(BigInteger.valueOf(10_000_000)) > 0) {
      throw new SpecError("", "at most 10,000,000 points to list", size + " points");
    }
    List<Dna> out = new ArrayList<>();
    enumerate(out::add);
    return out;
  }

  private void enumerateFrom(int index, LinkedHashMap<String, Number> current, Consumer<Dna> sink) {
    List<Decision> ds = dnaSpec.decisions();
    int i = index;
    while (i < ds.size() && !dnaSpec.isActive(ds.get(i), current)) {
      i++;
    }
    if (i == ds.size()) {
      sink.accept(new Dna(current));
      return;
    }
    Decision d = ds.get(i);
    long n = dnaSpec.cardinality(d);
    for (long v = 0; v < n; v++) {
      Number value = dnaSpec.valueAt(d, v);
      if (d instanceof Decision.Choice c && c.group() != null && !groupPrefixOk(c, current, v)) {
        continue;
      }
      current.put(d.id(), value);
      enumerateFrom(i + 1, current, sink);
      current.remove(d.id());
    }
  }

  private static boolean groupPrefixOk(Decision.Choice c, Map<String, Number> current, long v) {
    Decision.Group g = c.group();
    for (int j = 0; j < g.slot(); j++) {
      long prev = current.get(g.id() + "[" + j + "]").longValue();
      if (g.distinct() && prev == v) {
        return false;
      }
      if (g.sorted() && j == g.slot() - 1 && prev > v) {
        return false;
      }
    }
    return true;
  }

  /** The concrete spec at a point; a missing or out-of-range value names its decision. */
  public Value materialise(Dna dna) {
    Value v = materialise(spec, "", dna);
    if (v == null) {
      throw new SpecError("", "a spec", "nothing (the whole space is an absent optional)");
    }
    return v;
  }

  private Value materialise(Value v, String path, Dna dna) {
    if (v instanceof Value.ListVal l) {
      List<Value> items = new ArrayList<>();
      for (int i = 0; i < l.items().size(); i++) {
        Value x = materialise(l.items().get(i), path + "[" + i + "]", dna);
        if (x != null) {
          items.add(x);
        }
      }
      return new Value.ListVal(items);
    } else if (v instanceof Value.Node n) {
      Map<String, Value> args = new LinkedHashMap<>();
      for (Map.Entry<String, Value> e : n.args().entrySet()) {
        Value x = materialise(e.getValue(), SpecCodec.join(path, e.getKey()), dna);
        if (x != null) {
          args.put(e.getKey(), x);
        }
      }
      return new Value.Node(n.type(), args);
    } else if (v instanceof Hyper.OneOf o) {
      int c = (int) choice(dna, path, o.candidates().size());
      return materialise(o.candidates().get(c), path + "#" + c, dna);
    } else if (v instanceof Hyper.ManyOf m) {
      return materialiseManyOf(m, path, dna);
    } else if (v instanceof Hyper.IntRange r) {
      Number x = require(dna, path);
      if (!(x instanceof Long l) || l < r.lo() || l > r.hi() || (l - r.lo()) % r.step() != 0) {
        throw new SpecError(
            path,
            "an integer on the grid " + r.lo() + ".." + r.hi() + " step " + r.step(),
            x.toString());
      }
      return new Value.IntVal(l);
    } else if (v instanceof Hyper.FloatRange r) {
      Number x = require(dna, path);
      if (!(x instanceof Double d) || d < r.lo() || d > r.hi()) {
        throw new SpecError(path, "a number in [" + r.lo() + ", " + r.hi() + "]", x.toString());
      }
      return new Value.FloatVal(d);
    } else if (v instanceof Hyper.Repeat r) {
      List<Long> counts = SpaceCompiler.repeatCounts(r, path);
      long n =
          r.count() instanceof Value.IntVal i
              ? i.value()
              : counts.get((int) choice(dna, path + "#n", counts.size()));
      List<Value> items = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Value x = materialise(r.body(), path + "[" + i + "]", dna);
        if (x != null) {
          items.add(x);
        }
      }
      return new Value.ListVal(items);
    } else if (v instanceof Hyper.OptionalOf o) {
      return choice(dna, path, 2) == 1 ? materialise(o.body(), path + "#1", dna) : null;
    }
    return v;
  }

  private Value materialiseManyOf(Hyper.ManyOf m, String path, Dna dna) {
    List<Value> items = new ArrayList<>();
    long[] picks = new long[m.k()];
    for (int j = 0; j < m.k(); j++) {
      String slot = path + "[" + j + "]";
      picks[j] = choice(dna, slot, m.candidates().size());
      Value x = materialise(m.candidates().get((int) picks[j]), slot + "#" + picks[j], dna);
      if (x != null) {
        items.add(x);
      }
    }
    Decision.Group g = new Decision.Group(path, 0, m.k(), m.distinct(), m.sorted());
    if (!validGroup(g, picks, m.candidates().size())) {
      String wanted = (m.distinct() ? "distinct " : "") + (m.sorted() ? "sorted " : "") + "picks";
      throw new SpecError(path, wanted, java.util.Arrays.toString(picks));
    }
    return new Value.ListVal(items);
  }

  private static Number require(Dna dna, String id) {
    Number x = dna.get(id);
    if (x == null) {
      throw new SpecError(id, "a value for this decision in the DNA", "none");
    }
    return x;
  }

  private static long choice(Dna dna, String id, int n) {
    Number x = require(dna, id);
    if (!(x instanceof Long l) || l < 0 || l >= n) {
      throw new SpecError(id, "a choice index in [0, " + (n - 1) + "]", x.toString());
    }
    return l;
  }
}
