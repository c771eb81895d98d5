package org.gyrus.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random specs and spaces for property tests. */
final class RandomSpecs {
  private final Random rng;
  private final boolean hypers;
  private final boolean finite;
  private final String namePrefix;
  private int names;

  RandomSpecs(long seed, boolean hypers, boolean finite) {
    this.rng = new Random(seed);
    this.namePrefix = "n" + Long.toHexString(seed) + "_";
    this.hypers = hypers;
    this.finite = finite;
  }

  Value value(int depth) {
    int kinds = depth <= 0 ? 4 : (hypers ? 12 : 6);
    switch (rng.nextInt(kinds)) {
      case 0:
        return new Value.IntVal(rng.nextInt(5) == 0 ? rng.nextLong() : rng.nextInt(100) - 50);
      case 1:
        return new Value.FloatVal(
            rng.nextInt(4) == 0
                ? Double.longBitsToDouble(rng.nextLong() & 0x7fefffffffffffffL)
                : rng.nextGaussian() * 1000);
      case 2:
        return new Value.StrVal(string());
      case 3:
        return new Value.BoolVal(rng.nextBoolean());
      case 4:
      case 5:
        return depth % 2 == 0 ? node(depth) : list(depth);
      case 6:
      case 7:
        return node(depth);
      default:
        return hyper(depth);
    }
  }

  private String string() {
    String[] pool = {
      "", "a", "relu", "1e-4", "yes", "null", "x: y", "ü∀", "true", "12", " sp ", "#c", "'q'"
    };
    return pool[rng.nextInt(pool.length)]
        + (rng.nextBoolean() ? "" : Integer.toString(rng.nextInt(9)));
  }

  Value.Node node(int depth) {
    Map<String, Value> args = new LinkedHashMap<>();
    int n = rng.nextInt(4);
    for (int i = 0; i < n; i++) {
      args.put("arg" + i, value(depth - 1));
    }
    return new Value.Node("t" + rng.nextInt(5), args);
  }

  Value.ListVal list(int depth) {
    List<Value> items = new ArrayList<>();
    int n = rng.nextInt(4);
    for (int i = 0; i < n; i++) {
      items.add(value(depth - 1));
    }
    return new Value.ListVal(items);
  }

  /** A hyper, a third of the time with a name unique to this generator. */
  Value hyper(int depth) {
    Hyper h = bareHyper(depth);
    boolean nameable = !(h instanceof Hyper.Repeat r && r.count() instanceof Value.IntVal);
    return nameable && rng.nextInt(3) == 0 ? h.named(namePrefix + names++) : h;
  }

  private Hyper bareHyper(int depth) {
    int kinds = finite ? 5 : 6;
    switch (rng.nextInt(kinds)) {
      case 0:
        {
          List<Value> c = new ArrayList<>();
          int n = 1 + rng.nextInt(3);
          for (int i = 0; i < n; i++) {
            c.add(value(depth - 1));
          }
          return new Hyper.OneOf(c);
        }
      case 1:
        {
          List<Value> c = new ArrayList<>();
          int n = 1 + rng.nextInt(3);
          for (int i = 0; i < n; i++) {
            c.add(value(depth - 2));
          }
          boolean distinct = rng.nextBoolean();
          int k = 1 + rng.nextInt(distinct ? n : 3);
          return new Hyper.ManyOf(k, c, distinct, rng.nextBoolean());
        }
      case 2:
        {
          long lo = rng.nextInt(10) - 5;
          return new Hyper.IntRange(lo, lo + rng.nextInt(6), 1 + rng.nextInt(3));
        }
      case 3:
        {
          Value count =
              rng.nextBoolean()
                  ? new Value.IntVal(rng.nextInt(3))
                  : new Hyper.IntRange(0, 1 + rng.nextInt(2), 1);
          return new Hyper.Repeat(value(depth - 2), count);
        }
      case 4:
        return new Hyper.OptionalOf(value(depth - 1));
      default:
        {
          double lo = rng.nextDouble();
          return new Hyper.FloatRange(lo, lo + rng.nextDouble() * 10, rng.nextBoolean());
        }
    }
  }
}
