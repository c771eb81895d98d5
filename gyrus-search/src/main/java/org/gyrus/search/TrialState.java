package org.gyrus.search;

/** The life of a trial: enqueued, running, then one of the three finished states. */
public enum TrialState {
  WAITING,
  RUNNING,
  COMPLETE,
  PRUNED,
  FAIL;

  public boolean isFinished() {
    return this == COMPLETE || this == PRUNED || this == FAIL;
  }
}
