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
          Nothing is a square circle.                      | ∀x ¬(square_circle(x) ∧ circle(x))
          If something visits the dog and the dog sees the bald eagle then it is blue. | ∀x ((visit(x, dog) ∧ see(dog, bald_eagle)) → blue(x))
          All kids love animals.                           | ∀x (kid(x) → love_animal(x))
          Every kid loves music.                           | ∀x (kid(x) → love_music(x))
          Some musicians love music.                       | ∃x (musician(x) ∧ love_music(x))
          No dog chases cats.                              | ∀x (dog(x) → ¬chase_cat(x))
          A tall person likes a dog.                       | ∀x (tall(x) → (∃y1 (dog(y1) ∧ like(x, y1))))
          A Czech person visited a museum.                 | ∃x (czech(x) ∧ (∃y1 (museum(y1) ∧ visited(x, y1))))
          A large complex was southeast of Baku.           | ∃x ((large_complex(x) ∧ complex(x)) ∧ southeast_of(x, baku))
          All skyscrapers reside in urban areas.           | ∀x (skyscraper(x) → reside_in_urban_area(x))
          All bears in zoos are not wild.                  | ∀x ((bear(x) ∧ in_zoo(x)) → ¬wild(x))
          Some students good at math are good at chemistry. | ∃x ((student(x) ∧ good_at_math(x)) ∧ good_at_chemistry(x))
          Joe is a person taking classes.                  | taking_class(joe)
          Tom is a pet owner.                              | pet_owner(tom) ∧ owner(tom)
          Barbara is a former swimmer.                     | former_swimmer(barbara)
          John is a student learning piano.                | student_learning_piano(john)
          Frederick was an architect, artist, and illustrator. | (architect(frederick) ∧ artist(frederick)) ∧ illustrator(frederick)
          Some turtles exist.                              | ∃x turtle(x)
          Someone is kind.                                 | ∃x kind(x)
          If a horse falls during a race, then it dies.    | ∀x ((horse(x) ∧ (∃y1 (race(y1) ∧ fall_during(x, y1)))) → dy(x))
          If a bird is small, then the bird is kinetic.    | ∀x ((bird(x) ∧ small(x)) → kinetic(x))
          Harry is a wizard or angry.                      | wizard(harry) ∨ angry(harry)
          DI Ray was created and written by Maya Sondhi.   | created(di_ray) ∧ written_by(di_ray, maya_sondhi)
          Carol is outgoing and very spirited.             | outgoing(carol) ∧ very_spirited(carol)
          All slippers are shoes.                          | ∀x (slipper(x) → sho(x))
          Tom is a shoe.                                   | sho(tom)
          Tom is a citizen of Lawton Park.                 | citizen(tom) ∧ citizen_of(tom, lawton_park)
          All buildings owned by Bloomberg are in Manhattan. | ∀x ((building(x) ∧ owned_by(x, bloomberg)) → in(x, manhattan))
          All products commonly used in China are sold in Japan. | ∀x ((product(x) ∧ commonly_used_in(x, china)) → sold_in(x, japan))
          All produced in China are labeled.               | ∀x (produced_in(x, china) → labeled(x))
          Some teachers working at a pool are not nice.    | ∃x ((teacher(x) ∧ (∃y1 (pool(y1) ∧ working_at(x, y1)))) ∧ ¬nice(x))
          There are no mansion houses in an urban area.    | ¬(∃x ((mansion_house(x) ∧ house(x)) ∧ (∃y1 ((urban_area(y1) ∧ area(y1)) ∧ house_in(x, y1)))))
          Nancy is not a pirate or a toddler.              | ¬(pirate(nancy) ∨ toddler(nancy))
          A bird is not both heavy and still.              | ∀x (bird(x) → ¬(heavy(x) ∧ still(x)))
          Jerry neither teaches nor is a manager.          | ¬teach(jerry) ∧ ¬manager(jerry)
          If a person is a lawyer, they are rich.          | ∀x (lawyer(x) → rich(x))
          All people who study are students.               | ∀x (study(x) → student(x))
          All young adults go on a diet.                   | ∀x ((young_adult(x) ∧ adult(x)) → (∃y1 (diet(y1) ∧ go_on(x, y1))))
          All people who sing are people who dance.        | ∀x (sing(x) → dance(x))
          Guam has participated in the Winter Olympics.    | participated_in(guam, winter_olympics)
          Edwin was also a member of the club.             | member(edwin) ∧ member_of(edwin, club)
          Palstaves are a type of bronze axe.              | ∀x (palstave(x) → (type(x) ∧ type_of_bronz_ax(x)))
          All gold medal winners are good athletes.        | ∀x ((gold_medal_winner(x) ∧ winner(x)) → (good_athlete(x) ∧ athlete(x)))
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
          If people eat meat, then they enjoy hamburgers and steaks. | word 11
          Vic plays guitar and bass.        | word 5
          John is good at staying organized and motivated. | word 8
          An artist is good at painting or music. | word 7
          Some football referees become referee observers. | word 3
          Nothing preceded by data processing acquires data. | word 5
          All students good at chemistry enjoy conducting experiments. | word 7
          Columbia pictures produces adventure films. | word 4
          Koei is a video game and anime holding company. | word 8
          Nancy is not a pirate and a toddler. | word 6
          """)
  void refusesWhatItCannotRead(String sentence, String where) {
    assertThatThrownBy(() -> classical(sentence))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining(where);
  }

  /** The last sentence's reading, with the adjectives the whole text predicates learned. */
  private static String inText(String... sentences) {
    EnglishParser p = new EnglishParser(EnglishParser.Negation.CLASSICAL);
    p.learnAdjectives(java.util.List.of(sentences));
    String out = null;
    for (String s : sentences) {
      out = FolioPrinter.print(p.parse(s));
    }
    return out;
  }

  @Test
  void aModifierTheTextPredicatesIsAnAdjectiveElseACompound() {
    assertThat(inText("No domesticated animals are alligators."))
        .isEqualTo("∀x ((domesticated_animal(x) ∧ animal(x)) → ¬alligator(x))");
    assertThat(inText("Ted is domesticated.", "No domesticated animals are alligators."))
        .isEqualTo("∀x ((domesticated(x) ∧ animal(x)) → ¬alligator(x))");
    assertThat(inText("Sam is tall and young.", "Every young tall cat purrs."))
        .isEqualTo("∀x (((young(x) ∧ tall(x)) ∧ cat(x)) → purr(x))");
    // after "are", a bare conjunct is a complement only when the text uses it as an adjective
    assertThat(inText("Cats are good.", "Dogs are big and good."))
        .isEqualTo("∀x (dog(x) → (big(x) ∧ good(x)))");
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
  void aCompoundNounDoesNotMakeItsModifierTrue() {
    var c = EnglishParser.Negation.CLASSICAL;
    // "pet owner": an owner, not a pet; "domesticated", predicated in the text, is an adjective
    assertThat(
            ask(c, "Tom is a pet owner. All pets are cute. All owners are busy.", "Tom is cute."))
        .isEqualTo(Linc.Answer.UNKNOWN);
    assertThat(ask(c, "Tom is a pet owner. All owners are busy.", "Tom is busy."))
        .isEqualTo(Linc.Answer.TRUE);
    assertThat(
            ask(
                c,
                "Ted is domesticated. Ted is an animal. No domesticated animals are alligators.",
                "Ted is an alligator."))
        .isEqualTo(Linc.Answer.FALSE);
  }

  @Test
  void aNounThatNamesTheDomainIsNoCondition() {
    var c = EnglishParser.Negation.CLASSICAL;
    String story =
        "An animal is either a rabbit or a squirrel. All squirrels are skittish. If something is"
            + " skittish, then it is not still. Rock is still.";
    assertThat(ask(c, story, "Rock is a rabbit.")).isEqualTo(Linc.Answer.TRUE);
    assertThat(ask(c, story, "Rock is a squirrel.")).isEqualTo(Linc.Answer.FALSE);
    // a premise concludes the noun, the story says it of Rock, the statement asks it, or a
    // premise asserts that one exists: the noun is a condition again
    assertThat(ask(c, "All mammals are animals. " + story, "Rock is a rabbit."))
        .isEqualTo(Linc.Answer.UNKNOWN);
    assertThat(ask(c, story + " Rock is not an animal.", "Rock is a rabbit."))
        .isEqualTo(Linc.Answer.UNKNOWN);
    assertThat(ask(c, story, "Rock is an animal.")).isEqualTo(Linc.Answer.UNKNOWN);
    assertThat(ask(c, "Some animals are cute. " + story, "Rock is a rabbit."))
        .isEqualTo(Linc.Answer.UNKNOWN);
    // beside another condition the noun is the domain; as the only condition it is not
    assertThat(
            ask(
                c,
                "If a cartoon character is funny, then it is popular. Ben is funny.",
                "Ben is" + " popular."))
        .isEqualTo(Linc.Answer.TRUE);
    assertThat(ask(c, "All cartoon characters are popular. Ben is funny.", "Ben is popular."))
        .isEqualTo(Linc.Answer.UNKNOWN);
    // a coordinated modifier is no noun; ProofWriter's reading says "not a N" as not_N
    assertThat(ask(c, "Smart, round things are nice. Dave is red.", "Dave is smart."))
        .isEqualTo(Linc.Answer.UNKNOWN);
    var e = EnglishParser.Negation.EXPLICIT;
    String red = "If an animal is red then it is big. Rock is red.";
    assertThat(ask(e, red, "Rock is big.")).isEqualTo(Linc.Answer.TRUE);
    assertThat(ask(e, red + " Rock is not an animal.", "Rock is big."))
        .isEqualTo(Linc.Answer.UNKNOWN);
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
