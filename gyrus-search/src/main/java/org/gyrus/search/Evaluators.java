package org.gyrus.search;

import java.nio.file.Path;
import org.gyrus.core.Value;
import org.gyrus.core.plugin.Registry;

/** Evaluator factories by name, from the plug-in registry. */
public final class Evaluators {
  private Evaluators() {}

  public static Registry<EvaluatorFactory> registry() {
    return Registry.of(EvaluatorFactory.class, "evaluator");
  }

  /** The factory a spec names with its checked arguments. */
  public static Registry.Resolved<EvaluatorFactory> resolve(Value spec) {
    return registry().resolve(spec, "evaluator");
  }

  public static Evaluator of(Value spec, Path dataDir) {
    Registry.Resolved<EvaluatorFactory> r = resolve(spec);
    return r.component().create(r.args(), dataDir);
  }
}
