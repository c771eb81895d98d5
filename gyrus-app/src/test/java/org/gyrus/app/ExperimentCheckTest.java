package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An experiment is checked whole before trial 0: every bad variant exits 2 naming the file, the
 * path and what was expected, and leaves no study behind. A study records how it is scored: a
 * resume with another evaluator is refused, and any trial can be re-run from the record alone.
 */
class ExperimentCheckTest {
  @TempDir Path dir;

  private static final String NB201_SPACE =
      "space: {_type: cell, nodes: 4, edges: ["
          + "{_type: edge, from: 0, to: 1, op: {oneOf: [none, skip_connect, nor_conv_3x3]}},"
          + " {_type: edge, from: 0, to: 2, op: {oneOf: [none, avg_pool_3x3]}},"
          + " {_type: edge, from: 1, to: 2, op: none}, {_type: edge, from: 0, to: 3, op: skip_connect},"
          + " {_type: edge, from: 1, to: 3, op: none}, {_type: edge, from: 2, to: 3, op: none}]}";

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private String fashionWith(String from, String to) throws Exception {
    String text = Files.readString(Path.of("../examples/fashion-cnn.yaml"));
    assertThat(text).contains(from);
    return text.replace(from, to);
  }

  private void refused(Path file, String... messageParts) {
    Path db = dir.resolve(file.getFileName() + ".db");
    CliTest.Result r = CliTest.run("search", file.toString(), "--storage", "sqlite:" + db);
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: " + file + ": ").contains(messageParts);
    assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
    assertThat(db).as("no study file").doesNotExist();
  }

  @Test
  void everyBadVariantIsRefusedBeforeTrialZeroWithNoStudyLeft() throws Exception {
    refused(
        write("lr.yaml", fashionWith("lr: 2.0e-3", "lr: \"0.01\"")),
        "evaluator.recipe.lr: expected a number");
    refused(
        write("pruner.yaml", fashionWith("startup: 5", "startup: five")),
        "pruner.startup: expected an integer, got the string 'five'");
    refused(
        write(
            "units.yaml",
            fashionWith("units: {oneOf: [32, 64, 128]}", "units: {oneOf: [32, \"64\", 128]}")),
        "space.body[3]#1.units#1: expected an integer, got the string '64'");
    refused(
        write("key.yaml", fashionWith("kernel: {oneOf: [3, 5]}", "kernal: {oneOf: [3, 5]}")),
        "expected one of the arguments of conv2d");
    refused(
        write(
            "cell.yaml",
            "_type: experiment\nevaluator: {_type: nb201}\nspace: {_type: cell, nodes: 4, edges: [[1, 2]]}\n"),
        "space: edges[0]: expected an edge node");
    refused(
        write(
            "delay.yaml",
            "_type: experiment\nevaluator: {_type: nb201, delay_ms: \"fast\"}\n"
                + NB201_SPACE
                + "\n"),
        "evaluator.delay_ms: expected an integer, got the string 'fast'");
    refused(
        write(
            "test.yaml",
            fashionWith("data: fashion-mnist", "data: fashion-mnist\n  objective: test_accuracy")),
        "evaluator.objective: test_accuracy selects models on the test set");
  }

  @Test
  void aShapeThatFitsNoInputIsFoundOnTheBranchThatProducesIt() throws Exception {
    // one kernel of three cannot fit 28x28: the check names the decision that chose it
    refused(
        write(
            "shape.yaml",
            "_type: experiment\nevaluator: {_type: train}\nspace:\n  _type: model\n  body:\n"
                + "    - {_type: conv2d, filters: 8, kernel: {oneOf: [3, 5, 31]}}\n"
                + "    - {_type: flatten}\n"),
        "with body[0].kernel = 31",
        "conv2d kernel 31 does not fit input (N,1,28,28)");
  }

  @Test
  void aResumeWithAnotherEvaluatorIsRefusedAndTrialsRerunFromTheRecord() throws Exception {
    String db = "sqlite:" + dir.resolve("s.db");
    Path a =
        write(
            "a.yaml",
            "_type: experiment\nstudy: s\nevaluator: {_type: nb201}\n" + NB201_SPACE + "\n");
    Path b =
        write(
            "b.yaml",
            "_type: experiment\nstudy: s\nevaluator: {_type: nb201, delay_ms: 1}\n"
                + NB201_SPACE
                + "\n");
    assertThat(CliTest.run("search", a.toString(), "--storage", db, "--trials", "4").code())
        .isZero();
    CliTest.Result resumed = CliTest.run("search", b.toString(), "--storage", db, "--trials", "6");
    assertThat(resumed.code()).isEqualTo(2);
    assertThat(resumed.err())
        .contains(
            "study s: the stored study was run with a different experiment (changed: evaluator)");
    assertThat(CliTest.run("study", "show", "--storage", db, "--study", "s").out())
        .contains("selected on: test (tabular benchmark");
    CliTest.Result same = CliTest.run("search", a.toString(), "--storage", db, "--trials", "5");
    assertThat(same.code()).as(same.err()).isZero();

    CliTest.Result rerun =
        CliTest.run("trial", "rerun", "--storage", db, "--study", "s", "--trial", "2");
    assertThat(rerun.code()).as(rerun.err()).isZero();
    String line = rerun.out().lines().findFirst().orElseThrow();
    String stored = line.replaceAll(".*stored ([0-9.]+), rerun \\[([0-9.]+)\\].*", "$1");
    String again = line.replaceAll(".*stored ([0-9.]+), rerun \\[([0-9.]+)\\].*", "$2");
    assertThat(Double.parseDouble(again))
        .as(line)
        .isCloseTo(Double.parseDouble(stored), org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void typesAndExplainComeFromTheDeclarations() {
    CliTest.Result types = CliTest.run("types");
    assertThat(types.out()).contains("mcts").contains("conv2d").contains("topk").contains("nb201");
    CliTest.Result explain = CliTest.run("explain", "conv2d");
    assertThat(explain.out())
        .contains("filters")
        .contains("required")
        .contains("kernel")
        .contains("default 3");
    CliTest.Result help = CliTest.run("bench", "--help");
    assertThat(help.out())
        .contains(
            "Algorithms: cmaes, evolution, gp, grid, mcts, nsga2, random, reinforce, robot, tpe");
    CliTest.Result bad = CliTest.run("explain", "conv2e");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("did you mean 'conv2d'?");
  }
}
