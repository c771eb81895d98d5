package org.gyrus.search;

/** Decides from a running trial's intermediate values whether to stop it early. */
public interface Pruner {
  boolean shouldPrune(Trial running, long step, History history);

  /** Never prunes. */
  Pruner NONE = (t, s, h) -> false;
}
