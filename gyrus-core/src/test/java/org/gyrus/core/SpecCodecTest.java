package org.gyrus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

class SpecCodecTest {
  @Test
  void randomSpecsAndSpacesRoundTripThroughJsonAndYamlExactly() {
    qt().withExamples(600)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Value v = new RandomSpecs(seed, true, false).value(5);
              assertThat(SpecCodec.fromJson(SpecCodec.toJson(v))).isEqualTo(v);
              assertThat(SpecCodec.fromYaml(SpecCodec.toYaml(v))).isEqualTo(v);
            });
  }

  @Test
  void dnaRoundTripsWithIntegerAndRealValues() {
    qt().withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Value space = new RandomSpecs(seed, true, false).node(5);
              Dna dna = new Space(space).sample(new java.util.Random(seed));
              assertThat(Dna.fromJson(dna.toJson())).isEqualTo(dna);
            });
  }

  @Test
  void readsAHandWrittenYamlSpace() {
    String yaml =
        """
        _type: sequential
        layers:
          - _type: conv2d
            filters: {oneOf: [16, 32, 64]}
            kernel: 3
          - {optional: {_type: dropout, rate: {floatRange: {lo: 0.0, hi: 0.5}}}}
          - {repeat: {body: {_type: dense, units: {intRange: {lo: 8, hi: 64, step: 8}}}, n: {oneOf: [1, 2]}}}
        """;
    Value v = SpecCodec.fromYaml(yaml);
    Space space = new Space(v);
    assertThat(space.dnaSpec().decisions())
        .extracting(Decision::id)
        .containsExactly(
            "layers[0].filters",
            "layers[1]",
            "layers[1]#1.rate",
            "layers[2]#n",
            "layers[2][0].units",
            "layers[2][1].units");
    assertThat(space.size()).isEmpty();
  }

  @Test
  void malformedYamlNamesLineAndColumn() {
    assertThatThrownBy(() -> SpecCodec.fromYaml("_type: a\nx: [1, 2\ny: 3\n"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("<yaml>:")
        .hasMessageContaining("malformed input");
  }

  @Test
  void badHyperFormsNameThePath() {
    assertThatThrownBy(() -> SpecCodec.fromYaml("_type: m\nlayers:\n  - {intRange: {lo: 1}}\n"))
        .isInstanceOf(SpecError.class)
        .hasMessageStartingWith("layers[0].intRange.hi: expected a value");
    assertThatThrownBy(() -> SpecCodec.fromYaml("_type: m\nx: {oneof: [1]}\n"))
        .isInstanceOf(SpecError.class)
        .hasMessageStartingWith("x: expected a node with '_type' or one of");
    assertThatThrownBy(() -> SpecCodec.fromJson("{\"_type\": \"m\", \"x\": null}"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("x: expected a number, string, boolean, list or map, got null");
  }

  @Test
  void duplicateKeysAreRejected() {
    assertThatThrownBy(() -> SpecCodec.fromYaml("_type: m\nx: 1\nx: 2\n"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("Duplicate");
  }
}
