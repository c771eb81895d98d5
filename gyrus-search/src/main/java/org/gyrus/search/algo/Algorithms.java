package org.gyrus.search.algo;

import java.util.List;
import org.gyrus.core.Value;
import org.gyrus.core.plugin.Registry;
import org.gyrus.search.Algorithm;
import org.gyrus.search.AlgorithmFactory;

/**
 * Algorithms by name, from the plug-in registry. An algorithm is named by a string ({@code tpe}) or
 * by a node with options ({@code {_type: evolution, population: 20, sample: 5}}); a new algorithm
 * is one class with a {@link org.gyrus.core.plugin.Register}ed {@link AlgorithmFactory}.
 */
public final class Algorithms {
  private Algorithms() {}

  public static Registry<AlgorithmFactory> registry() {
    return Registry.of(AlgorithmFactory.class, "algorithm");
  }

  public static List<String> names() {
    return registry().names();
  }

  public static Algorithm of(String name) {
    return of(new Value.StrVal(name));
  }

  /** The algorithm a spec names; unknown names and bad options fail with the path. */
  public static Algorithm of(Value spec) {
    Registry.Resolved<AlgorithmFactory> r = registry().resolve(spec, "algorithm");
    return r.component().create(r.args());
  }
}
