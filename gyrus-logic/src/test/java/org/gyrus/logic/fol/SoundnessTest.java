package org.gyrus.logic.fol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gyrus.logic.fol.prover.ProofChecker;
import org.gyrus.logic.fol.prover.Prover;
import org.junit.jupiter.api.Test;

/**
 * Random problems, judged by finite model search (domains of 1 to 3 elements): when premises ∧
 * ¬conclusion has a model, the answer must not be True; when premises ∧ conclusion has one, not
 * False; when the premises have one, they must not be reported inconsistent. Every proof found must
 * pass the checker.
 */
class SoundnessTest {
  private static boolean hasModel(List<Formula> fs) {
    for (int n = 1; n <= 3; n++) {
      if (FiniteModels.satisfiable(fs, n)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void neverAnswersAgainstAFiniteModel() {
    int answered = 0;
    int counterModels = 0;
    for (long seed = 0; seed < 400; seed++) {
      RandomFormulas gen = new RandomFormulas(1000 + seed, seed % 3 == 0);
      List<Formula> premises = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        premises.add(gen.next(3));
      }
      Formula conclusion = gen.next(3);
      Linc.Result r = Linc.decide(premises, conclusion, Prover.Limits.seconds(1));
      if (r.proof() != null) {
        assertThat(ProofChecker.check(r.proof(), r.inputClauses())).as("seed %d", seed).isEmpty();
      }
      List<Formula> counter = new ArrayList<>(premises);
      counter.add(new Formula.Not(conclusion));
      List<Formula> witness = new ArrayList<>(premises);
      witness.add(conclusion);
      String what =
          "seed "
              + seed
              + ": "
              + premises.stream().map(FolioPrinter::print).toList()
              + " ⊢ "
              + FolioPrinter.print(conclusion);
      if (hasModel(counter)) {
        counterModels++;
        assertThat(r.answer()).as(what).isNotEqualTo(Linc.Answer.TRUE);
      }
      if (hasModel(witness)) {
        assertThat(r.answer()).as(what).isNotEqualTo(Linc.Answer.FALSE);
      }
      if (hasModel(premises)) {
        assertThat(r.inconsistentPremises()).as(what).isFalse();
      }
      if (r.answer() != Linc.Answer.UNKNOWN || r.inconsistentPremises()) {
        answered++;
      }
    }
    assertThat(answered).as("the prover decides a good share").isGreaterThan(80);
    assertThat(counterModels).as("and many problems have counter-models").isGreaterThan(80);
  }
}
