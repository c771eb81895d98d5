package org.gyrus.app.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.gyrus.core.Dna;
import org.gyrus.core.Space;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.search.bench.NasBench201;
import org.junit.jupiter.api.Test;

class SpecDiffTest {
  static Value spec(String yaml) {
    return SpecCodec.fromYaml(yaml);
  }

  @Test
  void anInsertedLayerIsTheOnlyDifferenceNotEverythingAfterIt() {
    Value a =
        spec(
            "{_type: model, body: [{_type: conv2d, filters: 8}, {_type: max_pool, kernel: 2},"
                + " {_type: conv2d, filters: 16}, {_type: dense, units: 10}]}");
    Value b =
        spec(
            "{_type: model, body: [{_type: conv2d, filters: 8}, {_type: batch_norm},"
                + " {_type: max_pool, kernel: 2}, {_type: conv2d, filters: 32},"
                + " {_type: dense, units: 10}]}");
    List<Set<String>> hot = SpecDiff.paths(List.of(a, b));
    assertThat(hot.get(0)).containsExactly("body[2]");
    assertThat(hot.get(1)).containsExactlyInAnyOrder("body[1]", "body[3]");
    assertThat(SpecDiff.paths(List.of(a, a))).allSatisfy(s -> assertThat(s).isEmpty());
  }

  @Test
  void cellsDifferEdgeByEdgeAndTheDiagramMarksThoseOps() {
    Space cells = new Space(NasBench201.space());
    Value x =
        cells.materialise(
            new Dna(
                java.util.Map.of(
                    "edges[0].op",
                    3L,
                    "edges[1].op",
                    1L,
                    "edges[2].op",
                    2L,
                    "edges[3].op",
                    3L,
                    "edges[4].op",
                    4L,
                    "edges[5].op",
                    1L)));
    Value y =
        cells.materialise(
            new Dna(
                java.util.Map.of(
                    "edges[0].op",
                    3L,
                    "edges[1].op",
                    2L,
                    "edges[2].op",
                    2L,
                    "edges[3].op",
                    3L,
                    "edges[4].op",
                    4L,
                    "edges[5].op",
                    1L)));
    List<Set<String>> hot = SpecDiff.paths(List.of(x, y));
    assertThat(hot.get(0)).containsExactly("edges[1].op");
    assertThat(hot.get(1)).containsExactly("edges[1].op");
    String svg = Diagrams.svg(x, ShapeAnnotator.NONE, "x", hot.get(0));
    assertThat(svg.split(DiagramBuilder.HIGHLIGHT, -1)).hasSize(2); // one box highlighted
  }
}
