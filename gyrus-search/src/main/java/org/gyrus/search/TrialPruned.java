package org.gyrus.search;

/** Thrown by an evaluator to end a trial that the pruner stopped. */
public class TrialPruned extends RuntimeException {
  public TrialPruned(String message) {
    super(message);
  }
}
