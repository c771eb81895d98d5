package org.gyrus.logic.fol.prover;

import java.util.List;

/**
 * What a prover run ended with, and how much it did. A SATURATED run also returns the saturated set
 * (the active clauses): a model-describing witness that no proof exists, given completeness.
 */
public record ProverResult(
    Status status, Proof proof, List<Clause> saturation, int given, int clauses, long millis) {
  public ProverResult {
    saturation = List.copyOf(saturation);
  }

  /** PROOF: the empty clause was derived; SATURATED: no proof exists; LIMIT: gave up. */
  public enum Status {
    PROOF,
    SATURATED,
    LIMIT
  }
}
