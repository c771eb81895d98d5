package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;
import org.gyrus.search.TrialStore;
import org.gyrus.search.store.TrialStores;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults as a cluster meets them: W worker processes on one study, a supervisor that restarts each
 * worker it kills with SIGKILL at random moments, and (PostgreSQL) a server restart in the middle.
 * Every run must end with exactly the target of complete trials, no number or design run twice,
 * nothing left RUNNING, and every result a worker printed stored. {@code bench/faults/run.sh} runs
 * many such runs ({@code -Dfaults.runs}); the defaults here are the short version.
 */
class FaultInjectionTest {
  private static final Pattern DONE = Pattern.compile("trial +(\\d+) COMPLETE +value (\\S+)");
  @TempDir Path dir;

  record Outcome(long complete, long trials, long running, int lost, int kills, int restarts) {}

  private static int prop(String name, int fallback) {
    return Integer.getInteger("faults." + name, fallback);
  }

  @Test
  void sqliteWorkersKilledAtRandomLoseNothing() throws Exception {
    runMany("sqlite", () -> "sqlite:" + Files.createTempFile(dir, "f", ".db"), null);
  }

  @Test
  void postgresWorkersKilledAtRandomAndAServerRestartLoseNothing() throws Exception {
    String admin = System.getenv("GYRUS_PG_URL");
    Assumptions.assumeTrue(
        admin != null && !admin.isBlank(),
        "GYRUS_PG_URL not set: skipping the PostgreSQL fault runs (.ci/postgres starts a server)");
    runMany(
        "postgresql",
        () -> GyrusProcess.freshDatabase(admin, "gyrus_faults_"),
        System.getenv("GYRUS_PG_DIR"));
  }

  interface Url {
    String next() throws Exception;
  }

  private void runMany(String kind, Url urls, String pgDir) throws Exception {
    int runs = prop("runs", 1);
    String out = System.getProperty("faults.out");
    for (int r = 0; r < runs; r++) {
      String url = urls.next();
      Outcome o;
      try {
        o = run(url, prop("workers", 3), prop("trials", 40), prop("kills", 5), pgDir, 1000L + r);
      } catch (AssertionError | RuntimeException e) {
        dumpTrials(url, Path.of((out == null ? dir + "/faults" : out) + "-" + kind + "-run" + r));
        throw e;
      }
      String row =
          String.format(
              Locale.ROOT,
              "{\"store\": \"%s\", \"run\": %d, \"complete\": %d, \"trials\": %d, \"running\": %d,"
                  + " \"lost\": %d, \"kills\": %d, \"restarts\": %d}",
              kind,
              r,
              o.complete(),
              o.trials(),
              o.running(),
              o.lost(),
              o.kills(),
              o.restarts());
      if (out != null) { // one line per finished run, so a long bench stopped early keeps its runs
        Files.writeString(
            Path.of(out + "-" + kind + ".jsonl"),
            row + "\n",
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
      }
    }
  }

  /** The failing run's trial table next to the bench rows (a throwaway server goes with it). */
  private static void dumpTrials(String url, Path prefix) {
    try (TrialStore store = TrialStores.open(url)) {
      StringBuilder b = new StringBuilder("number\tstate\tstart\tend\thost\terror\tdna\n");
      for (Trial t : Study.load(store, "nb201-evolution").trials()) {
        b.append(t.number()).append('\t').append(t.state()).append('\t').append(t.start());
        b.append('\t').append(t.end()).append('\t').append(t.host()).append('\t');
        b.append(t.error()).append('\t').append(t.dna().toJson()).append('\n');
      }
      Path file = Path.of(prefix + "-trials.tsv");
      Files.writeString(file, b);
      System.err.println("trial table of the failing run: " + file);
    } catch (Exception e) {
      System.err.println("could not dump the failing run's trials: " + e);
    }
  }

  private Outcome run(String url, int workers, int target, int kills, String pgDir, long seed)
      throws Exception {
    Path cfg = GyrusProcess.nb201Experiment(dir, 40);
    String[] args = {
      "search",
      cfg.toString(),
      "--storage",
      url,
      "--trials",
      Integer.toString(target),
      "--heartbeat",
      "2",
      "--retry-failed"
    };
    SplittableRandom rng = new SplittableRandom(seed);
    List<Process> live = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      start(args, live, logs);
    }
    int restarts = 0;
    Thread.sleep(3000); // let the first workers create the study and start trials
    for (int k = 0; k < kills; k++) {
      Thread.sleep(300 + rng.nextInt(900));
      int victim = rng.nextInt(live.size());
      live.get(victim).destroyForcibly(); // SIGKILL mid-trial, mid-write or mid-startup
      live.get(victim).waitFor(10, TimeUnit.SECONDS);
      live.remove(victim);
      start(args, live, logs); // the supervisor (a job array, a Kubernetes Job) starts another
      // DB restarts spread evenly over the kills (faults.restarts of them, 1 in CI)
      int planned = prop("restarts", 1);
      if (pgDir != null && restarts < planned && k == (restarts + 1) * kills / (planned + 1)) {
        restartPostgres(pgDir);
        restarts++;
      }
    }
    for (Process p : live) {
      assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("worker finished").isTrue();
      Path log = logOf.get(p);
      assertThat(p.exitValue()).as("worker exit code: %s", Files.readString(log)).isZero();
    }
    return check(url, target, logs, kills, restarts);
  }

