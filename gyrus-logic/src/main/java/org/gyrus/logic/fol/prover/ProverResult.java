package org.gyrus.logic.fol.prover;

/** What a prover run ended with, and how much it did. */
public record ProverResult(Status status, Proof proof, int given, int clauses, long millis) {
  /** PROOF: the empty clause was derived; SATURATED: no proof exists; LIMIT: gave up. */
  public enum Status {
    PROOF,
    SATURATED,
    LIMIT
  }
}
