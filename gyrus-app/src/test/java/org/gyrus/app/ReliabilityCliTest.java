package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gyrus.app.CliTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11 through the CLI entry: bad bytes, bad numbers, missing places, read-only stores. */
class ReliabilityCliTest {
  @TempDir Path dir;

  static Result run(String... args) {
    return CliTest.run(args);
  }

  static void assertOneLine(Result r, String... fragments) {
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("\tat ");
    assertThat(r.err()).startsWith("error: ").contains(fragments);
  }

  @Test
  void binaryAndWronglyEncodedFilesNameTheFileAndTheByteOffset() throws Exception {
    byte[] latin1 = "fof(a, axiom, caf\u00e9).".getBytes(StandardCharsets.ISO_8859_1);
    Path p = Files.write(dir.resolve("latin1.p"), latin1);
    assertOneLine(run("prove", p.toString()), p.toString(), "byte offset 17 (0xE9)");
    byte[] binary = new byte[4096];
    new java.util.Random(7).nextBytes(binary);
    binary[100] = 0;
    for (int i = 0; i < 100; i++) {
      binary[i] = (byte) ('a' + i % 26); // valid text up to the NUL
    }
    for (String name : new String[] {"g.p", "g.jsonl", "g.yaml", "g.json", "g.dl"}) {
      Path f = Files.write(dir.resolve(name), binary);
      Result r =
          name.endsWith(".dl")
              ? run("reason", f.toString(), "--query", "p(X)")
              : name.endsWith(".p") || name.endsWith(".jsonl")
                  ? run("prove", f.toString())
                  : run("search", f.toString(), "--storage", "memory");
      assertOneLine(r, f.toString(), "byte offset 100");
    }
  }

  @Test
  void numericFlagsAreCheckedAgainstTheirRanges() throws Exception {
    Path p = Files.writeString(dir.resolve("s.p"), "fof(a, conjecture, p | ~p).");
    assertOneLine(run("prove", p.toString(), "--timeout", "-1"), "--timeout", "(0, 86400]");
    assertOneLine(run("prove", p.toString(), "--timeout", "NaN"), "--timeout");
    assertOneLine(run("prove", p.toString(), "--line", "0"), "--line");
    String db = "sqlite:" + dir.resolve("s.db");
    assertOneLine(
        run("search", "../examples/nb201-tpe.yaml", "--storage", db, "--trials", "-3"),
        "--trials",
        "1..10000000");
    assertThat(Files.exists(dir.resolve("s.db"))).isFalse();
    assertOneLine(run("bench", "nb201", "--algorithm", "random", "--queries", "0"), "--queries");
    assertOneLine(run("demo", "--seconds", "0"), "--seconds");
    assertOneLine(run("dashboard", "--port", "70000"), "--port");
    assertThat(run("prove", "--help").out()).contains("86400");
    assertThat(run("search", "--help").out()).contains("1..10000000");
  }

  @Test
  void emptyProblemsAreErrorsNotSatisfiable() throws Exception {
    Path empty = Files.writeString(dir.resolve("e.jsonl"), "");
    assertOneLine(run("prove", empty.toString()), empty.toString(), "an empty file");
    Path comments = Files.writeString(dir.resolve("c.p"), "% only a comment\n");
    assertOneLine(run("prove", comments.toString()), comments.toString(), "at least one fof(");
  }

  @Test
  void aQueryOfAnUndefinedPredicateWarns() throws Exception {
    Path p =
        Files.writeString(
            dir.resolve("g.dl"), "edge(a, b).\npath(X, Y) :- edge(X, Y), allowed(Y).\n");
    Result r = run("reason", p.toString(), "--query", "allowed(X)");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains(
            "warning: allowed/1 is used in rules of " + p + " but no fact or rule defines it");
    r = run("reason", p.toString(), "--query", "edge(a, X)");
    assertThat(r.err()).doesNotContain("warning");
    assertThat(r.out().strip()).isEqualTo("edge(a, b).");
    assertOneLine(run("reason", p.toString(), "--query", "pth(a, X)"), "unknown predicate pth");
  }