  private final Map<Process, Path> logOf = new HashMap<>();

  private void start(String[] args, List<Process> live, List<Path> logs) throws Exception {
    Path log = dir.resolve("w" + logs.size() + ".log");
    logs.add(log);
    Process p = GyrusProcess.start(dir, log, args);
    logOf.put(p, log);
    live.add(p);
  }

  private static Outcome check(String url, int target, List<Path> logs, int kills, int restarts)
      throws Exception {
    List<Trial> trials;
    try (TrialStore store = TrialStores.open(url)) {
      trials = Study.load(store, "nb201-evolution").trials();
    }
    Map<Integer, Trial> byNumber = new HashMap<>();
    trials.forEach(t -> byNumber.put(t.number(), t));
    int lost = 0;
    for (Path log : logs) {
      Matcher m = DONE.matcher(Files.readString(log));
      while (m.find()) {
        Trial t = byNumber.get(Integer.parseInt(m.group(1)));
        boolean kept =
            t != null
                && t.state() == TrialState.COMPLETE
                && String.format(Locale.ROOT, "%.4f", t.value()).equals(m.group(2));
        lost += kept ? 0 : 1;
      }
    }
    long complete = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
    long running = trials.stream().filter(t -> t.state() == TrialState.RUNNING).count();
    assertThat(complete).as("complete trials").isEqualTo(target);
    assertThat(running).as("trials left RUNNING").isZero();
    assertThat(lost).as("printed results not stored").isZero();
    assertThat(trials.stream().map(Trial::number).toList()).doesNotHaveDuplicates();
    assertThat(
            trials.stream()
                .filter(t -> t.state() != TrialState.FAIL)
                .map(t -> t.dna().toJson())
                .toList())
        .as("designs run twice")
        .doesNotHaveDuplicates();
    return new Outcome(complete, trials.size(), running, lost, kills, restarts);
  }

  /** A fast restart of the server {@code .ci/postgres} started in {@code dir}. */
  private static void restartPostgres(String dir) throws Exception {
    // output to a file: the restarted server must not inherit a pipe of ours (it would never close)
    java.io.File log = java.io.File.createTempFile("pg_ctl", ".log");
    Process p =
        new ProcessBuilder("bash", "../.ci/postgres", "restart", dir)
            .redirectErrorStream(true)
            .redirectOutput(log)
            .start();
    assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("pg restart").isTrue();
    assertThat(p.exitValue()).as(java.nio.file.Files.readString(log.toPath())).isZero();
  }
}
