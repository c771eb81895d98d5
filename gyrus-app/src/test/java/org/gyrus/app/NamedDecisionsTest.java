package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gyrus.core.Space;
import org.gyrus.core.SpecCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names and readable labels where people read decisions: the CLI tables, best and exports. */
class NamedDecisionsTest {
  @TempDir Path dir;

  static String demoSpace() throws Exception {
    try (var in =
        NamedDecisionsTest.class.getResourceAsStream("/org/gyrus/nn/spaces/fashion-cnn.yaml")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void theDemoSpaceIsReadByStageAndLayer() throws Exception {
    Space demo = new Space(SpecCodec.fromYaml(demoSpace()));
    Map<String, String> labels = demo.dnaSpec().labels();
    assertThat(labels)
        .containsEntry("body[0]#n", "stage.count")
        .containsEntry("body[0][1][0].filters", "stage2.conv2d.filters")
        .containsEntry("body[0][2][1]", "stage3.batch_norm?")
        .containsEntry("body[1]", "global_avg_pool|flatten")
        .containsEntry("body[2]#1.rate", "dropout.rate")
        .containsEntry("body[3]#1.units", "dense.units");
    assertThat(labels.values()).doesNotHaveDuplicates().noneMatch(l -> l.contains("["));
  }

  @Test
  void namedDecisionsShowInShowBestAndExportsWhileIdsStayInStorage() throws Exception {
    Path cfg = dir.resolve("named.yaml");
    Files.writeString(
        cfg,
        Files.readString(Path.of("../examples/nb201-tpe.yaml"))
            .replace("study: nb201-tpe", "study: named")
            .replaceFirst("op: \\{oneOf: \\[(.*?)\\]\\}", "op: {oneOf: [$1], name: input_op}"));
    String db = "sqlite:" + dir.resolve("s.db");
    CliTest.Result r = CliTest.run("search", cfg.toString(), "--storage", db, "--trials", "6");
    assertThat(r.code()).as(r.err()).isZero();
    String best = CliTest.run("study", "best", "--storage", db, "--study", "named").out();
    assertThat(best).contains("# point: input_op=").contains(" edge2.op=");
    assertThat(best).contains("\"edges[0].op\""); // the DNA keeps its ids
    String csv = CliTest.run("study", "export", "--storage", db, "--study", "named").out();
    assertThat(csv.lines().findFirst().orElseThrow()).contains("param:edges[0].op");
    String labelled =
        CliTest.run("study", "export", "--storage", db, "--study", "named", "--labels").out();
    assertThat(labelled.lines().findFirst().orElseThrow())
        .contains("param:input_op", "param:edge6.op")
        .doesNotContain("[");
    JsonNode json =
        SpecCodec.json()
            .readTree(
                CliTest.run(
                        "study", "export", "--storage", db, "--study", "named", "--format", "json")
                    .out());
    assertThat(json.get("decisions").get(0).get("id").asText()).isEqualTo("edges[0].op");
    assertThat(json.get("decisions").get(0).get("label").asText()).isEqualTo("input_op");
    assertThat(json.get("trials").get(0).get("dna").has("edges[0].op")).isTrue();
  }

  @Test
  void aNameGivenTwiceStopsTheSearchBeforeTrialZero() throws Exception {
    Path cfg = dir.resolve("twice.yaml");
    Files.writeString(
        cfg,
        Files.readString(Path.of("../examples/nb201-tpe.yaml"))
            .replace(
                "op: {oneOf: [none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3]}",
                "op: {oneOf: [none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3],"
                    + " name: op}"));
    String db = "sqlite:" + dir.resolve("t.db");
    CliTest.Result r = CliTest.run("search", cfg.toString(), "--storage", db, "--trials", "2");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("edges[1].op")
        .contains("'op', also the name of space.edges[0].op");
    assertThat(Files.exists(dir.resolve("t.db"))).as("nothing stored").isFalse();
  }
}
