package org.gyrus.search;

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
  default java.util.Optional<java.nio.file.Path> artifactDir() {
    return java.util.Optional.empty();
  }
}
