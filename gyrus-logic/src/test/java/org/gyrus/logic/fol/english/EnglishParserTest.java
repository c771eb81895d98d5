package org.gyrus.logic.fol.english;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gyrus.core.SpecError;
import org.gyrus.logic.fol.FolioPrinter;
import org.gyrus.logic.fol.Linc;
import org.gyrus.logic.fol.prover.Prover;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnglishParserTest {
  private static String classical(String sentence) {
    return FolioPrinter.print(new EnglishParser(EnglishParser.Negation.CLASSICAL).parse(sentence));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Every cat is an animal.                          | ∀x (cat(x) → animal(x))
          Cats are not dogs.                               | ∀x (cat(x) → ¬dog(x))
          Each dog is friendly.                            | ∀x (dog(x) → friendly(x))
          If something is big then it is red.              | ∀x (big(x) → red(x))
          Alex is a cat.                                   | cat(alex)
          All blorfs are zimmy.                            | ∀x (blorf(x) → zimmy(x))
          No glorp is a blicket.                           | ∀x (glorp(x) → ¬blicket(x))
          Some pets are cows.                              | ∃x (pet(x) ∧ cow(x))
          The cat chases the dog.                          | chase(cat, dog)
          The bald eagle does not chase the bear.          | ¬chase(bald_eagle, bear)
          If someone chases the dog then they are red.     | ∀x (chase(x, dog) → red(x))
          If something is big and not red then it is round. | ∀x ((big(x) ∧ ¬red(x)) → round(x))
          All rough, blue things are nice.                 | ∀x ((rough(x) ∧ blue(x)) → nice(x))
          Young things are big.                            | ∀x (young(x) → big(x))
          Bob is taller than Carol.                        | taller(bob, carol)
          The owl is to the left of the robin.             | left_of(owl, robin)
          Everyone who is kind is happy.                   | ∀x (kind(x) → happy(x))
          There is an animal.                              | ∃x animal(x)
          Tom is either a cat or a dog.                    | cat(tom) ⊕ dog(tom)
          Anne is nice to animals.                         | nice_to_animal(anne)
          No one nice to animals is mean to animals.       | ∀x (nice_to_animal(x) → ¬mean_to_animal(x))
          All squares have four sides.                     | ∀x (square(x) → have_four_side(x))
          There is no unicorn.                             | ¬(∃x unicorn(x))
          Alex is both tall and kind.                      | tall(alex) ∧ kind(alex)
          A cat is an animal.                              | ∀x (cat(x) → animal(x))
          All movies are videos. | ∀x (movy(x) → video(x))
          Inception is a movie.  | movy(inception)
          All gentlemen are handsome. | ∀x (gentleman(x) → handsome(x))
          Alex has a car.                                  | ∃y1 (car(y1) ∧ have(alex, y1))
          Fiona is big and chases the mouse.               | big(fiona) ∧ chase(fiona, mouse)
          If Alex is big then he is strong.                | big(alex) → strong(alex)
          The mouse sees a cat.                            | ∃y1 (cat(y1) ∧ see(mouse, y1))
          Dax can fly.                                     | can_fly(dax)
          Bob isn't quiet.                                 | ¬quiet(bob)
          Nothing is a square circle.                      | ∀x ¬(square(x) ∧ circle(x))
          If something visits the dog and the dog sees the bald eagle then it is blue. | ∀x ((visit(x, dog) ∧ see(dog, bald_eagle)) → blue(x))
          """)
  void readsSentencesIntoFormulas(String sentence, String formula) {
    assertThat(classical(sentence)).isEqualTo(formula);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Only cats purr.                   | word 1
          Alex is big because Bob is.       | word 4
          If the cat is big.                | word 6
          Most dogs bark.                   | word 1
          It is red.                        | word 1
          The cat is big; the dog is red.   | word 5
          Tom is not big and red.           | word 6
          Tom is not a cat and chases mice. | word 6
          """)
  void refusesWhatItCannotRead(String sentence, String where) {
    assertThatThrownBy(() -> classical(sentence))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining(where);
  }

  @Test
  void explicitNegationIsAFactOfItsOwn() {
    EnglishParser p = new EnglishParser(EnglishParser.Negation.EXPLICIT);
    assertThat(FolioPrinter.print(p.parse("The bear does not visit the lion.")))
        .isEqualTo("not_visit(bear, lion)");
    assertThat(FolioPrinter.print(p.counter(p.parse("The bear is big."))))
        .isEqualTo("not_big(bear)");
  }

  private static Linc.Answer ask(EnglishParser.Negation n, String context, String question) {
    return new NlReasoner(n, Prover.Limits.seconds(5)).answer(context, question).answer();
  }

  @Test
  void answersAnOrderingPuzzleWithTransitivityAndConverses() {
    String ctx = "Bob is taller than Carol. Carol is taller than Dan.";
    var c = EnglishParser.Negation.CLASSICAL;
    assertThat(ask(c, ctx, "Bob is taller than Dan.")).isEqualTo(Linc.Answer.TRUE);
    assertThat(ask(c, ctx, "Dan is taller than Bob.")).isEqualTo(Linc.Answer.FALSE);
    assertThat(ask(c, ctx, "Dan is shorter than Bob.")).isEqualTo(Linc.Answer.TRUE);
    assertThat(ask(c, ctx, "Dan is taller than Eve.")).isEqualTo(Linc.Answer.UNKNOWN);
  }

  @Test
  void answersAStoryWithUnknownWordsAndOpenWorldNegation() {
    String ctx =
        "The florp is zindy. The florp quibs the mox. If something quibs the mox then it is"
            + " not blarg. Zindy things are kelpy.";
    var e = EnglishParser.Negation.EXPLICIT;
    assertThat(ask(e, ctx, "Is it true? The florp is kelpy.")).isEqualTo(Linc.Answer.TRUE);
    assertThat(ask(e, ctx, "The florp is blarg.")).isEqualTo(Linc.Answer.FALSE);
    assertThat(ask(e, ctx, "The mox is blarg.")).isEqualTo(Linc.Answer.UNKNOWN);
  }

  @Test
  void anUnreadSentenceIsReportedAndAnsweredUnknown() {
    var r =
        new NlReasoner(EnglishParser.Negation.CLASSICAL, Prover.Limits.seconds(5))
            .answer(
                "The cat is big. Most cats are big. If something is big then it is red.",
                "The cat is red.");
    assertThat(r.answer()).isEqualTo(Linc.Answer.UNKNOWN);
    assertThat(r.unread()).hasSize(1);
    assertThat(r.unread().get(0).sentence()).isEqualTo(2);
    assertThat(r.unread().get(0).reason()).contains("word 1");
  }
}
