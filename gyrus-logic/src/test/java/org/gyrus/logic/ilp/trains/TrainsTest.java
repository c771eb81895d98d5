package org.gyrus.logic.ilp.trains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.gyrus.core.SpecError;
import org.gyrus.logic.datalog.Ast;
import org.gyrus.logic.datalog.Parser;
import org.gyrus.logic.ilp.Background;
import org.gyrus.logic.ilp.Facts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Train reader, generator and the example rules (Prolog -> Datalog) against Java oracles. */
class TrainsTest {
  @TempDir Path dir;

  /** The example rules, written out directly in Java over the V-LoL semantics. */
  static final Map<String, Predicate<Train>> ORACLES =
      Map.of(
          "theoryx",
          TrainsTest::theoryX,
          "numerical",
          t -> t.cars().stream().anyMatch(c -> c.loadNum() == c.index() && c.wheels() == c.index()),
          "easy",
          t -> pair(t, (a, b) -> a.isShort() && !b.isShort() && a.color().equals(b.color())),
          "color",
          t -> new HashSet<>(t.cars().stream().map(Car::color).toList()).size() >= 3,
          "multi",
          TrainsTest::multi,
          "complex",
          TrainsTest::complex);

  interface CarPair {
    boolean test(Car a, Car b);
  }

