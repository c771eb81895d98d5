package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.search.Direction;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;
import org.gyrus.search.TrialStore;
import org.gyrus.search.store.TrialStores;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many worker processes racing for one study's trials: every queued trial is claimed by exactly one
 * process, and new trials stop at the limit with no trial number given out twice. The children are
 * real JVMs ({@link Child}) on a real store, all released at the same moment.
 */
class ClaimContentionTest {
  private static final int QUEUED = 200;
  private static final int LIMIT = 400;
  @TempDir Path dir;

  @Test
  void thirtyTwoProcessesOnPostgresNeverClaimATrialTwice() throws Exception {
    String admin = System.getenv("GYRUS_PG_URL");
    Assumptions.assumeTrue(
        admin != null && !admin.isBlank(),
        "GYRUS_PG_URL not set: skipping the PostgreSQL claim race (.ci/postgres starts a server)");
    race(GyrusProcess.freshDatabase(admin, "gyrus_claims_"), 32);
  }

  @Test
  void eightProcessesOnSqliteNeverClaimATrialTwice() throws Exception {
    race("sqlite:" + dir.resolve("claims.db"), 8);
  }

  private void race(String url, int processes) throws Exception {
    Value space = SpecCodec.fromYaml("{_type: point, x: {intRange: {lo: 0, hi: 1000000}}}");
    try (TrialStore store = TrialStores.open(url);
        Study s =
            Study.open(
                store,
                "race",
                space,
                List.of(Direction.MAXIMIZE),
                new Value.StrVal("random"),
                1,
                Study.Options.DEFAULT)) {
      for (int i = 0; i < QUEUED; i++) {
        s.enqueue(Map.of("x", i));
      }
    }
    Path go = dir.resolve("go");
    List<Process> children = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      Path log = dir.resolve("child-" + i + ".log");
      logs.add(log);
      children.add(
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx96m",
                  "-XX:+UseSerialGC",
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  System.getProperty("java.class.path"),
                  Child.class.getName(),
                  url,
                  go.toString(),
                  Integer.toString(LIMIT))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start());
    }
    Files.writeString(go, "go"); // every child waits for this file, then races
    for (Process p : children) {
      assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("child finished").isTrue();
    }
    Map<Integer, Integer> ranBy = new HashMap<>();
    for (int i = 0; i < processes; i++) {
      assertThat(children.get(i).exitValue()).as(Files.readString(logs.get(i))).isZero();
      for (String line : Files.readAllLines(logs.get(i))) {
        if (line.startsWith("ran ")) {
          int number = Integer.parseInt(line.substring(4));
          assertThat(ranBy.put(number, i)).as("trial %d handed out twice", number).isNull();
        }
      }
    }
    assertThat(ranBy).hasSize(LIMIT);
    try (TrialStore store = TrialStores.open(url)) {
      long id = store.study("race").orElseThrow().id();
      List<Trial> trials = store.trials(id);
      assertThat(trials).hasSize(LIMIT).allMatch(t -> t.state() == TrialState.COMPLETE);
      assertThat(trials.stream().map(Trial::number).distinct()).hasSize(LIMIT);
      // the queued points were run as queued: x = number for the first QUEUED trials
      assertThat(trials.stream().filter(t -> t.number() < QUEUED))
          .allMatch(t -> t.value() == t.number());
    }
  }

  /** One racing worker: waits for the start file, then asks and tells until the study is full. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      String url = args[0];
      Path go = Path.of(args[1]);
      int limit = Integer.parseInt(args[2]);
      try (TrialStore store = TrialStores.open(url);
          Study s = Study.load(store, "race")) {
        while (!Files.exists(go)) {
          Thread.sleep(5);
        }
        for (Optional<Trial> t = s.ask(limit); t.isPresent(); t = s.ask(limit)) {
          Value.Node p = (Value.Node) t.get().params();
          s.tell(t.get(), ((Value.IntVal) p.arg("x")).value());
          System.out.println("ran " + t.get().number());
        }
      }
    }
  }
}
