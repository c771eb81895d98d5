package org.gyrus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpaceTest {
  @Test
  void enumerationListsExactlySizeDistinctPointsOfRandomFiniteSpaces() {
    java.util.concurrent.atomic.AtomicInteger checked =
        new java.util.concurrent.atomic.AtomicInteger();
    qt().withExamples(400)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Value v = new RandomSpecs(seed, true, true).node(4);
              Space s = new Space(v);
              BigInteger size = s.size().orElseThrow();
              if (size.compareTo(BigInteger.valueOf(20_000)) > 0) {
                return;
              }
              checked.incrementAndGet();
              List<Dna> all = s.enumerate();
              assertThat(new HashSet<>(all)).hasSize(all.size());
              assertThat(BigInteger.valueOf(all.size())).isEqualTo(size);
              java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
              for (Dna d : all) {
                assertThat(s.materialise(d).isConcrete()).isTrue();
                // every enumerated point is complete and valid: completing it changes nothing
                assertThat(s.complete(d.values(), rng)).isEqualTo(d);
              }
            });
    // the size cap must not hollow the property out
    assertThat(checked.get()).as("spaces small enough to enumerate").isGreaterThan(300);
  }

  @Test
  void aJointSpaceKeepsTheModelIdsAndMaterialisesEachPartOnItsOwn() {
    qt().withExamples(200)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Value model = new RandomSpecs(seed, true, true).node(3);
              Value part = new RandomSpecs(seed + 1, true, true).node(3);
              Space alone = new Space(model);
              Space partAlone = new Space(part);
              Value stored = Space.joint(model, java.util.Map.of("evaluator", part));
              Space joint = new Space(SpecCodec.fromJson(SpecCodec.toCompactJson(stored)));
              if (Values.firstHyper(part, "evaluator") == null) {
                assertThat(stored).isEqualTo(model); // nothing searched beside the model
                return;
              }
              List<String> ids = joint.dnaSpec().decisions().stream().map(Decision::id).toList();
              List<String> modelIds =
                  alone.dnaSpec().decisions().stream().map(Decision::id).toList();
              assertThat(ids.subList(0, modelIds.size())).isEqualTo(modelIds);
              assertThat(ids.subList(modelIds.size(), ids.size()))
                  .allMatch(id -> id.startsWith("evaluator"));
              assertThat(joint.size().isPresent())
                  .isEqualTo(alone.size().isPresent() && partAlone.size().isPresent());
              java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
              Dna point = joint.sample(rng);
              assertThat(joint.materialise(point)).isEqualTo(alone.materialise(point));
              // the part's own decisions, renamed from their place, give the same value
              java.util.Map<String, Number> own = new java.util.LinkedHashMap<>();
              point
                  .values()
                  .forEach(
                      (k, v) -> {
                        if (k.startsWith("evaluator")) {
                          own.put(k.substring("evaluator".length()).replaceFirst("^\\.", ""), v);
                        }
                      });
              assertThat(joint.materialisePart("evaluator", point))
                  .isEqualTo(partAlone.materialise(new Dna(own)));
              assertThat(joint.stored()).isEqualTo(stored);
            });
  }

  @Test
  void samplesMutationsAndCrossoversAreValidCompletePoints() {
    qt().withExamples(400)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Space s = new Space(new RandomSpecs(seed, true, false).node(5));
              Random rng = new Random(seed);
              Dna a = s.sample(rng);
              Dna b = s.sample(rng);
              for (Dna d : List.of(a, b, s.mutate(a, rng), s.crossover(a, b, rng))) {
                assertThat(s.complete(d.values(), rng)).isEqualTo(d);
                assertThat(s.materialise(d).isConcrete()).isTrue();
              }
              boolean mutable = s.size().map(n -> n.compareTo(BigInteger.ONE) > 0).orElse(true);
              if (mutable) {
                assertThat(s.mutate(a, rng)).isNotEqualTo(a);
              }
            });
  }

  @Test
  void sameSeedGivesSameSamples() {
    Space s = new Space(new RandomSpecs(7, true, false).node(5));
    assertThat(s.sample(new Random(3))).isEqualTo(s.sample(new Random(3)));
  }

  @Test
  void conditionalSpaceActivatesOnlyTheChosenCandidatesDecisions() {
    Value space =
        Value.Node.of(
            "model",
            "block",
            Values.oneOf(
                Value.Node.of("dense", "units", Values.intRange(8, 64, 8)),
                Value.Node.of("conv", "filters", Values.oneOf(16, 32))));
    Space s = new Space(space);
    assertThat(s.size()).contains(BigInteger.valueOf(8 + 2));
    Dna dna = new Dna(java.util.Map.of("block", 1L, "block#1.filters", 1L));
    assertThat(s.materialise(dna))
        .isEqualTo(Value.Node.of("model", "block", Value.Node.of("conv", "filters", 32)));
    assertThat(s.dnaSpec().active(dna))
        .extracting(Decision::id)
        .containsExactly("block", "block#1.filters");
  }

  @Test
  void manyOfRespectsDistinctAndSorted() {
    Space s =
        new Space(Value.Node.of("m", "ops", Values.manyOf(2, List.of("a", "b", "c"), true, true)));
    assertThat(s.size()).contains(BigInteger.valueOf(3));
    assertThat(s.enumerate()).hasSize(3);
    Space perms =
        new Space(Value.Node.of("m", "ops", Values.manyOf(2, List.of("a", "b", "c"), true, false)));
    assertThat(perms.enumerate()).hasSize(6);
    Space multi =
        new Space(Value.Node.of("m", "ops", Values.manyOf(2, List.of("a", "b", "c"), false, true)));
    assertThat(multi.enumerate()).hasSize(6);
  }

  @Test
  void badPointsNameTheDecision() {
    Space s = new Space(Value.Node.of("m", "units", Values.intRange(8, 64, 8)));
    assertThatThrownBy(() -> s.materialise(new Dna(java.util.Map.of("units", 9L))))
        .isInstanceOf(SpecError.class)
        .hasMessageStartingWith("units: expected an integer on the grid 8..64 step 8, got 9");
    assertThatThrownBy(() -> s.materialise(Dna.EMPTY))
        .hasMessageStartingWith("units: expected a value for this decision");
  }

  @Test
  void malformedHypersNameThePath() {
    assertThatThrownBy(
            () ->
                new Space(
                    Value.Node.of(
                        "m",
                        "layers",
                        List.of(Value.Node.of("d", "units", Values.intRange(64, 8))))))
        .isInstanceOf(SpecError.class)
        .hasMessage("layers[0].units: expected lo <= hi (inverted range), got lo=64 hi=8");
    assertThatThrownBy(() -> new Space(Value.Node.of("m", "act", new Hyper.OneOf(List.of()))))
        .hasMessage("act: expected oneOf with at least one candidate, got an empty list");
    assertThatThrownBy(() -> new Space(Value.Node.of("m", "lr", Values.floatRange(0, 1, true))))
        .hasMessage("lr: expected lo > 0 for a log range, got lo=0.0");
  }
}
