package org.gyrus.search;

/** What an evaluator may do while it runs a trial. */
public interface TrialContext {
  int number();

  long seed();

  /** Records an intermediate value; true when the pruner says to stop this trial. */
  boolean report(long step, double value);

  void setAttr(String key, String value);
}
