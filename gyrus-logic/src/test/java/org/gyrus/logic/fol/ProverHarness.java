package org.gyrus.logic.fol;

import java.util.ArrayList;
import java.util.List;
import org.gyrus.logic.fol.cnf.Clausifier;
import org.gyrus.logic.fol.cnf.Literal;
import org.gyrus.logic.fol.prover.ProofChecker;
import org.gyrus.logic.fol.prover.Prover;
import org.gyrus.logic.fol.prover.ProverResult;

/** Refutes premises ∧ ¬conjecture and checks any proof found. */
final class ProverHarness {
  private ProverHarness() {}

  record Outcome(ProverResult result, List<String> checkErrors) {
    boolean proved() {
      return result.status() == ProverResult.Status.PROOF;
    }
  }

  static Outcome refute(FolProblem p, double seconds) {
    Clausifier cl = new Clausifier();
    List<Prover.Input> in = new ArrayList<>();
    for (Formula f : p.premises()) {
      for (List<Literal> c : cl.clausify(f)) {
        in.add(new Prover.Input(c, "premise"));
      }
    }
    if (p.conclusion() != null) {
      for (List<Literal> c : cl.clausify(new Formula.Not(p.conclusion().closed()))) {
        in.add(new Prover.Input(c, "negated conclusion"));
      }
    }
    ProverResult r = new Prover(Prover.Limits.seconds(seconds)).run(in);
    List<String> errors = List.of();
    if (r.proof() != null) {
      errors = ProofChecker.check(r.proof(), in.stream().map(Prover.Input::lits).toList());
    }
    return new Outcome(r, errors);
  }

  static Outcome refute(String tptp, double seconds) {
    return refute(TptpParser.parseProblem(tptp, "test"), seconds);
  }
}
