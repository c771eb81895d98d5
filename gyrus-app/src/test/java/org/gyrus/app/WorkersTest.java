package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;
import org.gyrus.search.TrialStore;
import org.gyrus.search.store.TrialStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gyrus search --workers N} as a user runs it: N worker processes reach the target together,
 * and stopping the parent (SIGINT, or SIGKILL) leaves no worker process and no RUNNING trial.
 */
class WorkersTest {
  @TempDir Path dir;

  private Path config(int delayMs) throws Exception {
    return GyrusProcess.nb201Experiment(dir, delayMs);
  }

  private static List<Trial> trials(Path db) {
    try (TrialStore store = TrialStores.open("sqlite:" + db)) {
      return Study.load(store, "nb201-evolution").trials();
    }
  }

  private static long completed(Path db) {
    try {
      return Files.exists(db) ? count(trials(db), TrialState.COMPLETE) : 0;
    } catch (RuntimeException e) {
      return 0; // the study is not created yet
    }
  }

  private static long count(List<Trial> ts, TrialState s) {
    return ts.stream().filter(t -> t.state() == s).count();
  }

  @Test
  void twoWorkersReachTheTargetTogether() throws Exception {
    Path db = dir.resolve("w.db");
    Process p =
        GyrusProcess.start(
            dir,
            dir.resolve("w.log"),
            "search",
            // 0.8 s per trial: one worker alone needs ~13 s, longer than the other's JVM start
            // even on a loaded box (at 60 ms, CI at load 18 saw one worker finish all 16 first)
            config(800).toString(),
            "--storage",
            "sqlite:" + db,
            "--trials",
            "16",
            "--workers",
            "2");
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String log = Files.readString(dir.resolve("w.log"));
    assertThat(p.exitValue()).as(log).isZero();
    assertThat(log).contains("[w1] trial").contains("[w2] trial").contains("rank");
    List<Trial> ts = trials(db);
    assertThat(count(ts, TrialState.COMPLETE)).isEqualTo(16);
    assertThat(ts.stream().map(Trial::host).distinct().count())
        .as("two worker processes")
        .isEqualTo(2);
    assertThat(ts.stream().map(Trial::number).toList()).doesNotHaveDuplicates();
  }

  @Test
  void workersJoinAStoredStudyFromItsRecordAlone() throws Exception {
    Path db = dir.resolve("join.db");
    String url = "sqlite:" + db;
    CliTest.Result created =
        CliTest.run("search", config(0).toString(), "--storage", url, "--trials", "3");
    assertThat(created.code()).as(created.err()).isZero();
    // two machines' worth of workers, started where no experiment file exists
    Path elsewhere = Files.createDirectories(dir.resolve("node"));
    List<Process> ps = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      List<String> args =
          List.of(
              "worker",
              "--storage",
              url,
              "--study",
              "nb201-evolution",
              "--trials",
              "14",
              "--timings-log",
              elsewhere.resolve("ops" + i + ".tsv").toString());
      ps.add(
          GyrusProcess.start(
              elsewhere, elsewhere.resolve("w" + i + ".log"), args.toArray(String[]::new)));
    }
    for (int i = 0; i < 2; i++) {
      assertThat(ps.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
      String log = Files.readString(elsewhere.resolve("w" + i + ".log"));
      assertThat(ps.get(i).exitValue()).as(log).isZero();
    }
    List<Trial> ts = trials(db);
    assertThat(count(ts, TrialState.COMPLETE)).isEqualTo(14);
    assertThat(ts.stream().map(Trial::number).toList()).doesNotHaveDuplicates();
    assertThat(ts.stream().map(t -> t.dna().toJson()).distinct().count()).isEqualTo(14);
    assertOpLogsMatch(List.of(elsewhere.resolve("ops0.tsv"), elsewhere.resolve("ops1.tsv")), ts);
    // without --trials a worker aims at the study's own budget, already met: nothing runs
    CliTest.Result idle = CliTest.run("worker", "--storage", url, "--study", "nb201-evolution");
    assertThat(idle.code()).as(idle.err()).isZero();
    assertThat(idle.err()).contains("14 trials so far, running up to 3");
    CliTest.Result badLog =
        CliTest.run(
            "worker",
            "--storage",
            url,
            "--study",
            "nb201-evolution",
            "--timings-log",
            dir.resolve("no/such/dir/ops.tsv").toString());
    assertThat(badLog.code()).isNotZero();
    assertThat(badLog.err()).contains("--timings-log").contains("a file that can be written");
    assertThat(trials(db)).hasSize(14);
    CliTest.Result missing = CliTest.run("worker", "--storage", url, "--study", "nope");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("--study: expected an existing study");
  }

