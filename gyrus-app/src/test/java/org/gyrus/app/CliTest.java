package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in-process: outputs, exit codes, and one clear line for each kind of bad input. */
class CliTest {
  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Result(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void searchThenStudyCommandsWork() throws Exception {
    String db = "sqlite:" + dir.resolve("s.db");
    Result r =
        run(
            "search",
            "../examples/nb201-tpe.yaml",
            "--storage",
            db,
            "--trials",
            "15",
            "--seed",
            "3");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("rank").contains("cell[");
    Result list = run("study", "list", "--storage", db);
    assertThat(list.out()).contains("nb201-tpe").contains("15");
    Result csv = run("study", "export", "--storage", db, "--study", "nb201-tpe", "--format", "csv");
    assertThat(csv.out().lines()).hasSize(16);
    assertThat(csv.out().lines().findFirst().orElseThrow())
        .startsWith("number,state,value,duration_s");
    Result json =
        run("study", "export", "--storage", db, "--study", "nb201-tpe", "--format", "json");
    assertThat(org.gyrus.core.SpecCodec.json().readTree(json.out()).get("trials").size())
        .isEqualTo(15);
    Result best = run("study", "best", "--storage", db, "--study", "nb201-tpe");
    assertThat(best.out()).contains("_type: cell");
  }

  @Test
  void coSearchExampleRunsAndStudyBestPrintsTheParetoSetWithinTheSpecs() throws Exception {
    String db = "sqlite:" + dir.resolve("hw.db");
    Result r = run("search", "../examples/nas-hardware.yaml", "--storage", db, "--trials", "120");
    assertThat(r.code()).as(r.err()).isZero();
    Result best = run("study", "best", "--storage", db, "--study", "nas-hardware");
    assertThat(best.code()).as(best.err()).isZero();
    assertThat(best.out())
        .contains("# Pareto set of nas-hardware")
        .contains("all meet [latency_ms <= 0.4, energy_uj <= 50, area_mm2 <= 3.5]")
        .contains("_type: accelerator");
    // every printed design: its latency and energy objectives within the specs
    best.out()
        .lines()
        .filter(l -> l.startsWith("# trial "))
        .forEach(
            l -> {
              String[] v = l.split("value ")[1].split(",");
              assertThat(Double.parseDouble(v[1])).isLessThanOrEqualTo(0.4);
              assertThat(Double.parseDouble(v[2])).isLessThanOrEqualTo(50);
            });
    Result ref =
        run("study", "best", "--storage", db, "--study", "nas-hardware", "--ref", "70,0.4,50");
    assertThat(ref.out()).contains("above reference [70.0, 0.4, 50.0]");
    assertThat(run("types").out()).contains("cost models").contains("cpu_latency");
    Path out = dir.resolve("report");
    Result report =
        run("study", "report", "--storage", db, "--study", "nas-hardware", "-o", out.toString());
    assertThat(report.code()).as(report.err()).isZero();
    assertThat(out.resolve("pareto-0-1.png")).isNotEmptyFile();
    assertThat(out.resolve("pareto-0-2.png")).isNotEmptyFile();
    try (var store = org.gyrus.search.store.TrialStores.openReadOnly(db)) {
      var data = org.gyrus.app.web.StudyData.load(store, store.study("nas-hardware").orElseThrow());
      var study = org.gyrus.search.Study.load(store, "nas-hardware");
      // the dashboard's front is the CLI's Pareto set: feasible trials only
      assertThat(data.paretoFront())
          .containsExactlyElementsOf(
              study.bestTrials().stream().map(org.gyrus.search.Trial::number).toList());
      assertThat(data.complete()).anyMatch(t -> !study.history().feasible(t));
    }
  }

  @Test
  void benchPrintsOneJsonObjectLast() throws Exception {
    Result r =
        run(
            "bench",
            "nb201",
            "--algorithm",
            "evolution",
            "--queries",
            "50",
            "--repeats",
            "3",
            "--seed",
            "1");
    assertThat(r.code()).as(r.err()).isZero();
    String last = r.out().strip().lines().reduce((a, b) -> b).orElseThrow();
    var json = org.gyrus.core.SpecCodec.json().readTree(last);
    assertThat(json.get("algorithm").asText()).isEqualTo("evolution");
    assertThat(json.get("queries").asInt()).isEqualTo(50);
    assertThat(json.get("mean_best").asDouble()).isBetween(90.0, 94.38);
    assertThat(json.has("std_best") && json.has("mean_regret")).isTrue();
  }

  @Test
  void badInputGivesOneClearMessageAndExitCode2() throws Exception {
    Path malformed = write("bad.yaml", "_type: experiment\nspace: [1, 2\n");
    Result r = run("search", malformed.toString(), "--storage", "memory");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: " + malformed + ":").contains("malformed input");

    String good = Files.readString(Path.of("../examples/nb201-tpe.yaml"));
    Path unknownAlgo =
        write("algo.yaml", good.replace("algorithm: {_type: tpe}", "algorithm: {_type: tpee}"));
    r = run("search", unknownAlgo.toString(), "--storage", "memory");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("algorithm: expected one of").contains("did you mean 'tpe'");

    Path inverted =
        write(
            "inv.yaml",
            good.replaceFirst("op: \\{oneOf: \\[[^]]*]}", "op: {intRange: {lo: 5, hi: 1}}"));
    r = run("search", inverted.toString(), "--storage", "memory");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("edges[0].op: expected lo <= hi (inverted range)");

    r = run("search", "../examples/nb201-tpe.yaml", "--storage", "sqlite:/proc/nope/x.db");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: /proc/nope/x.db:");

    r = run("search", "../examples/nb201-tpe.yaml", "--storage", "mysql://x");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "--storage: expected 'memory', 'sqlite:PATH' or"
                + " 'postgresql://[user@]host[:port]/database', got 'mysql://x'");

    r = run("search", dir.resolve("missing.yaml").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("missing.yaml: expected a readable file, got nothing there");

    r = run("bench", "nb201", "--algorithm", "annealing");
    assertThat(r.code()).isEqualTo(2);

    r = run("search", "--trials", "abc", "x.yaml");
    assertThat(r.code()).isEqualTo(2);
  }

  @Test
  void aCorruptedDatabaseIsReportedAndLeftUntouched() throws Exception {
    Path db = dir.resolve("c.db");
    assertThat(
            run(
                    "search",
                    "../examples/nb201-tpe.yaml",
                    "--storage",
                    "sqlite:" + db,
                    "--trials",
                    "5")
                .code())
        .isZero();
    byte[] bytes = Files.readAllBytes(db);
    Files.write(db, java.util.Arrays.copyOf(bytes, 3000));
    String before =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(db)));
    for (String[] args :
        new String[][] {
          {"study", "list", "--storage", "sqlite:" + db},
          {"search", "../examples/nb201-tpe.yaml", "--storage", "sqlite:" + db, "--trials", "8"}
        }) {
      Result r = run(args);
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).startsWith("error: " + db + ":");
    }
    String after =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(db)));
    assertThat(after).isEqualTo(before);
  }
}
