package org.gyrus.search;

import java.nio.file.Path;
import org.gyrus.core.Value;

/**
 * Makes evaluators named in experiment files ({@code evaluator: {_type: nb201}}). Modules add
 * theirs through {@code META-INF/services/org.gyrus.search.EvaluatorFactory}.
 */
public interface EvaluatorFactory {
  String name();

  /** One line on what the evaluator measures, for help texts. */
  String description();

  Evaluator create(Value.Node spec, Path dataDir);

  /** The space an experiment searches when it names none; null when the evaluator has none. */
  default Value defaultSpace(Value.Node spec) {
    return null;
  }
}
