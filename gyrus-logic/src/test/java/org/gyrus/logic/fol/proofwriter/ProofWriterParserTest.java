package org.gyrus.logic.fol.proofwriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.gyrus.core.SpecError;
import org.gyrus.logic.fol.FolioParser;
import org.gyrus.logic.fol.Formula;
import org.gyrus.logic.fol.Linc;
import org.gyrus.logic.fol.prover.Prover;
import org.junit.jupiter.api.Test;

class ProofWriterParserTest {
  private static final Lexicon LX =
      Lexicon.learn(
          List.of(
              "The bear does not chase the lion. The rabbit is big. Bob does not see the bald eagle. "
                  + "If someone does not visit the cow then they are red. All red, big things are blue."));

  private static Formula folio(String s) {
    return FolioParser.parse(s);
  }

  @Test
  void translatesTheControlledLanguage() {
    ProofWriterParser p = new ProofWriterParser(LX);
    assertThat(p.parse("The bald eagle chases the lion."))
        .isEqualTo(folio("chase(bald_eagle, lion)"));
    assertThat(p.parse("Bob is not big.")).isEqualTo(folio("¬big(bob)"));
    assertThat(
            p.parse(
                "If something chases the bear and it is big then the bear does not visit the rabbit."))
        .isEqualTo(folio("∀x (chase(x, bear) ∧ big(x) → ¬visit(bear, rabbit))"));
    assertThat(p.parse("If someone is kind and not big then they are red."))
        .isEqualTo(folio("∀x (kind(x) ∧ ¬big(x) → red(x))"));
    assertThat(p.parse("Red, big people are not blue."))
        .isEqualTo(folio("∀x (red(x) ∧ big(x) → ¬blue(x))"));
    assertThat(p.parse("All young things are big.")).isEqualTo(folio("∀x (young(x) → big(x))"));
    assertThat(p.parse("If Anne is quiet and Anne is red then Anne is smart."))
        .isEqualTo(folio("quiet(anne) ∧ red(anne) → smart(anne)"));
  }

  @Test
  void explicitNegationFollowsProofWriterSemantics() {
    ProofWriterParser p = new ProofWriterParser(LX, ProofWriterParser.Negation.EXPLICIT);
    assertThat(p.parse("Bob is not big.")).isEqualTo(folio("not_big(bob)"));
    // p → q with ¬q: classically ¬p follows (False); ProofWriter does not contrapose (Unknown)
    List<Formula> premises =
        List.of(p.parse("If Bob is big then Bob is red."), p.parse("Bob is not red."));
    Formula c = p.parse("Bob is big.");
    Linc.Result r =
        Linc.decide(premises, c, ProofWriterProblems.counter(c, p), Prover.Limits.seconds(2));
    assertThat(r.answer()).isEqualTo(Linc.Answer.UNKNOWN);
    ProofWriterParser classical = new ProofWriterParser(LX);
    List<Formula> cp =
        List.of(
            classical.parse("If Bob is big then Bob is red."), classical.parse("Bob is not red."));
    Formula cc = classical.parse("Bob is big.");
    assertThat(Linc.decide(cp, cc, Prover.Limits.seconds(2)).answer()).isEqualTo(Linc.Answer.FALSE);
    // a derived negative fact answers False in both readings
    Formula d = p.parse("Bob is red.");
    Linc.Result r2 =
        Linc.decide(
            List.of(p.parse("Bob is big."), p.parse("If someone is big then they are not red.")),
            d,
            ProofWriterProblems.counter(d, p),
            Prover.Limits.seconds(2));
    assertThat(r2.answer()).isEqualTo(Linc.Answer.FALSE);
  }

  @Test
  void sentencesOutsideTheGrammarAreSpecErrors() {
    ProofWriterParser p = new ProofWriterParser(LX);
    assertThatThrownBy(() -> p.parse("Bob quickly."))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("expected");
    assertThatThrownBy(() -> p.parse("If the bear is big."))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("'then'");
  }
}
