package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;
import org.gyrus.search.TrialStore;
import org.gyrus.search.store.TrialStores;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real `gyrus search` processes: killed with SIGKILL and resumed; two sharing one SQLite database;
 * two sharing one PostgreSQL database, one of them killed.
 */
class CrashResumeTest {
  @TempDir Path dir;

  private Path config(int delayMs) throws Exception {
    return GyrusProcess.nb201Experiment(dir, delayMs);
  }

  private List<Trial> trials(Path db, String study) {
    return trials("sqlite:" + db, study);
  }

  private static List<Trial> trials(String url, String study) {
    try (TrialStore store = TrialStores.open(url)) {
      return Study.load(store, study).trials();
    }
  }

  private long complete(Path db) {
    if (!Files.exists(db)) {
      return 0;
    }
    try {
      return trials(db, "nb201-evolution").stream()
          .filter(t -> t.state() == TrialState.COMPLETE)
          .count();
    } catch (RuntimeException e) {
      return 0; // not created yet
    }
  }

  @Test
  void aStudyKilledWithSigkillResumesWithoutLosingCompletedTrials() throws Exception {
    Path cfg = config(40);
    Path db = dir.resolve("s.db");
    String[] args = {
      "search", cfg.toString(), "--storage", "sqlite:" + db, "--trials", "40", "--heartbeat", "2"
    };
    Process p = GyrusProcess.start(dir, dir.resolve("run1.log"), args);
    long deadline = System.currentTimeMillis() + 60_000;
    while (complete(db) < 12 && System.currentTimeMillis() < deadline && p.isAlive()) {
      Thread.sleep(100);
    }
    assertThat(p.isAlive()).as("still running when killed").isTrue();
    p.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
    p.waitFor(10, TimeUnit.SECONDS);
    Map<Integer, Double> before =
        trials(db, "nb201-evolution").stream()
            .filter(t -> t.state() == TrialState.COMPLETE)
            .collect(Collectors.toMap(Trial::number, Trial::value));
    assertThat(before.size()).isGreaterThanOrEqualTo(12);
    Thread.sleep(2500); // let the dead process's heartbeat expire

    Process resumed = GyrusProcess.start(dir, dir.resolve("run2.log"), args);
    assertThat(resumed.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(resumed.exitValue()).as(Files.readString(dir.resolve("run2.log"))).isZero();
    List<Trial> after = trials(db, "nb201-evolution");
    for (var e : before.entrySet()) {
      Trial t = after.get(e.getKey());
      assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
      assertThat(t.value()).isEqualTo(e.getValue());
    }
    long completeAfter = after.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
    assertThat(completeAfter).isEqualTo(40);
    assertThat(after.stream().filter(t -> t.state() == TrialState.RUNNING)).isEmpty();
    assertThat(after.stream().filter(t -> t.state() == TrialState.FAIL))
        .allMatch(t -> t.error().contains("heartbeat lost"));
    assertThat(after.stream().map(Trial::number).toList()).doesNotHaveDuplicates();
  }

  @Test
  void twoProcessesSharingOneStudyNeverDuplicateATrial() throws Exception {
    Path cfg = config(15);
    Path db = dir.resolve("shared.db");
    String[] args = {"search", cfg.toString(), "--storage", "sqlite:" + db, "--trials", "60"};
    Process a = GyrusProcess.start(dir, dir.resolve("a.log"), args);
    Process b = GyrusProcess.start(dir, dir.resolve("b.log"), args);
    assertThat(a.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(b.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(a.exitValue()).as(Files.readString(dir.resolve("a.log"))).isZero();
    assertThat(b.exitValue()).as(Files.readString(dir.resolve("b.log"))).isZero();
    List<Trial> all = trials(db, "nb201-evolution");
    assertThat(all).hasSize(60);
    assertThat(all).allMatch(t -> t.state() == TrialState.COMPLETE);
    assertThat(all.stream().map(Trial::number).toList()).doesNotHaveDuplicates();
    assertThat(all.stream().map(t -> t.dna().toJson()).toList()).doesNotHaveDuplicates();
    Set<String> hosts = new HashSet<>();
    all.forEach(t -> hosts.add(t.host()));
    assertThat(hosts).as("both processes ran trials").hasSize(2);
  }

  @Test
  void twoProcessesOnPostgresOneKilledThenResumedEndWithEveryTrialOnce() throws Exception {
    String admin = System.getenv("GYRUS_PG_URL");
    Assumptions.assumeTrue(
        admin != null && !admin.isBlank(),
        "GYRUS_PG_URL not set: skipping the PostgreSQL study test (.ci/postgres starts a server)");
    String name = "gyrus_app_t" + ProcessHandle.current().pid();
    URI u = new URI(admin);
    String jdbc = "jdbc:postgresql://" + u.getHost() + ":" + u.getPort();
    Properties props = new Properties();
    if (u.getUserInfo() != null) {
      props.setProperty("user", u.getUserInfo().split(":")[0]);
    }
    try (Connection c = DriverManager.getConnection(jdbc + u.getPath(), props);
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      st.execute("CREATE DATABASE " + name);
    }
    String url = admin.substring(0, admin.lastIndexOf('/') + 1) + name;
    try {
      Path cfg = config(30);
      String[] args = {
        "search", cfg.toString(), "--storage", url, "--trials", "60", "--heartbeat", "2"
      };
      Process a = GyrusProcess.start(dir, dir.resolve("pa.log"), args);
      Process b = GyrusProcess.start(dir, dir.resolve("pb.log"), args);
      long deadline = System.currentTimeMillis() + 90_000;
      // kill a only once both processes have completed trials (a slow start under load must not
      // leave one of them without any) and 10 are done
      while (System.currentTimeMillis() < deadline
          && a.isAlive()
          && (completeIn(url) < 10 || hostsIn(url) < 2)) {
        Thread.sleep(100);
      }
      assertThat(a.isAlive()).as("still running when killed").isTrue();
      a.destroyForcibly();
      a.waitFor(10, TimeUnit.SECONDS);
      assertThat(b.waitFor(180, TimeUnit.SECONDS)).isTrue();
      assertThat(b.exitValue()).as(Files.readString(dir.resolve("pb.log"))).isZero();
      Thread.sleep(2500); // let the killed process's heartbeat expire
      Process c = GyrusProcess.start(dir, dir.resolve("pc.log"), args);
      assertThat(c.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(c.exitValue()).as(Files.readString(dir.resolve("pc.log"))).isZero();
      List<Trial> all = trials(url, "nb201-evolution");
      List<Trial> done = all.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
      assertThat(done).hasSize(60);
      assertThat(all.stream().filter(t -> t.state() == TrialState.RUNNING)).isEmpty();
      assertThat(all.stream().filter(t -> t.state() == TrialState.FAIL))
          .allMatch(t -> t.error().contains("heartbeat lost"));
      assertThat(all.stream().map(Trial::number).toList()).doesNotHaveDuplicates();
      assertThat(done.stream().map(t -> t.dna().toJson()).toList()).doesNotHaveDuplicates();
      Set<String> hosts = new HashSet<>();
      done.forEach(t -> hosts.add(t.host()));
      assertThat(hosts).as("both first processes ran trials").hasSizeGreaterThanOrEqualTo(2);
    } finally {
      try (Connection c = DriverManager.getConnection(jdbc + u.getPath(), props);
          Statement st = c.createStatement()) {
        st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  private static long hostsIn(String url) {
    try {
      return trials(url, "nb201-evolution").stream()
          .filter(t -> t.state() == TrialState.COMPLETE)
          .map(Trial::host)
          .distinct()
          .count();
    } catch (RuntimeException e) {
      return 0; // not created yet
    }
  }

  private static long completeIn(String url) {
    try {
      return trials(url, "nb201-evolution").stream()
          .filter(t -> t.state() == TrialState.COMPLETE)
          .count();
    } catch (RuntimeException e) {
      return 0; // not created yet
    }
  }
}
