package org.gyrus.logic.datalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.gyrus.logic.datalog.Ast.Program;
import org.gyrus.logic.datalog.engine.Engine;
import org.gyrus.logic.datalog.engine.Relation;
import org.gyrus.logic.datalog.provenance.Provenance;
import org.gyrus.logic.datalog.provenance.Semiring;
import org.gyrus.logic.datalog.provenance.Semirings;
import org.junit.jupiter.api.Test;

/** The engine agrees with {@link NaiveOracle} on thousands of random stratified programs. */
class EngineOracleTest {

  static Set<String> engineModel(Engine e) {
    e.run();
    Set<String> out = new HashSet<>();
    for (Relation r : e.relations().values()) {
      for (int row = 0; row < r.size(); row++) {
        out.add(e.show(r, row));
      }
    }
    return out;
  }

  @Test
  void booleanModelEqualsNaiveFixpoint() {
    qt().withExamples(5000)
        .withFixedSeed(7)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              String text = RandomPrograms.generate(seed, false, true);
              Program p = Parser.parse(text, "random.dl");
              assertThat(engineModel(new Engine(p))).as(text).isEqualTo(new NaiveOracle(p).model());
            });
  }

  /** Guards the generator: the agreement above must not come from trivial programs. */
  @Test
  void randomProgramsDeriveRecurseAndNegate() {
    int derived = 0;
    int recursive = 0;
    int negated = 0;
    for (long seed = 0; seed < 500; seed++) {
      String text = RandomPrograms.generate(seed * 7919, false, true);
      Program p = Parser.parse(text, "random.dl");
      long facts = p.rules().stream().filter(Ast.Rule::isFact).count();
      derived += new NaiveOracle(p).model().size() > facts ? 1 : 0;
      recursive +=
          Analysis.of(p).components().stream().anyMatch(Analysis.Component::recursive) ? 1 : 0;
      negated += text.contains("!") ? 1 : 0;
    }
    assertThat(derived).isGreaterThan(200);
    assertThat(recursive).isGreaterThan(250);
    assertThat(negated).isGreaterThan(250);
  }

  @Test
  void countingAgreesOrBothDiverge() {
    checkSemiring("counting", 1000);
  }

  @Test
  void maxProdAgrees() {
    checkSemiring("maxprod", 1000);
  }

  @Test
  void minMaxAgrees() {
    checkSemiring("minmax", 1000);
  }

  @Test
  void exactAgrees() {
    checkSemiring("exact", 1000);
  }

  @Test
  void booleanSemiringAgrees() {
    checkSemiring("boolean", 1000);
  }

  @Test
  void topKAgrees() {
    checkSemiring("topk:3", 1000);
  }

  private static void checkSemiring(String name, int examples) {
    qt().withExamples(examples)
        .withFixedSeed(11)
        .forAll(longs().all())
        .checkAssert(seed -> compare(name, RandomPrograms.generate(seed, true, true, true)));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static void compare(String name, String text) {
    Program p = Parser.parse(text, "random.dl");
    NaiveOracle oracle = new NaiveOracle(p);
    Semiring os = Semirings.of(name);
    Map<String, Object> expected;
    try {
      expected = oracle.tags(os);
    } catch (NaiveOracle.Diverged | DatalogError d) {
      // infinitely many derivations: the oracle either hits its cap or overflows 2^63 first
      assertThatThrownBy(() -> Provenance.of(new Engine(p), name))
          .as(text)
          .isInstanceOf(DatalogError.class)
          .hasMessageContaining("counting");
      return;
    }
    Engine e = new Engine(p);
    Provenance prov = Provenance.of(e, name);
    Map<String, Object> actual = new HashMap<>();
    for (Relation r : e.relations().values()) {
      for (int row = 0; row < r.size(); row++) {
        actual.put(e.show(r, row), prov.tag(r, row));
      }
    }
    assertThat(actual.keySet()).as(text).isEqualTo(expected.keySet());
    for (String f : actual.keySet()) {
      Object a = actual.get(f);
      Object b = expected.get(f);
      double pa = prov.semiring().probability(a);
      if (Double.isNaN(pa)) {
        assertThat(a).as(f + " in\n" + text).isEqualTo(b);
      } else {
        assertThat(pa)
            .as(f + " in\n" + text)
            .isCloseTo(os.probability(b), org.assertj.core.data.Offset.offset(1e-9));
      }
    }
  }
}
