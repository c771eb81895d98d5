package org.gyrus.logic.fol.prover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gyrus.logic.fol.FolProblem;
import org.gyrus.logic.fol.Formula;
import org.gyrus.logic.fol.TptpParser;
import org.gyrus.logic.fol.cnf.Clausifier;
import org.gyrus.logic.fol.cnf.Literal;
import org.junit.jupiter.api.Test;

class ProofCheckerTest {
  private static List<Prover.Input> inputs(String tptp) {
    FolProblem p = TptpParser.parseProblem(tptp, "t");
    Clausifier cl = new Clausifier();
    List<Prover.Input> in = new ArrayList<>();
    for (Formula f : p.premises()) {
      cl.clausify(f).forEach(c -> in.add(new Prover.Input(c, "premise")));
    }
    cl.clausify(new Formula.Not(p.conclusion())).forEach(c -> in.add(new Prover.Input(c, "goal")));
    return in;
  }

  @Test
  void acceptsRealProofsAndRejectsTamperedSteps() {
    List<Prover.Input> in =
        inputs(
            "fof(a, axiom, ! [X] : mult(e, X) = X). "
                + "fof(b, axiom, ! [X] : mult(inv(X), X) = e). "
                + "fof(c, axiom, ! [X, Y, Z] : mult(mult(X, Y), Z) = mult(X, mult(Y, Z))). "
                + "fof(g, conjecture, ! [X] : mult(X, inv(X)) = e).");
    ProverResult r = new Prover(Prover.Limits.seconds(10)).run(in);
    assertThat(r.status()).isEqualTo(ProverResult.Status.PROOF);
    List<List<Literal>> lits = in.stream().map(Prover.Input::lits).toList();
    assertThat(ProofChecker.check(r.proof(), lits)).isEmpty();
    assertThat(r.proof().steps().stream().map(c -> c.inference.rule()))
        .contains(Inference.SUPERPOSE);
    // tamper: swap the conclusion of one derived step for another clause's literals
    List<Clause> steps = new ArrayList<>(r.proof().steps());
    int k = -1;
    for (int i = 0; i < steps.size(); i++) {
      if (!steps.get(i).inference.rule().equals(Inference.INPUT) && !steps.get(i).lits.isEmpty()) {
        k = i;
      }
    }
    Clause victim = steps.get(k);
    List<Literal> wrong = new ArrayList<>(victim.lits);
    Literal l = wrong.get(0);
    wrong.set(0, l.negate());
    steps.set(k, new Clause(victim.id, wrong, victim.inference));
    assertThat(ProofChecker.check(new Proof(steps), lits)).isNotEmpty();
    // and a proof built on a clause that is not an input fails too
    assertThat(ProofChecker.check(r.proof(), lits.subList(0, 1))).isNotEmpty();
  }
}
