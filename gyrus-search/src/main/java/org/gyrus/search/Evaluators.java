package org.gyrus.search;

import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.gyrus.core.SpecError;
import org.gyrus.core.Suggest;
import org.gyrus.core.Value;
import org.gyrus.core.Values;

/** Evaluator factories found on the class path, by name. */
public final class Evaluators {
  private Evaluators() {}

  public static Map<String, EvaluatorFactory> all() {
    Map<String, EvaluatorFactory> m = new TreeMap<>();
    for (EvaluatorFactory f : ServiceLoader.load(EvaluatorFactory.class)) {
      m.put(f.name(), f);
    }
    return m;
  }

  /** The space the named evaluator brings (synthetic functions), or null. */
  public static Value defaultSpace(Value spec) {
    Value.Node node = Values.nodeOrName(spec, "evaluator", "an evaluator");
    EvaluatorFactory f = all().get(node.type());
    return f == null ? null : f.defaultSpace(node);
  }

  public static Evaluator of(Value spec, Path dataDir) {
    Value.Node node = Values.nodeOrName(spec, "evaluator", "an evaluator");
    Map<String, EvaluatorFactory> all = all();
    EvaluatorFactory f = all.get(node.type());
    if (f == null) {
      throw new SpecError(
          "evaluator",
          "one of " + all.keySet() + " " + Suggest.closest(node.type(), all.keySet()),
          "'" + node.type() + "'");
    }
    return f.create(node, dataDir);
  }
}