  @Test
  void whyOnAFiveThousandStepDerivation() throws Exception {
    StringBuilder src = new StringBuilder("reach(0).\nreach(Y) :- reach(X), e(X, Y).\n");
    for (int i = 0; i < 5000; i++) {
      src.append("e(").append(i).append(", ").append(i + 1).append(").\n");
    }
    Path p = Files.writeString(dir.resolve("chain.dl"), src);
    Result r = run("reason", p.toString(), "--query", "reach(5000)", "--why");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().count()).isEqualTo(1 + 10_001);
    assertThat(r.out()).contains("[5001] reach(0).   [fact]");
  }

  @Test
  void aMissingStorageDirectoryIsAnErrorAndIsNotCreated() throws Exception {
    Path missing = dir.resolve("nodir");
    String url = "sqlite:" + missing.resolve("s.db");
    assertOneLine(run("study", "list", "--storage", url), "an existing study database");
    assertOneLine(
        run("search", "../examples/nb201-tpe.yaml", "--storage", url, "--trials", "2"),
        "an existing directory",
        missing.toString());
    assertOneLine(
        run("study", "report", "--storage", url, "--study", "x", "-o", dir.resolve("r").toString()),
        "an existing study database");
    assertThat(Files.exists(missing)).isFalse();
  }

  @Test
  void readCommandsLeaveStudiesAndForeignFilesByteIdentical() throws Exception {
    Path foreign = dir.resolve("o.db");
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + foreign);
        var st = c.createStatement()) {
      st.execute("create table users(id int)");
    }
    byte[] before = sha(foreign);
    String url = "sqlite:" + foreign;
    assertOneLine(run("study", "list", "--storage", url), "holds other tables");
    assertOneLine(run("study", "show", "--storage", url, "--study", "x"), "holds other tables");
    assertOneLine(
        run("search", "../examples/nb201-tpe.yaml", "--storage", url, "--trials", "2"),
        "holds other tables");
    assertThat(sha(foreign)).isEqualTo(before);
    assertThat(siblings("o.db")).isEmpty();

    Path db = dir.resolve("s.db");
    String s = "sqlite:" + db;
    assertThat(run("search", "../examples/nb201-tpe.yaml", "--storage", s, "--trials", "4").code())
        .isZero();
    byte[] study = sha(db);
    assertThat(run("study", "list", "--storage", s).code()).isZero();
    assertThat(run("study", "show", "--storage", s, "--study", "nb201-tpe").code()).isZero();
    assertThat(run("study", "best", "--storage", s, "--study", "nb201-tpe").code()).isZero();
    assertThat(run("study", "export", "--storage", s, "--study", "nb201-tpe").code()).isZero();
    assertThat(sha(db)).isEqualTo(study);
  }

  /**
   * A study file nobody may write, read by a user who cannot write its directory either: listed and
   * exported all the same. Runs the CLI as {@code nobody} through {@code runuser}.
   */
  @Test
  void aReadOnlyStudyFileCanBeListedAndExportedByAnotherUser() throws Exception {
    if (!new File("/usr/sbin/runuser").canExecute() && !new File("/sbin/runuser").canExecute()) {
      System.err.println("runuser missing: the read-only study test is skipped");
      return;
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      System.err.println(
          "not root (cannot runuser -u nobody): the read-only study test is skipped");
      return;
    }
    Path shared = Files.createTempDirectory(Path.of("/tmp"), "gyrus-ro-");
    try {
      Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
      Path db = shared.resolve("s.db");
      String s = "sqlite:" + db;
      assertThat(
              run("search", "../examples/nb201-tpe.yaml", "--storage", s, "--trials", "3").code())
          .isZero();
      Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
      byte[] before = sha(db);
      String cp = copyClassPath(shared.resolve("cp"));
      ProcessResult list = asNobody(shared, cp, "study", "list", "--storage", s);
      if (list.out.contains("runuser: ") || list.out.contains("cannot")) {
        System.err.println(
            "runuser -u nobody unavailable here (" + list.out.strip() + "): skipped");
        return;
      }
      assertThat(list.code).as(list.out).isZero();
      assertThat(list.out).contains("nb201-tpe");
      ProcessResult csv =
          asNobody(shared, cp, "study", "export", "--storage", s, "--study", "nb201-tpe");
      assertThat(csv.code).as(csv.out).isZero();
      assertThat(csv.out.lines().filter(l -> l.matches("\\d+,COMPLETE,.*")).count()).isEqualTo(3);
      assertThat(sha(db)).isEqualTo(before);
    } finally {
      try (var walk = Files.walk(shared)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  record ProcessResult(int code, String out) {}

  static ProcessResult asNobody(Path workDir, String cp, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("runuser", "-u", "nobody", "--"));
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("-Djava.io.tmpdir=" + workDir.resolve("tmp"), "-cp", cp));
    cmd.add("org.gyrus.app.Main");
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new ProcessResult(p.exitValue(), out);
  }

  /** This JVM's class path copied where {@code nobody} can read it (~/.m2 is private). */
  static String copyClassPath(Path to) throws Exception {
    Files.createDirectories(to);
    Files.createDirectories(to.getParent().resolve("tmp"));
    to.getParent().resolve("tmp").toFile().setWritable(true, false);
    List<String> entries = new ArrayList<>();
    int i = 0;
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path src = Path.of(e);
      if (!Files.exists(src)
          || e.contains("junit")
          || e.contains("assertj")
          || e.contains("pytorch-native")) {
        continue;
      }
      Path dst = to.resolve((i++) + "-" + src.getFileName());
      if (Files.isDirectory(src)) {
        try (var walk = Files.walk(src)) {
          for (Path f : (Iterable<Path>) walk::iterator) {
            Path d = dst.resolve(src.relativize(f).toString());
            if (Files.isDirectory(f)) {
              Files.createDirectories(d);
            } else {
              Files.copy(f, d);
            }
          }
        }
      } else {
        Files.copy(src, dst);
      }
      entries.add(dst.toString());
    }
    try (var walk = Files.walk(to)) {
      walk.forEach(f -> f.toFile().setReadable(true, false));
    }
    try (var walk = Files.walk(to)) {
      walk.filter(Files::isDirectory).forEach(f -> f.toFile().setExecutable(true, false));
    }
    return String.join(File.pathSeparator, entries);
  }

  private List<String> siblings(String name) throws Exception {
    try (var files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(name + "-"))
          .toList();
    }
  }

  static byte[] sha(Path p) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
  }
}
