package org.gyrus.search;

import java.nio.file.Path;
import java.util.Optional;
import org.gyrus.core.Args;
import org.gyrus.core.Dna;

/** What an evaluator may do while it runs a trial. */
public interface TrialContext {
  int number();

  long seed();

  /** Records an intermediate value; true when the pruner says to stop this trial. */
  boolean report(long step, double value);

  void setAttr(String key, String value);

  /**
   * A directory of this trial's own for artifacts such as trained weights (created on first use by
   * the caller); empty when the study's store keeps no files.
   */
  default Optional<Path> artifactDir() {
    return Optional.empty();
  }

  /** The trial's point, every decision of the study's space (empty where not known). */
  default Dna dna() {
    return Dna.EMPTY;
  }

  /**
   * This trial's own evaluator arguments where the experiment searches them (hyper-values in its
   * {@code evaluator}); empty when every trial runs with the arguments the evaluator was built
   * with. Only evaluators whose factory {@link EvaluatorFactory#readsTrialArgs() reads trial
   * arguments} are given them.
   */
  default Optional<Args> args() {
    return Optional.empty();
  }
}
