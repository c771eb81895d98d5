package org.gyrus.nesy.clutrr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gyrus.core.SpecError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClutrrCsvTest {
  static final String HEADER =
      ",id,story,query,target,story_edges,edge_types,query_edge,task_name\n";
  static final String ROW1 =
      "0,a,\"[A]'s brother [B], \"\"quoted\"\"\",\"('C', 'A')\",aunt,\"[(0, 1), (1, 2)]\","
          + "\"['father', 'sister']\",\"(0, 2)\",task_1.2\n";
  static final String ROW2 =
      "1,b,x,y,grandson,\"[(0, 1), (1, 2), (2, 0)]\",\"['son', 'son', 'father']\",\"(0, 2)\","
          + "task_1.3\n";

  @TempDir Path dir;

  @Test
  void readsQuotedFieldsIntoStories() throws Exception {
    Path f = Files.writeString(dir.resolve("t.csv"), HEADER + ROW1 + ROW2);
    List<ClutrrCsv.Row> rows = ClutrrCsv.read(f);
    Relations rel = Relations.of(ClutrrCsv.names(rows));
    assertThat(rel.names()).containsExactly("aunt", "father", "grandson", "sister", "son");
    List<Story> s = ClutrrCsv.stories(rows, rel);
    assertThat(s).hasSize(2);
    assertThat(s.get(0).from()).containsExactly(0, 1);
    assertThat(s.get(0).to()).containsExactly(1, 2);
    assertThat(s.get(0).relation()).containsExactly(rel.id("father"), rel.id("sister"));
    assertThat(s.get(0).label()).isEqualTo(rel.id("aunt"));
    assertThat(s.get(0).k()).isEqualTo(2);
    assertThat(s.get(1).k()).isEqualTo(3);
    assertThat(s.get(1).nodes()).isEqualTo(3);
  }

  @Test
  void corruptLineNamesFileAndLine() throws Exception {
    Path open = Files.writeString(dir.resolve("open.csv"), HEADER + ROW1 + "1,b,\"never closed\n");
    assertThatThrownBy(() -> ClutrrCsv.read(open))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("open.csv:3")
        .hasMessageContaining("quote");
    String fewerTypes = ROW2.replace("'son', 'son', 'father'", "'son', 'son'");
    Path types = Files.writeString(dir.resolve("types.csv"), HEADER + ROW1 + fewerTypes);
    assertThatThrownBy(() -> ClutrrCsv.read(types))
        .hasMessageContaining("types.csv:3")
        .hasMessageContaining("3 edges, 2 types");
    Path badPair =
        Files.writeString(dir.resolve("pair.csv"), HEADER + ROW1.replace("(1, 2)]", "(1, x)]"));
    assertThatThrownBy(() -> ClutrrCsv.read(badPair))
        .hasMessageContaining("pair.csv:2 story_edges");
    Path noColumn =
        Files.writeString(dir.resolve("col.csv"), HEADER.replace("target", "answer") + ROW1);
    assertThatThrownBy(() -> ClutrrCsv.read(noColumn))
        .hasMessageContaining("col.csv:1")
        .hasMessageContaining("'target'");
  }

  @Test
  void unknownRelationInATestFileIsAnError() throws Exception {
    Path train = Files.writeString(dir.resolve("train.csv"), HEADER + ROW1);
    Path test = Files.writeString(dir.resolve("test.csv"), HEADER + ROW2);
    Relations rel = Relations.of(ClutrrCsv.names(ClutrrCsv.read(train)));
    assertThatThrownBy(() -> ClutrrCsv.stories(ClutrrCsv.read(test), rel))
        .hasMessageContaining("test.csv:2")
        .hasMessageContaining("'son'");
  }

  @Test
  void layersKeepShortestPathEdgesOnly() {
    // 0 -> 1 -> 2 -> 3 plus the back edge 2 -> 0 and the shortcut 0 -> 2
    Story s =
        new Story(
            4,
            new int[] {0, 1, 2, 2, 0},
            new int[] {1, 2, 3, 0, 2},
            new int[] {0, 1, 2, 3, 4},
            0,
            3,
            0,
            3);
    LayeredBatch b = LayeredBatch.of(List.of(s));
    assertThat(b.layers()).isEqualTo(3);
    assertThat(b.relation[1]).containsExactlyInAnyOrder(0, 4);
    assertThat(b.relation[2]).containsExactly(2);
    Story cut = new Story(3, new int[] {0}, new int[] {1}, new int[] {0}, 0, 2, 0, 1);
    assertThatThrownBy(() -> LayeredBatch.of(List.of(cut))).hasMessageContaining("unreachable");
  }
}
