package org.gyrus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionLabelsTest {
  /** The demo's space (gyrus-nn's spaces/fashion-cnn.yaml). */
  static final String DEMO =
      """
      _type: model
      body:
        - repeat:
            n: {oneOf: [1, 2, 3]}
            body:
              - _type: conv2d
                filters: {oneOf: [8, 16, 32]}
                kernel: {oneOf: [3, 5]}
                padding: same
                activation: {oneOf: [relu, gelu, silu]}
              - optional: {_type: batch_norm}
              - {_type: max_pool, kernel: 2}
        - oneOf: [{_type: global_avg_pool}, {_type: flatten}]
        - optional: {_type: dropout, rate: {floatRange: {lo: 0.0, hi: 0.5}}}
        - optional: {_type: dense, units: {oneOf: [32, 64, 128]}, activation: relu}
      """;

  static Map<String, String> labels(String yaml) {
    return new Space(SpecCodec.fromYaml(yaml)).dnaSpec().labels();
  }

  @Test
  void theDemoSpaceReadsAsStagesAndLayerTypes() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("body[0]#n", "stage.count");
    for (int i = 0; i < 3; i++) {
      String stage = "stage" + (i + 1);
      String at = "body[0][" + i + "]";
      expected.put(at + "[0].filters", stage + ".conv2d.filters");
      expected.put(at + "[0].kernel", stage + ".conv2d.kernel");
      expected.put(at + "[0].activation", stage + ".conv2d.activation");
      expected.put(at + "[1]", stage + ".batch_norm?");
    }
    expected.put("body[1]", "global_avg_pool|flatten");
    expected.put("body[2]", "dropout?");
    expected.put("body[2]#1.rate", "dropout.rate");
    expected.put("body[3]", "dense?");
    expected.put("body[3]#1.units", "dense.units");
    assertThat(labels(DEMO)).containsExactlyEntriesOf(expected);
  }

  @Test
  void evaluatorDecisionsReadFromInsideThePartAndChoicesByTheirCandidates() {
    Value recipe =
        SpecCodec.fromYaml(
            """
            _type: train
            recipe:
              _type: recipe
              optimizer:
                oneOf:
                  - {_type: sgd, momentum: {floatRange: {lo: 0.5, hi: 0.99}}}
                  - {_type: adam, beta2: {oneOf: [0.99, 0.999]}}
              lr: {floatRange: {lo: 1.0e-4, hi: 0.3, log: true}}
            """);
    Space joint = new Space(Space.joint(SpecCodec.fromYaml(DEMO), Map.of("evaluator", recipe)));
    DnaSpec spec = joint.dnaSpec();
    assertThat(spec.label("evaluator.recipe.optimizer")).isEqualTo("recipe.optimizer");
    assertThat(spec.label("evaluator.recipe.optimizer#0.momentum"))
        .isEqualTo("recipe.optimizer.sgd.momentum");
    assertThat(spec.label("evaluator.recipe.optimizer#1.beta2"))
        .isEqualTo("recipe.optimizer.adam.beta2");
    assertThat(spec.label("evaluator.recipe.lr")).isEqualTo("recipe.lr");
    assertThat(spec.label("body[2]#1.rate")).isEqualTo("dropout.rate");
    assertThat(spec.find("recipe.lr").id()).isEqualTo("evaluator.recipe.lr");
  }

  @Test
  void namesRoundTripThroughTheCodecAndAreWhatPeopleRead() {
    String yaml =
        """
        _type: model
        body:
          - repeat:
              n: {oneOf: [1, 2], name: depth}
              body: [{_type: conv2d, filters: {oneOf: [8, 16], name: filters}}]
          - {_type: dropout, rate: {floatRange: {lo: 0.0, hi: 0.5}, name: drop}}
          - {optional: {_type: batch_norm}, name: use_bn}
          - {_type: dense, units: {intRange: {lo: 8, hi: 64, step: 8}, name: width}}
        """;
    Value v = SpecCodec.fromYaml(yaml);
    assertThat(SpecCodec.fromYaml(SpecCodec.toYaml(v))).isEqualTo(v);
    assertThat(SpecCodec.fromJson(SpecCodec.toCompactJson(v))).isEqualTo(v);
    assertThat(SpecCodec.toCompactJson(v)).contains("\"name\":\"drop\"");
    assertThat(new Space(v).dnaSpec().labels())
        .isEqualTo(
            Map.of(
                "body[0]#n", "depth",
                "body[0][0][0].filters", "filters.1",
                "body[0][1][0].filters", "filters.2",
                "body[1].rate", "drop",
                "body[2]", "use_bn",
                "body[3].units", "width"));
    // The Java builders name hypers the same way.
    Value built =
        Value.Node.of(
            "dense",
            "units",
            Values.intRange(8, 64, 8).named("width"),
            "act",
            Values.oneOf("relu"));
    assertThat(new Space(built).dnaSpec().label("units")).isEqualTo("width");
    assertThat(SpecCodec.toCompactJson(built)).contains("\"name\":\"width\"");
  }

  @Test
  void unnamedSpacesKeepTheirStoredFormAndIds() {
    Value v = SpecCodec.fromYaml(DEMO);
    assertThat(SpecCodec.toCompactJson(v)).doesNotContain("\"name\"");
    assertThat(new Space(v).dnaSpec().decisions().get(1).id()).isEqualTo("body[0][0][0].filters");
  }

  @Test
  void aNameGivenTwiceIsRefusedNamingBothPaths() {
    String yaml =
        """
        _type: net
        a: {oneOf: [1, 2], name: width}
        b: {intRange: {lo: 1, hi: 4}, name: width}
        """;
    assertThatThrownBy(() -> new Space(SpecCodec.fromYaml(yaml)))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("b")
        .hasMessageContaining("'width', also the name of a");
  }

  @Test
  void badNamesAndExtraKeysAreRefusedWithTheirPath() {
    assertThatThrownBy(() -> SpecCodec.fromYaml("{_type: n, a: {oneOf: [1], name: 'x[0]'}}"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("a.name")
        .hasMessageContaining("decision name");
    assertThatThrownBy(() -> SpecCodec.fromYaml("{_type: n, a: {oneOf: [1], name: 3}}"))
        .hasMessageContaining("a.name");
    assertThatThrownBy(() -> SpecCodec.fromYaml("{_type: n, a: {oneOf: [1], label: x}}"))
        .hasMessageContaining("only key");
    assertThatThrownBy(() -> new Space(Value.Node.of("n", "a", Values.oneOf(1).named("1x"))))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("a.name");
    assertThatThrownBy(
            () -> new Space(new Hyper.Repeat(Values.oneOf(1, 2), new Value.IntVal(2), "r")))
        .hasMessageContaining("fixed count");
  }

  @Test
  void labelsThatCoincideFallBackToTheIdWithoutBrackets() {
    String yaml =
        """
        _type: net
        a: [{_type: conv2d, filters: {oneOf: [8, 16]}}]
        b: [{_type: conv2d, filters: {oneOf: [8, 16]}}]
        c: [{_type: dense, units: {oneOf: [8, 16]}}]
        d: {oneOf: [1, 2], name: dense.units}
        """;
    assertThat(labels(yaml))
        .isEqualTo(
            Map.of(
                "a[0].filters", "a.0.filters",
                "b[0].filters", "b.0.filters",
                "c[0].units", "c.0.units",
                "d", "dense.units"));
  }

  @Test
  void labelsOfRandomSpacesAreUniqueBracketFreeAndDeterministic() {
    qt().withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Value v = new RandomSpecs(seed, true, false).node(5);
              DnaSpec spec = new Space(v).dnaSpec();
              Map<String, String> labels = spec.labels();
              List<String> ids = spec.decisions().stream().map(Decision::id).toList();
              assertThat(labels.keySet()).containsExactlyElementsOf(ids);
              assertThat(new HashSet<>(labels.values())).hasSameSizeAs(ids);
              assertThat(labels.values()).allSatisfy(l -> assertThat(l).doesNotContain("["));
              Value again = SpecCodec.fromJson(SpecCodec.toCompactJson(v));
              assertThat(new Space(again).dnaSpec().labels()).isEqualTo(labels);
              for (String id : ids) {
                assertThat(spec.find(labels.get(id)).id()).isEqualTo(id);
              }
            });
  }
}
