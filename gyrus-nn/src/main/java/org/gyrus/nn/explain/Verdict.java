package org.gyrus.nn.explain;

/**
 * The outcome of checking one specification.
 *
 * @param status what the solver established
 * @param counterexample for {@code REFUTED}: an input in the region, matching the pattern, that the
 *     network (run forward in double precision) does not classify as the target; otherwise null
 * @param seconds solver wall time
 * @param rivals per output class j, the verdict on "no input in the region has {@code y_j >=
 *     y_target}" (B17's "the target is never misclassified as j"); null at the target, and null
 *     altogether for verifiers that stop at the first refuted rival
 * @param margins per rival, the best proven lower bound of {@code y_target - y_j} (NaN at the
 *     target, or altogether null, for verifiers without bounds)
 */
public record Verdict(
    Status status, double[] counterexample, double seconds, Status[] rivals, double[] margins) {
  /** PROVEN: no input violates; REFUTED: checked counterexample; UNKNOWN: timeout or margin. */
  public enum Status {
    PROVEN,
    REFUTED,
    UNKNOWN
  }

  /** A verdict on the whole specification only. */
  public Verdict(Status status, double[] counterexample, double seconds) {
    this(status, counterexample, seconds, null, null);
  }

  /** How many rivals got verdict {@code s} (0 when there are no per-rival verdicts). */
  public int rivalCount(Status s) {
    int n = 0;
    if (rivals != null) {
      for (Status r : rivals) {
        n += r == s ? 1 : 0;
      }
    }
    return n;
  }
}
