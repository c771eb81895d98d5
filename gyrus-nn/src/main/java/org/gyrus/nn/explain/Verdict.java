package org.gyrus.nn.explain;

/**
 * The outcome of checking one specification.
 *
 * @param status what the solver established
 * @param counterexample for {@code REFUTED}: an input in the region, matching the pattern, that the
 *     network (run forward in double precision) does not classify as the target; otherwise null
 * @param seconds solver wall time
 */
public record Verdict(Status status, double[] counterexample, double seconds) {
  /** PROVEN: no input violates; REFUTED: checked counterexample; UNKNOWN: timeout or margin. */
  public enum Status {
    PROVEN,
    REFUTED,
    UNKNOWN
  }
}