  /**
   * The workers' --timings-logs: each holds one ask and one tell for each trial its worker ran, in
   * order, all on one host, and ends with an ask that found the target reached; together they tell
   * every trial the workers ran exactly once.
   */
  private static void assertOpLogsMatch(List<Path> logs, List<Trial> ts) throws Exception {
    List<Integer> allTold = new java.util.ArrayList<>();
    long now = System.currentTimeMillis();
    for (Path log : logs) {
      List<String[]> ops = Files.readAllLines(log).stream().map(l -> l.split("\t")).toList();
      for (String[] o : ops) {
        assertThat(o).hasSize(4);
        assertThat(Long.parseLong(o[2])).isBetween(now - 600_000, now);
        assertThat(Double.parseDouble(o[3])).isBetween(0.0, 120_000.0);
      }
      List<Integer> asked =
          ops.stream().filter(o -> o[0].equals("ask")).map(o -> Integer.parseInt(o[1])).toList();
      List<Integer> told =
          ops.stream().filter(o -> o[0].equals("tell")).map(o -> Integer.parseInt(o[1])).toList();
      if (!asked.isEmpty()) {
        assertThat(asked).endsWith(-1); // the target reached (a late worker may never ask)
      }
      assertThat(asked.stream().filter(n -> n >= 0).toList()).containsExactlyElementsOf(told);
      assertThat(
              ts.stream()
                  .filter(t -> told.contains(t.number()))
                  .map(Trial::host)
                  .distinct()
                  .count())
          .isLessThanOrEqualTo(1);
      allTold.addAll(told);
    }
    assertThat(allTold)
        .containsExactlyInAnyOrderElementsOf(
            ts.stream().filter(t -> t.number() >= 3).map(Trial::number).toList());
  }

  @Test
  void sigintAndSigkillOfTheParentLeaveNoWorkerAndNoRunningTrial() throws Exception {
    for (boolean kill : List.of(false, true)) {
      Path db = dir.resolve("stop-" + kill + ".db");
      Process p =
          GyrusProcess.start(
              dir,
              dir.resolve("stop-" + kill + ".log"),
              "search",
              config(300).toString(),
              "--storage",
              "sqlite:" + db,
              "--trials",
              "500",
              "--workers",
              "2");
      long deadline = System.currentTimeMillis() + 60_000;
      while (completed(db) < 4 && System.currentTimeMillis() < deadline) {
        Thread.sleep(200);
      }
      List<ProcessHandle> workers = p.toHandle().descendants().toList();
      assertThat(workers).as("worker processes").hasSizeGreaterThanOrEqualTo(2);
      if (kill) {
        p.destroyForcibly(); // SIGKILL: the parent cannot stop its workers; they notice
      } else {
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
      }
      assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("parent exited").isTrue();
      for (ProcessHandle w : workers) {
        w.onExit().get(60, TimeUnit.SECONDS);
        assertThat(w.isAlive())
            .as("worker %d after %s", w.pid(), kill ? "SIGKILL" : "SIGINT")
            .isFalse();
      }
      List<Trial> ts = trials(db);
      assertThat(count(ts, TrialState.RUNNING))
          .as("RUNNING trials left after %s", kill ? "SIGKILL" : "SIGINT")
          .isZero();
      assertThat(ts.stream().filter(t -> t.state() == TrialState.FAIL))
          .allMatch(t -> t.error().contains("worker stopped"));
    }
  }
}
