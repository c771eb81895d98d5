package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code study list} and {@code study best} start cheaply: read without picocli, printing what
 * picocli's path prints, and without loading the training engine, the PostgreSQL driver or the
 * SQLite driver's platform probe (its native library comes from the per-user cache).
 */
class StudyFastStartTest {
  @TempDir Path dir;

  @Test
  void plainOptionsTakeOnlyNamedOptionsWithValues() {
    Set<String> names = Set.of("--storage", "--study");
    assertThat(
            Cli.plainOptions(
                new String[] {"study", "best", "--storage=sqlite:a.db", "--study", "s"}, 2, names))
        .isEqualTo(Map.of("--storage", "sqlite:a.db", "--study", "s"));
    for (String[] bad :
        List.of(
            new String[] {"--study"},
            new String[] {"--study", "--storage", "x"},
            new String[] {"--study", "a", "--study", "b"},
            new String[] {"--study", "a", "-h"},
            new String[] {"--nosuch", "a"},
            new String[] {"positional"})) {
      assertThat(Cli.plainOptions(bad, 0, names)).as(String.join(" ", bad)).isNull();
    }
    assertThat(StudyCommand.fromPlainArgs(new String[] {"study", "best", "--storage", "x"}))
        .as("a missing required option is left to picocli's message")
        .isNull();
    assertThat(StudyCommand.fromPlainArgs(new String[] {"study", "best", "--study", "s", "--ref"}))
        .isNull();
    assertThat(StudyCommand.fromPlainArgs(new String[] {"study", "show", "--study", "s"})).isNull();
  }

  @Test
  void bestAndListPrintWhatPicocliPrintsAndLoadNeitherEngineNorPicocli() throws Exception {
    String db = "sqlite:" + dir.resolve("s.db");
    CliTest.Result r =
        CliTest.run("search", "../examples/branin-gp.yaml", "--storage", db, "--trials", "4");
    assertThat(r.code()).as(r.err()).isZero();
    String study = firstStudy(db);
    for (String[] args :
        List.of(
            new String[] {"study", "best", "--storage", db, "--study", study},
            new String[] {"study", "list", "--storage=" + db})) {
      assertThat(StudyCommand.fromPlainArgs(args)).as("fast path taken").isNotNull();
      String viaPicocli = viaPicocli(args);
      CliTest.Result fast = CliTest.run(args);
      assertThat(fast.code()).as(fast.err()).isZero();
      assertThat(fast.out()).isEqualTo(viaPicocli).isNotBlank();
    }
    CliTest.Result missing =
        CliTest.run("study", "best", "--storage", db, "--study", "no-such-study");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).startsWith("error: --study:");

    Path cache = dir.resolve("cache");
    List<String> first = loadedClasses(db, study, cache, "first");
    assertThat(first).as("the first run copies the library").contains("java.lang.ProcessBuilder");
    List<String> loaded = loadedClasses(db, study, cache, "second");
    assertThat(loaded).contains("org.gyrus.app.StudyCommand$Best", "org.sqlite.JDBC");
    assertThat(loaded)
        .as("a store-only command loads no engine, picocli, PostgreSQL or platform probe")
        .noneMatch(
            c ->
                c.startsWith("ai.djl.")
                    || c.startsWith("org.gyrus.nn.")
                    || c.startsWith("picocli.")
                    || c.startsWith("org.postgresql.")
                    || c.equals("java.lang.ProcessBuilder"));
  }

  private static String firstStudy(String db) {
    CliTest.Result list = CliTest.run("study", "list", "--storage", db);
    assertThat(list.code()).as(list.err()).isZero();
    return list.out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
  }

  private static String viaPicocli(String[] args) {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      assertThat(Main.commandLine(args).execute(args)).isZero();
    } finally {
      System.setOut(old);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The classes a separate JVM loads for {@code study best}, by name. */
  private List<String> loadedClasses(String db, String study, Path cache, String tag)
      throws Exception {
    Path log = dir.resolve("classes-" + tag + ".txt");
    Path out = dir.resolve("out-" + tag + ".txt");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xshare:auto");
    cmd.add("-Xlog:class+load=info:file=" + log);
    cmd.add("-Dgyrus.cache=" + cache);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("org.gyrus.app.Main");
    cmd.addAll(List.of("study", "best", "--storage", db, "--study", study));
    // stderr apart: newer JDKs warn there about the driver's native library (System::load)
    Path err = dir.resolve("err-" + tag + ".txt");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String why = Files.readString(out) + Files.readString(err);
    assertThat(p.exitValue()).as(why).isZero();
    assertThat(Files.readString(out)).as(why).startsWith("# trial ");
    List<String> names = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      int at = line.indexOf("] ");
      int end = line.indexOf(' ', at + 2);
      if (at >= 0 && end > at) {
        names.add(line.substring(at + 2, end));
      }
    }
    return names;
  }
}
