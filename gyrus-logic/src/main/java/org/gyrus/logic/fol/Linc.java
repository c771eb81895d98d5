package org.gyrus.logic.fol;

import java.util.ArrayList;
import java.util.List;
import org.gyrus.logic.fol.cnf.Clausifier;
import org.gyrus.logic.fol.cnf.Literal;
import org.gyrus.logic.fol.prover.Proof;
import org.gyrus.logic.fol.prover.Prover;
import org.gyrus.logic.fol.prover.ProverResult;

/**
 * The LINC answer protocol: True when the premises entail the conclusion, False when they entail
 * its negation, Unknown otherwise. Both directions are searched; a run that hits a limit counts as
 * "not proved", so a limit can only turn an answer into Unknown. When both directions are proved
 * the premises are inconsistent; that is reported and the answer is Unknown.
 */
public final class Linc {
  private Linc() {}

  /** The three answers, printed as FOLIO spells them (Unknown = FOLIO's Uncertain). */
  public enum Answer {
    TRUE("True"),
    FALSE("False"),
    UNKNOWN("Unknown");

    public final String text;

    Answer(String text) {
      this.text = text;
    }
  }

  /** The answer, the two prover runs, and the proof backing the answer (null for Unknown). */
  public record Result(
      Answer answer,
      boolean inconsistentPremises,
      ProverResult provingConclusion,
      ProverResult refutingConclusion,
      Proof proof,
      List<List<Literal>> inputClauses) {
    /**
     * SZS status for a TPTP user (the problem's conjecture is the conclusion): Theorem,
     * CounterTheorem, ContradictoryAxioms, CounterSatisfiable (no proof and the conclusion run
     * saturated) or GaveUp.
     */
    public String szs() {
      if (inconsistentPremises) {
        return "ContradictoryAxioms";
      }
      if (answer == Answer.TRUE) {
        return "Theorem";
      }
      if (answer == Answer.FALSE) {
        return "CounterTheorem"; // the axioms entail the conjecture's negation
      }
      boolean saturated = provingConclusion.status() == ProverResult.Status.SATURATED;
      return saturated ? "CounterSatisfiable" : "GaveUp";
    }
  }

  public static Result decide(List<Formula> premises, Formula conclusion, Prover.Limits limits) {
    return decide(premises, conclusion, new Formula.Not(conclusion.closed()), limits);
  }

  /**
   * The protocol with an explicit counter-statement: False means the premises entail {@code
   * counter} (normally ¬conclusion; a semantic parser with explicit negative facts passes the
   * negative fact instead).
   */
  public static Result decide(
      List<Formula> premises, Formula conclusion, Formula counter, Prover.Limits limits) {
    Clausifier cl = new Clausifier();
    List<Prover.Input> base = new ArrayList<>();
    for (int i = 0; i < premises.size(); i++) {
      for (List<Literal> c : cl.clausify(premises.get(i))) {
        base.add(new Prover.Input(c, "premise " + (i + 1)));
      }
    }
    List<Prover.Input> withNegated = new ArrayList<>(base);
    for (List<Literal> c : cl.clausify(new Formula.Not(conclusion.closed()))) {
      withNegated.add(new Prover.Input(c, "negated conclusion"));
    }
    List<Prover.Input> withConclusion = new ArrayList<>(base);
    for (List<Literal> c : cl.clausify(new Formula.Not(counter.closed()))) {
      withConclusion.add(new Prover.Input(c, "conclusion"));
    }
    ProverResult yes = new Prover(limits).run(withNegated);
    boolean proved = yes.status() == ProverResult.Status.PROOF;
    if (proved && !yes.proof().origins().contains("negated conclusion")) {
      return new Result(Answer.UNKNOWN, true, yes, yes, yes.proof(), lits(withNegated));
    }
    ProverResult no = new Prover(limits).run(withConclusion);
    boolean refuted = no.status() == ProverResult.Status.PROOF;
    if (proved && refuted) {
      return new Result(Answer.UNKNOWN, true, yes, no, yes.proof(), lits(withNegated));
    }
    if (proved) {
      return new Result(Answer.TRUE, false, yes, no, yes.proof(), lits(withNegated));
    }
    if (refuted) {
      boolean direct = !no.proof().origins().contains("conclusion");
      return new Result(
          direct ? Answer.UNKNOWN : Answer.FALSE,
          direct,
          yes,
          no,
          no.proof(),
          lits(withConclusion));
    }
    return new Result(Answer.UNKNOWN, false, yes, no, null, List.of());
  }

  private static List<List<Literal>> lits(List<Prover.Input> inputs) {
    return inputs.stream().map(Prover.Input::lits).toList();
  }
}
