package org.gyrus.logic.fol.english;

import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.SpecError;
import org.gyrus.logic.fol.Formula;
import org.gyrus.logic.fol.Linc;
import org.gyrus.logic.fol.prover.Prover;

/**
 * Answers a natural-language problem (premises as text, a statement) by parsing every sentence with
 * {@link EnglishParser} and deciding with {@link Linc}. A sentence the grammar cannot read makes
 * the answer Unknown, with the problem reported, never guessed.
 */
public final class NlReasoner {
  /** A sentence that was not read: its index (1-based; 0 = the statement) and the reason. */
  public record Unread(int sentence, String text, String reason) {}

  /** The answer, the formulas read, and what was not read. */
  public record Outcome(
      Linc.Answer answer,
      List<Formula> premises,
      Formula statement,
      List<Unread> unread,
      boolean inconsistent) {
    public boolean fullyParsed() {
      return unread.isEmpty();
    }
  }

  private final EnglishParser.Negation negation;
  private final Prover.Limits limits;

  public NlReasoner(EnglishParser.Negation negation, Prover.Limits limits) {
    this.negation = negation;
    this.limits = limits;
  }

  public Outcome answer(String context, String question) {
    EnglishParser parser = new EnglishParser(negation);
    List<Formula> premises = new ArrayList<>();
    List<Unread> unread = new ArrayList<>();
    List<String> sents = EnglishParser.sentences(context);
    String stmt = EnglishParser.statement(question);
    List<String> text = new ArrayList<>(sents);
    text.add(stmt);
    parser.learnAdjectives(text);
    for (int i = 0; i < sents.size(); i++) {
      try {
        premises.add(parser.parse(sents.get(i)));
      } catch (SpecError e) {
        unread.add(new Unread(i + 1, sents.get(i), e.getMessage()));
      }
    }
    Formula statement = null;
    try {
      statement = parser.parse(stmt);
    } catch (SpecError e) {
      unread.add(new Unread(0, stmt, e.getMessage()));
    }
    if (!unread.isEmpty()) {
      return new Outcome(Linc.Answer.UNKNOWN, premises, statement, unread, false);
    }
    List<Formula> all = new ArrayList<>(premises);
    all.addAll(parser.axioms());
    all.addAll(DomainSorts.axioms(parser.nouns(), premises, statement));
    Linc.Result r = Linc.decide(all, statement, parser.counter(statement), limits);
    return new Outcome(r.answer(), all, statement, unread, r.inconsistentPremises());
  }
}
