package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plug-in seam from the outside: examples/plugin is built as its own jar, and the real CLI, in
 * its own JVM whose class path lacks that jar, uses its algorithm, block type and semiring by name
 * from YAML and Datalog only when given {@code --plugin JAR}.
 */
class PluginJarTest {
  @TempDir static Path dir;
  static Path jar;
  static String classPath;

  record Run(int code, String out) {}

  @BeforeAll
  static void findTheJar() {
    String path = System.getProperty("gyrus.plugin.jar");
    assertThat(path).as("system property gyrus.plugin.jar (set by the build)").isNotBlank();
    jar = Path.of(path);
    assertThat(jar.toString()).as("built as a jar, not a class directory").endsWith(".jar");
    assertThat(jar).exists();
    classPath = System.getProperty("java.class.path");
    assertThat(classPath).doesNotContain("gyrus-example-plugin");
  }

  static Run gyrus(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(
        List.of("-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1", "-cp", classPath));
    cmd.add("org.gyrus.app.Main");
    cmd.addAll(Arrays.asList(args));
    Path log = Files.createTempFile(dir, "run", ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().remove("GYRUS_CLASSPATH");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("gyrus %s finished", List.of(args)).isTrue();
    return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  @Test
  void typesListsThePluginsOnlyWithTheJar() throws Exception {
    Run with = gyrus("--plugin", jar.toString(), "types");
    assertThat(with.code()).as(with.out()).isZero();
    assertThat(with.out()).contains("hillclimb").contains("scaled_tanh").contains("tropical");
    Run without = gyrus("types");
    assertThat(without.out()).doesNotContain("hillclimb").doesNotContain("scaled_tanh");
    Run explain = gyrus("--plugin", jar.toString(), "explain", "scaled_tanh");
    assertThat(explain.out()).contains("alpha").contains("default 1.7159");
  }

  @Test
  void searchUsesThePluginAlgorithmAndBlockByNameFromYaml() throws Exception {
    Path exp = dir.resolve("exp.yaml");
    Files.writeString(
        exp,
        String.join(
            "\n",
            "_type: experiment",
            "study: plugged",
            "algorithm: {_type: hillclimb, patience: 2}",
            "evaluator:",
            "  _type: train",
            "  recipe: {_type: recipe, epochs: 1, batch_size: 64, max_seconds: 3}",
            "space:",
            "  _type: model",
            "  body:",
            "    - {_type: flatten}",
            "    - {_type: dense, units: {oneOf: [16, 32]}}",
            "    - {_type: scaled_tanh, alpha: {oneOf: [1.0, 1.7159]}}",
            "trials: 3",
            ""));
    Run refused = gyrus("search", exp.toString(), "--storage", "sqlite:" + dir.resolve("no.db"));
    assertThat(refused.code()).as(refused.out()).isEqualTo(2);
    assertThat(refused.out())
        .contains("algorithm: expected one of [cmaes, evolution, gp, grid, mcts");
    assertThat(dir.resolve("no.db")).doesNotExist();

    String db = "sqlite:" + dir.resolve("s.db");
    Run ran = gyrus("--plugin", jar.toString(), "search", exp.toString(), "--storage", db);
    assertThat(ran.code()).as(ran.out()).isZero();
    assertThat(ran.out()).contains("3 complete").contains("scaled_tanh");
  }

  @Test
  void reasonUsesThePluginSemiringByName() throws Exception {
    Path prog = dir.resolve("g.dl");
    Files.writeString(
        prog,
        String.join(
            "\n",
            "0.9::edge(a, b). 0.5::edge(b, c). 0.8::edge(a, c). 0.7::edge(c, d).",
            "path(X, Y) :- edge(X, Y).",
            "path(X, Z) :- path(X, Y), edge(Y, Z).",
            ""));
    Run tropical =
        gyrus(
            "--plugin",
            jar.toString(),
            "reason",
            prog.toString(),
            "--query",
            "path(a, Y)",
            "--semiring",
            "tropical");
    Run maxprod =
        gyrus("reason", prog.toString(), "--query", "path(a, Y)", "--semiring", "maxprod");
    assertThat(tropical.code()).as(tropical.out()).isZero();
    assertThat(answers(tropical.out())).isEqualTo(answers(maxprod.out())).hasSize(3);
    Run unknown =
        gyrus("reason", prog.toString(), "--query", "path(a, Y)", "--semiring", "tropical");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.out()).contains("--semiring: expected one of");
  }

  private static List<String> answers(String out) {
    return out.lines().filter(l -> l.contains("::path(")).sorted().toList();
  }
}
