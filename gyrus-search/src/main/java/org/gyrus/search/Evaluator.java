package org.gyrus.search;

import org.gyrus.core.Value;

/**
 * Turns a concrete spec into metrics (builds, trains, looks up...). Knows nothing about the
 * algorithm. Throw {@link TrialPruned} to stop early when {@link TrialContext#report} says so.
 */
@FunctionalInterface
public interface Evaluator {
  Metrics evaluate(Value concrete, TrialContext ctx) throws Exception;
}
