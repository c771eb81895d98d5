package org.gyrus.search.algo;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.gyrus.core.SpecError;
import org.gyrus.core.Suggest;
import org.gyrus.core.Value;
import org.gyrus.core.Values;
import org.gyrus.search.Algorithm;

/**
 * Algorithms by name. An algorithm is named by a string ({@code tpe}) or by a node with options
 * ({@code {_type: evolution, population: 20, sample: 5}}); a new algorithm is one class plus one
 * line here.
 */
public final class Algorithms {
  private static final Map<String, Function<Value.Node, Algorithm>> BUILT_IN = new TreeMap<>();

  static {
    BUILT_IN.put("random", n -> new RandomSearch());
    BUILT_IN.put("grid", n -> new GridSearch());
    BUILT_IN.put("evolution", RegularizedEvolution::fromSpec);
    BUILT_IN.put("tpe", Tpe::fromSpec);
    BUILT_IN.put("mcts", Mcts::fromSpec);
    BUILT_IN.put("cmaes", CmaEs::fromSpec);
    BUILT_IN.put("gp", GpSearch::fromSpec);
  }

  private Algorithms() {}

  public static List<String> names() {
    return List.copyOf(BUILT_IN.keySet());
  }

  public static Algorithm of(String name) {
    return of(new Value.StrVal(name));
  }

  /** The algorithm a spec names; unknown names and bad options fail with the path. */
  public static Algorithm of(Value spec) {
    Value.Node node = Values.nodeOrName(spec, "algorithm", "an algorithm");
    Function<Value.Node, Algorithm> f = BUILT_IN.get(node.type());
    if (f == null) {
      throw new SpecError(
          "algorithm",
          "one of " + names() + " " + Suggest.closest(node.type(), BUILT_IN.keySet()),
          "'" + node.type() + "'");
    }
    return f.apply(node);
  }

  static int intOption(Value.Node n, String name, int fallback, int min) {
    Value v = n.arg(name);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Value.IntVal i) || i.value() < min || i.value() > Integer.MAX_VALUE) {
      throw new SpecError("algorithm." + name, "an integer >= " + min, v.toString());
    }
    return (int) i.value();
  }

  static double floatOption(Value.Node n, String name, double fallback, double min, double max) {
    Value v = n.arg(name);
    if (v == null) {
      return fallback;
    }
    double x =
        v instanceof Value.IntVal i
            ? i.value()
            : v instanceof Value.FloatVal f ? f.value() : Double.NaN;
    if (!(x >= min && x <= max)) {
      throw new SpecError(
          "algorithm." + name, "a number in [" + min + ", " + max + "]", v.toString());
    }
    return x;
  }

  static boolean boolOption(Value.Node n, String name, boolean fallback) {
    Value v = n.arg(name);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Value.BoolVal b)) {
      throw new SpecError("algorithm." + name, "true or false", v.toString());
    }
    return b.value();
  }

  static void allowOnly(Value.Node n, String... names) {
    List<String> allowed = List.of(names);
    for (String k : n.args().keySet()) {
      if (!allowed.contains(k)) {
        throw new SpecError(
            "algorithm." + k, "one of the options of " + n.type() + " " + allowed, "'" + k + "'");
      }
    }
  }
}