  static boolean pair(Train t, CarPair p) {
    for (Car a : t.cars()) {
      for (Car b : t.cars()) {
        if (p.test(a, b)) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean theoryX(Train t) {
    List<Car> cs = t.cars();
    for (int i = 0; i < cs.size(); i++) {
      Car c = cs.get(i);
      if (c.isShort() && c.closed()) {
        return true;
      }
      if (c.loadNum() >= 1 && c.loadShape().equals("triangle")) {
        for (int j = i + 1; j < cs.size(); j++) {
          if (cs.get(j).loadNum() >= 1 && cs.get(j).loadShape().equals("circle")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  static boolean multi(Train t) {
    return pair(t, (a, b) -> a.bracedWall() && b.loadNum() == 2)
        || pair(t, (a, b) -> a.loadNum() == 3 && b.color().equals("blue"))
        || pair(t, (a, b) -> a.isShort() && !b.isShort() && a.loadNum() >= 1 && b.loadNum() >= 1);
  }

  static boolean complex(Train t) {
    return t.cars().stream().anyMatch(c -> c.index() < c.loadNum() && c.index() < c.wheels())
        || pair(
            t,
            (a, b) ->
                a.isShort()
                    && !b.isShort()
                    && a.color().equals(b.color())
                    && a.index() < b.wheels())
        || ORACLES.get("color").test(t);
  }

  private static Path rules() {
    String data = System.getenv("GYRUS_DATA");
    Assumptions.assumeTrue(data != null, "GYRUS_DATA not set: skipping the example rules");
    Path p = Path.of(data, "michalski-trains");
    Assumptions.assumeTrue(Files.isDirectory(p), "no " + p);
    return p;
  }

  @Test
  void exampleRulesAgreeWithJavaOraclesOnGeneratedTrains() {
    Path p = rules();
    TrainGenerator gen = new TrainGenerator(7);
    List<Train> trains = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      trains.add(gen.next());
    }
    for (Map.Entry<String, Predicate<Train>> e : ORACLES.entrySet()) {
      boolean[] lab =
          TrainRules.read(p.resolve("example_rules/" + e.getKey() + "_rule.pl")).label(trains);
      int east = 0;
      for (int i = 0; i < trains.size(); i++) {
        assertThat(lab[i])
            .as(e.getKey() + " on " + trains.get(i).toText())
            .isEqualTo(e.getValue().test(trains.get(i)));
        east += lab[i] ? 1 : 0;
      }
      assertThat(east).as(e.getKey() + " labels both ways").isBetween(1, trains.size() - 1);
    }
  }

  @Test
  void givenFileIsTheoryXWithTheKnownNumericalCount() {
    Path p = rules();
    List<Train> file = MichalskiTrains.read(p.resolve("MichalskiTrains.txt"));
    assertThat(file).hasSize(10_000);
    boolean[] x = TrainRules.read(p.resolve("example_rules/theoryx_rule.pl")).label(file);
    int agree = 0;
    int numerical = 0;
    for (int i = 0; i < file.size(); i++) {
      agree += x[i] == "east".equals(file.get(i).direction()) ? 1 : 0;
      numerical += ORACLES.get("numerical").test(file.get(i)) ? 1 : 0; // rule checked above
    }
    assertThat(agree).isEqualTo(10_000);
    assertThat(numerical).isEqualTo(710);
  }

  /**
   * The multi and complex targets written in the learner's vocabulary ({@link TrainFacts#BIAS})
   * agree with V-LoL's rules on generated trains: the bias expresses both, with body sizes 5/6/6
   * (multi, thanks to has_load) and 6/7/4 (complex: its second clause needs 7 literals, one over
   * the bias's max_body 6, so complex is out of reach at the protocol's max_body).
   */
  @Test
  void multiAndComplexTargetsAreExpressibleInTheLearnersVocabulary() {
    Path p = rules();
    Map<String, String> targets =
        Map.of(
            "multi",
            """
            eastbound(A) :- has_car(A,B), braced_wall(B), has_car(A,C), load_num(C,D), two(D).
            eastbound(A) :- has_car(A,B), load_num(B,C), three(C), has_car(A,D), car_color(D,E), blue(E).
            eastbound(A) :- has_car(A,B), short(B), has_car(A,C), long(C), has_load(B,D), has_load(C,D).
            """,
            "complex",
            """
            eastbound(A) :- has_car(A,B), load_num(B,C), car_num(B,D), has_wheel0(B,E), lt(D,C), lt(D,E).
            eastbound(A) :- has_car(A,B), car_num(B,D), short(B), same_color(B,C), long(C), has_wheel0(C,E), lt(D,E).
            eastbound(A) :- has_car(A,B), diff_color(B,C), diff_color(B,D), diff_color(C,D).
            """);
    TrainGenerator gen = new TrainGenerator(8);
    List<Train> trains = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      trains.add(gen.next());
    }
    Facts facts = TrainFacts.forLearning(trains, "t");
    for (Map.Entry<String, String> e : targets.entrySet()) {
      boolean[] truth =
          TrainRules.read(p.resolve("example_rules/" + e.getKey() + "_rule.pl")).label(trains);
      List<Ast.Rule> program = Parser.parse(e.getValue(), e.getKey()).rules();
      Set<Object> east = new HashSet<>();
      for (List<Object> t :
          Background.tuples(Background.run(Background.asRules(facts), program), "eastbound")) {
        east.add(t.get(0));
      }
      for (int i = 0; i < trains.size(); i++) {
        assertThat(east.contains(TrainFacts.trainId("t", i)))
            .as(e.getKey() + " on " + trains.get(i).toText())
            .isEqualTo(truth[i]);
      }
    }
  }

  @Test
  void generatorIsSeededAndFollowsTheDeclaredDistributions() {
    TrainGenerator a = new TrainGenerator(3);
    TrainGenerator b = new TrainGenerator(3);
    int four = 0;
    int cars = 0;
    int shorts = 0;
    for (int i = 0; i < 5_000; i++) {
      Train t = a.next();
      assertThat(t).isEqualTo(b.next());
      four += t.cars().size() == 4 ? 1 : 0;
      assertThat(t.cars().size()).isBetween(2, 4);
      for (Car c : t.cars()) {
        cars++;
        shorts += c.isShort() ? 1 : 0;
        if (!c.isShort()) {
          assertThat(c.shape()).isEqualTo("rectangle");
          assertThat(c.loadShape()).isIn("circle", "hexagon", "rectangle", "utriangle");
        } else {
          assertThat(c.wheels()).isEqualTo(2);
          assertThat(c.loadNum()).isBetween(1, 2);
        }
        if (c.bracedWall()) {
          assertThat(c.isShort() && c.shape().equals("rectangle")).isTrue();
        }
      }
      // a round trip through the text format
      assertThat(MichalskiTrains.parse(t.withDirection("east").toText(), "x").cars())
          .isEqualTo(t.cars());
    }
    assertThat(four / 5_000.0).isCloseTo(0.4, org.assertj.core.data.Offset.offset(0.02));
    assertThat(shorts / (double) cars).isCloseTo(0.7, org.assertj.core.data.Offset.offset(0.02));
  }

  @Test
  void malformedTrainLinesNameFileLineAndField() throws Exception {
    Path f = dir.resolve("t.txt");
    Files.writeString(
        f,
        "east 1 rectangle long not_double flat 2 1 circle\nwest 1 cube short not_double none 2 1 circle\n");
    assertThatThrownBy(() -> MichalskiTrains.read(f))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("t.txt:2: car 1 shape")
        .hasMessageContaining("'cube'");
    Files.writeString(f, "north 1 rectangle long not_double flat 2 1 circle\n");
    assertThatThrownBy(() -> MichalskiTrains.read(f))
        .hasMessageContaining("t.txt:1")
        .hasMessageContaining("east, west");
    Files.writeString(f, "east 1 rectangle long not_double flat 2 1\n");
    assertThatThrownBy(() -> MichalskiTrains.read(f)).hasMessageContaining("8 tokens per car");
    Files.writeString(f, "east 1 rectangle long not_double flat 9 1 circle\n");
    assertThatThrownBy(() -> MichalskiTrains.read(f)).hasMessageContaining("car 1 wheels");
  }
}
