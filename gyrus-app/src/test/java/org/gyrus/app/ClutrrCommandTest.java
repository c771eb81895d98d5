package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClutrrCommandTest {
  static final String HEADER = ",story_edges,edge_types,query_edge,target,task_name\n";
  static final String AUNT =
      "0,\"[(0, 1), (1, 2)]\",\"['father', 'sister']\",\"(0, 2)\",aunt,task_1.2\n";
  static final String GRANDSON =
      "1,\"[(0, 1), (1, 2)]\",\"['son', 'son']\",\"(0, 2)\",grandson,task_1.2\n";

  @TempDir Path dir;

  @Test
  void trainsOnATinyDirectoryAndPrintsAccuracyPerK() throws Exception {
    Files.writeString(dir.resolve("1.2,1.3_train.csv"), HEADER + AUNT + GRANDSON);
    Files.writeString(dir.resolve("1.2_test.csv"), HEADER + GRANDSON + AUNT);
    CliTest.Result r =
        CliTest.run(
            "clutrr",
            dir.toString(),
            "--epochs",
            "60",
            "--batch",
            "2",
            "--width",
            "9",
            "--lr",
            "0.1",
            "--table");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("epignn seed 0: k2 1.0000")
        .contains("agrees with the k=2 data on 2/2 pairs")
        .contains("father . sister = aunt");
  }

  @Test
  void badInputExitsTwoNamingFileAndLine() throws Exception {
    Files.writeString(
        dir.resolve("1.2,1.3_train.csv"),
        HEADER + AUNT + "1,\"[(0, 1)]\",\"['son', 'son']\",\"(0, 1)\",son,task_1.1\n");
    CliTest.Result r = CliTest.run("clutrr", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("1.2,1.3_train.csv:3").contains("1 edges, 2 types");
    CliTest.Result model = CliTest.run("clutrr", dir.toString(), "--model", "transformer");
    assertThat(model.code()).isEqualTo(2);
    assertThat(model.err()).contains("--model").contains("epignn").contains("mean_gnn");
    CliTest.Result flag =
        CliTest.run("clutrr", dir.toString(), "--model", "mean_gnn", "--consistency", "2");
    assertThat(flag.code()).isEqualTo(2);
    assertThat(flag.err()).contains("consistency");
    CliTest.Result missing = CliTest.run("clutrr", dir.resolve("nowhere").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("nowhere").contains("no such file");
  }

  @Test
  void learnersAreRegisteredComponents() throws Exception {
    CliTest.Result r = CliTest.run("explain", "epignn");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("consistency").contains("aggregation");
    assertThat(CliTest.run("types").out()).contains("epignn").contains("mean_gnn");
  }
}
