package org.gyrus.logic.fol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gyrus.logic.fol.prover.Prover;
import org.gyrus.logic.fol.prover.ProverResult;
import org.junit.jupiter.api.Test;

class LincTest {
  private static List<Formula> premises(String... fs) {
    return java.util.Arrays.stream(fs).map(FolioParser::parse).toList();
  }

  @Test
  void trueFalseUnknown() {
    List<Formula> ps = premises("∀x (Dog(x) → Animal(x))", "Dog(rex)", "¬Animal(tom)");
    assertThat(Linc.decide(ps, FolioParser.parse("Animal(rex)"), Prover.Limits.seconds(2)).answer())
        .isEqualTo(Linc.Answer.TRUE);
    assertThat(Linc.decide(ps, FolioParser.parse("Dog(tom)"), Prover.Limits.seconds(2)).answer())
        .isEqualTo(Linc.Answer.FALSE);
    Linc.Result u = Linc.decide(ps, FolioParser.parse("Dog(felix)"), Prover.Limits.seconds(2));
    assertThat(u.answer()).isEqualTo(Linc.Answer.UNKNOWN);
    assertThat(u.provingConclusion().status()).isEqualTo(ProverResult.Status.SATURATED);
    assertThat(u.szs()).isEqualTo("CounterSatisfiable");
  }

  @Test
  void inconsistentPremisesAreReported() {
    List<Formula> ps = premises("P(a)", "∀x (P(x) → Q(x))", "¬Q(a)");
    Linc.Result r = Linc.decide(ps, FolioParser.parse("R(b)"), Prover.Limits.seconds(2));
    assertThat(r.inconsistentPremises()).isTrue();
    assertThat(r.answer()).isEqualTo(Linc.Answer.UNKNOWN);
    assertThat(r.szs()).isEqualTo("ContradictoryAxioms");
  }

  @Test
  void aLimitOnlyEverYieldsUnknown() {
    // a theorem that needs many steps: with one given clause allowed, no answer, never a wrong one
    FolProblem p =
        TptpParser.parseProblem(
            PelletierTest.GROUP + "fof(c, conjecture, ! [X] : mult(X, inv(X)) = e).", "group");
    Linc.Result tiny = Linc.decide(p.premises(), p.conclusion(), new Prover.Limits(5_000, 1, 1000));
    assertThat(tiny.answer()).isEqualTo(Linc.Answer.UNKNOWN);
    assertThat(tiny.provingConclusion().status()).isEqualTo(ProverResult.Status.LIMIT);
    assertThat(tiny.szs()).isEqualTo("GaveUp");
    Linc.Result enough =
        Linc.decide(p.premises(), p.conclusion(), new Prover.Limits(2_000, 100_000, 1_000_000));
    assertThat(enough.answer()).isEqualTo(Linc.Answer.TRUE);
  }
}
