package org.gyrus.nas.discover;

/** Why a candidate was not scored: the stage (compile, budget, train) and the cause. */
public final class CandidateFailure extends Exception {
  private final String stage;

  public CandidateFailure(String stage, String message, Throwable cause) {
    super(stage + ": " + message, cause);
    this.stage = stage;
  }

  public String stage() {
    return stage;
  }
}
