package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.gyrus.nas.discover.Candidate;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;
import org.gyrus.search.TrialStore;
import org.gyrus.search.store.TrialStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real `gyrus discover` process is killed with SIGKILL while a candidate trains, then resumed:
 * every candidate number 0..N−1 ends with exactly one finished trial, the killed one was re-run
 * with the same program and seed, and what finished before the kill is unchanged.
 */
class DiscoverCrashTest {
  @TempDir Path dir;

  static final String CONFIG =
      "_type: discover\nstudy: crash\nseed: 3\nvocab: 16\nlength: 12\npairs: 2\ndim: 8\n"
          + "steps: 40\nbatch: 8\neval_sequences: 16\nproposals: 4\n";

  private List<Trial> trials(Path db) {
    try (TrialStore store = TrialStores.open("sqlite:" + db)) {
      return Study.load(store, "crash").trials();
    } catch (RuntimeException e) {
      return List.of(); // not created yet
    }
  }

  @Test
  void aRunKilledMidCandidateResumesWithoutLosingOrDuplicatingOne() throws Exception {
    Path cfg = dir.resolve("discover.yaml");
    Files.writeString(cfg, CONFIG);
    Path db = dir.resolve("d.db");
    String[] args = {
      "discover",
      cfg.toString(),
      "--storage",
      "sqlite:" + db,
      "--hours",
      "1",
      "--candidates",
      "7",
      "--heartbeat",
      "2"
    };
    Process p = GyrusProcess.start(dir, dir.resolve("run1.log"), args);
    long deadline = System.currentTimeMillis() + 90_000;
    while (p.isAlive() && System.currentTimeMillis() < deadline && !midCandidate(trials(db))) {
      Thread.sleep(20);
    }
    assertThat(p.isAlive())
        .as("still running when killed: " + Files.readString(dir.resolve("run1.log")))
        .isTrue();
    p.destroyForcibly(); // SIGKILL: no shutdown hook runs
    p.waitFor(10, TimeUnit.SECONDS);
    List<Trial> before = trials(db);
    Trial killed =
        before.stream().filter(t -> t.state() == TrialState.RUNNING).findFirst().orElseThrow();
    Map<Integer, Double> done = new TreeMap<>();
    before.stream()
        .filter(t -> t.state() == TrialState.COMPLETE)
        .forEach(t -> done.put(number(t), t.value()));
    Thread.sleep(2500); // the dead process's heartbeat expires

    Process resumed = GyrusProcess.start(dir, dir.resolve("run2.log"), args);
    assertThat(resumed.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String log = Files.readString(dir.resolve("run2.log"));
    assertThat(resumed.exitValue()).as(log).isZero();
    assertThat(log).contains("(1 resumed)");

    List<Trial> after = trials(db);
    assertThat(after)
        .noneMatch(t -> t.state() == TrialState.RUNNING || t.state() == TrialState.WAITING);
    Map<Integer, List<Trial>> finished = new TreeMap<>();
    for (Trial t : after) {
      boolean stale = t.state() == TrialState.FAIL && t.error().contains("heartbeat lost");
      if (!stale) {
        finished.computeIfAbsent(number(t), k -> new ArrayList<>()).add(t);
      }
    }
    assertThat(finished.keySet()).containsExactly(0, 1, 2, 3, 4, 5, 6);
    assertThat(finished.values()).allMatch(l -> l.size() == 1); // none duplicated
    Trial retried = finished.get(number(killed)).get(0);
    assertThat(retried.id()).isNotEqualTo(killed.id());
    assertThat(retried.params()).isEqualTo(killed.params());
    assertThat(retried.seed()).isEqualTo(killed.seed());
    assertThat(after.stream().filter(t -> t.id() == killed.id()).findFirst().orElseThrow().error())
        .contains("heartbeat lost");
    done.forEach((n, v) -> assertThat(finished.get(n).get(0).value()).isEqualTo(v));
    for (List<Trial> l : finished.values()) {
      Trial t = l.get(0);
      assertThat(t.attrs()).containsKeys("candidate", "parents", "operator", "motifs", "analysis");
      assertThat(t.attrs().get("candidate")).isEqualTo(Integer.toString(number(t)));
    }
    assertThat(finished.get(4).get(0).attrs().get("parents")).isNotBlank(); // past the seeds
    try (TrialStore store = TrialStores.open("sqlite:" + db)) {
      String page =
          org.gyrus.app.web.LineagePage.html(
              org.gyrus.app.web.StudyData.load(store, store.study("crash").orElseThrow()));
      assertThat(page).contains("7 candidates").contains("★").contains("#0 seed:softmax");
      assertThat(page)
          .doesNotContain("heartbeat lost"); // the killed attempt hides behind its re-run
    }
    CliTest.Result confirm =
        CliTest.run(
            "discover",
            cfg.toString(),
            "--storage",
            "sqlite:" + db,
            "--confirm",
            "1",
            "--confirm-seeds",
            "1",
            "--confirm-steps",
            "3");
    assertThat(confirm.code()).as(confirm.err()).isZero();
    assertThat(confirm.out().lines()).hasSize(4).allMatch(l -> l.contains("\"accuracy\""));
    assertThat(trials(db)).hasSameSizeAs(after); // retraining adds no trial
    CliTest.Result alone =
        CliTest.run(
            "discover", cfg.toString(), "--storage", "sqlite:" + db, "--confirm-steps", "3");
    assertThat(alone.code()).isNotZero();
    assertThat(alone.err()).contains("--confirm-steps").contains("--confirm");
  }

  /** At least three candidates finished and a later one is training. */
  private static boolean midCandidate(List<Trial> trials) {
    long complete = trials.stream().filter(t -> t.state() != TrialState.RUNNING).count();
    return complete >= 3 && trials.stream().anyMatch(t -> t.state() == TrialState.RUNNING);
  }

  private static int number(Trial t) {
    return Candidate.fromValue(t.params(), "trial " + t.number()).number();
  }
}
