package org.gyrus.search;

import java.nio.file.Path;
import java.util.List;
import org.gyrus.core.Args;
import org.gyrus.core.Space;
import org.gyrus.core.Value;
import org.gyrus.core.plugin.Component;

/**
 * Makes evaluators named in experiment files ({@code evaluator: {_type: nb201}}). Implementations
 * are registered by name ({@link org.gyrus.core.plugin.Register}) and declare their arguments in
 * {@link #type()}.
 */
public interface EvaluatorFactory extends Component {
  /**
   * Builds the evaluator (may read data); called after the arguments and the space were checked.
   */
  Evaluator create(Args args, Path dataDir);

  /**
   * Checks arguments beyond their declared kinds and bounds (nested nodes, combinations); errors
   * are located under {@code evaluator}. The default accepts what the declaration accepted.
   */
  default void checkArgs(Args args) {}

  /**
   * Checks the space's syntax before any point is drawn: node types, argument kinds and bounds of
   * every candidate of every hyper. The default accepts any space.
   */
  default void checkSpace(Args args, Space space) {}

  /**
   * Checks one concrete point of the space (e.g. that its shapes fit the data) without evaluating
   * it; throws {@link org.gyrus.core.SpecError}. Called on every point of a small space and on a
   * covering sample of a large one ({@link SpaceCheck}).
   */
  default void checkPoint(Args args, Value concrete) {}

  /** The space an experiment searches when it names none (synthetic functions); null if none. */
  default Value defaultSpace(Args args) {
    return null;
  }

  /** What the objective measures models on, for reports: "validation" unless the test set. */
  default String selectsOn(Args args) {
    return "validation";
  }

  /**
   * Whether one evaluator from {@link #create} can run trials whose arguments differ (hyper-values
   * in the experiment's evaluator), reading each trial's from {@link TrialContext#args()};
   * otherwise an evaluator is built per distinct arguments. Say true when building one is costly
   * (it loads data).
   */
  default boolean readsTrialArgs() {
    return false;
  }

  /** The data files the evaluator reads, for the study's provenance (none by default). */
  default List<Path> dataFiles(Args args, Path dataDir) {
    return List.of();
  }
}
