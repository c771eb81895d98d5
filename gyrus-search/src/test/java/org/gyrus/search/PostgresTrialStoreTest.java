package org.gyrus.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.gyrus.core.SpecError;
import org.gyrus.search.bench.NasBench201;
import org.gyrus.search.store.PostgresTrialStore;
import org.gyrus.search.store.TrialStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The shared store against a real PostgreSQL server: {@code GYRUS_PG_URL} names a database the test
 * may create databases from ({@code .ci/postgres} starts one); skipped when it is unset.
 */
class PostgresTrialStoreTest {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private final List<String> created = new ArrayList<>();

  private static String adminUrl() {
    String url = System.getenv("GYRUS_PG_URL");
    Assumptions.assumeTrue(
        url != null && !url.isBlank(),
        "GYRUS_PG_URL not set: skipping the PostgreSQL store tests (.ci/postgres starts a server)");
    return url;
  }

  private static Connection admin(String url) throws Exception {
    java.net.URI u = new java.net.URI(url);
    Properties p = new Properties();
    if (u.getUserInfo() != null) {
      p.setProperty("user", u.getUserInfo().split(":")[0]);
    }
    return DriverManager.getConnection(
        "jdbc:postgresql://" + u.getHost() + ":" + u.getPort() + u.getPath(), p);
  }

  /** A fresh, empty database; its URL. */
  private String freshDatabase() throws Exception {
    String admin = adminUrl();
    String name = "gyrus_t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection c = admin(admin);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
    }
    created.add(name);
    return admin.substring(0, admin.lastIndexOf('/') + 1) + name;
  }

  @AfterEach
  void dropDatabases() throws Exception {
    if (created.isEmpty()) {
      return;
    }
    try (Connection c = admin(adminUrl());
        Statement s = c.createStatement()) {
      for (String name : created) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  private static long count(String url, String sql) throws Exception {
    try (Connection c = admin(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void trialsSurviveReopening() throws Exception {
    String url = freshDatabase();
    NasBench201 table = NasBench201.load(null);
    try (TrialStore store = TrialStores.open(url);
        Study s = Study.open(store, "s", NasBench201.space(), Direction.MAXIMIZE, "tpe", 0)) {
      s.optimize((c, ctx) -> Metrics.of(table.accuracy(c)), 15, Study.TrialListener.NONE);
    }
    try (TrialStore store = TrialStores.open(url)) {
      Study s = Study.load(store, "s");
      assertThat(s.trials()).hasSize(15).allMatch(t -> t.state() == TrialState.COMPLETE);
      assertThat(s.trials()).extracting(Trial::number).containsExactlyElementsOf(range(15));
      assertThat(store.studies()).extracting(StudyInfo::name).containsExactly("s");
      assertThat(store.location()).startsWith("postgresql://");
    }
  }

  /**
   * Trials read back (one at a time and by change, each in one statement; by number and by change
   * in three) carry their values, intermediate values and attributes, each on its own trial, as a
   * store in memory given the same writes holds them: not-finite values, -0.0 and odd text
   * included.
   */
  private static final double[] ODD_VALUES = {
    Double.NaN,
    -0.0,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    0.1,
    1e-300,
    -Double.MAX_VALUE,
    Double.MIN_VALUE,
    1.0 / 3
  };

  @Test
  void trialsReadBackWithTheirIntermediateValuesAndAttributes() throws Exception {
    try (TrialStore pg = TrialStores.open(freshDatabase());
        TrialStore memory = new org.gyrus.search.store.MemoryTrialStore()) {
      List<List<Trial>> reads = new ArrayList<>();
      for (TrialStore store : List.of(pg, memory)) {
        StudyInfo info =
            store.createStudy(
                "s",
                List.of(Direction.MINIMIZE),
                NasBench201.space(),
                new org.gyrus.core.Value.StrVal("random"),
                0);
        java.util.Random rng = new java.util.Random(3);
        org.gyrus.core.Space space = new org.gyrus.core.Space(NasBench201.space());
        for (int i = 0; i < 4; i++) {
          var nt =
              new TrialStore.NewTrial(space.sample(rng), null, i, "v", "h", TrialState.RUNNING);
          Trial t = store.createTrial(info.id(), nt, Integer.MAX_VALUE, false).orElseThrow();
          for (int step = 0; step < i; step++) {
            store.reportIntermediate(t.id(), step, 0.25 * step + i);
          }
          if (i == 3) { // values and text that a JSON round trip could bend
            for (int k = 0; k < ODD_VALUES.length; k++) {
              store.reportIntermediate(t.id(), 10L + k, ODD_VALUES[k]);
            }
            store.setAttr(
                t.id(), "quote\"back\\slash", "line\nbreak \u00e9 \u2603 {\"json\": [1]}");
          }
          if (i % 2 == 1) {
            store.setAttr(t.id(), "note", "trial " + i);
            store.setAttr(t.id(), "metric.loss", Double.toString(i / 8.0));
          }
          if (i < 3) {
            // as a worker's tell does: finished and read back at once (on PostgreSQL in one
            // statement), which must be what a later read shows; finishing again changes nothing
            Trial done =
                store
                    .finishAndRead(
                        t.id(),
                        TrialState.COMPLETE,
                        List.of(i - 1.5),
                        null,
                        java.time.Instant.now())
                    .orElseThrow();
            assertThat(done).isEqualTo(store.trial(t.id()).orElseThrow());
            assertThat(
                    store.finishAndRead(
                        t.id(), TrialState.FAIL, List.of(), "late", java.time.Instant.now()))
                .contains(done);
          }
        }
        List<Trial> read = new ArrayList<>(store.trialsChangedSince(info.id(), 0));
        read.addAll(store.trialsByNumber(info.id(), List.of(3, 1)));
        read.add(store.trial(read.get(2).id()).orElseThrow());
        read.add(store.trial(read.get(3).id()).orElseThrow());
        read.addAll(store.changesSince(info.id(), 0).trials());
        reads.add(read);
      }
      List<Trial> fromPg = reads.get(0);
      assertThat(fromPg).hasSize(12);
      assertThat(fromPg.get(3).intermediate())
          .containsEntry(2L, 3.5)
          .containsEntry(11L, -0.0)
          .hasSize(3 + ODD_VALUES.length);
      assertThat(fromPg.get(1).attrs()).containsEntry("note", "trial 1");
      for (int k = 0; k < fromPg.size(); k++) {
        Trial a = fromPg.get(k);
        Trial b = reads.get(1).get(k);
        assertThat(a.number()).isEqualTo(b.number());
        assertThat(a.state()).isEqualTo(b.state());
        assertThat(a.dna()).isEqualTo(b.dna());
        assertThat(a.values()).isEqualTo(b.values());
        assertThat(a.intermediate()).as("trial %d", a.number()).isEqualTo(b.intermediate());
        assertThat(a.attrs()).as("trial %d", a.number()).isEqualTo(b.attrs());
      }
    }
  }

  @Test
  void aWorkerRidesOutDroppedConnectionsAndAServerRestart() throws Exception {
    String url = freshDatabase();
    String db = url.substring(url.lastIndexOf('/') + 1);
    NasBench201 table = NasBench201.load(null);
    String pgDir = System.getenv("GYRUS_PG_DIR");
    try (TrialStore store = TrialStores.open(url);
        Study s = Study.open(store, "s", NasBench201.space(), Direction.MAXIMIZE, "random", 0)) {
      java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
      s.optimize(
          (c, ctx) -> {
            int k = n.incrementAndGet();
            if (k % 5 == 0) {
              // the server drops every session of this database, as on an admin's restart
              try (Connection a = admin(adminUrl());
                  Statement st = a.createStatement()) {
                st.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + db
                        + "' AND pid <> pg_backend_pid()");
              }
            }
            if (k == 12 && pgDir != null) {
              restart(pgDir); // a real restart of the server, when this test started it
            }
            return Metrics.of(table.accuracy(c));
          },
          20,
          Study.TrialListener.NONE);
    }
    assertThat(count(url, "SELECT count(*) FROM trials WHERE state = 'COMPLETE'")).isEqualTo(20);
    assertThat(count(url, "SELECT count(*) FROM trials")).isEqualTo(20);
    assertThat(count(url, "SELECT count(DISTINCT number) FROM trials")).isEqualTo(20);
  }

  /** A fast restart of the server {@code .ci/postgres} started in {@code dir}. */
  private static void restart(String dir) throws Exception {
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

  @Test
  void concurrentWorkersShareOneStudyWithoutClashes() throws Exception {
    String url = freshDatabase();
    NasBench201 table = NasBench201.load(null);
    int workers = 4;
    int total = 60;
    Set<String> hosts = ConcurrentHashMap.newKeySet();
    // each worker's first evaluation waits until every worker has one running: on a loaded machine
    // a
    // worker that opens its connection late would otherwise find all 60 trials taken (seen once)
    CountDownLatch allEvaluating = new CountDownLatch(workers);
    AtomicBoolean stalled = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        int worker = w;
        done.add(
            pool.submit(
                () -> {
                  try (TrialStore store = TrialStores.open(url);
                      Study s =
                          Study.open(
                              store,
                              "shared",
                              NasBench201.space(),
                              Direction.MAXIMIZE,
                              "random",
                              worker)) {
                    s.optimize(
                        (c, ctx) -> {
                          if (hosts.add("w" + worker)) {
                            allEvaluating.countDown();
                            if (!allEvaluating.await(60, TimeUnit.SECONDS)) {
                              stalled.set(true); // the others could not claim while this ran
                            }
                          }
                          Thread.sleep(2);
                          return Metrics.of(table.accuracy(c));
                        },
                        total,
                        Study.TrialListener.NONE);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    try (TrialStore store = TrialStores.open(url)) {
      List<Trial> trials = Study.load(store, "shared").trials();
      assertThat(trials).hasSize(total).allMatch(t -> t.state() == TrialState.COMPLETE);
      assertThat(trials).extracting(Trial::number).containsExactlyElementsOf(range(total));
      Set<String> dna = new HashSet<>();
      trials.forEach(t -> dna.add(t.dna().toJson()));
      assertThat(dna).as("no point evaluated twice").hasSize(total);
    }
    assertThat(stalled).as("4 trials evaluated at the same time").isFalse();
    assertThat(hosts).as("every worker contributed").hasSize(workers);
  }

  @Test
  void aWriterThatDiesMidTransactionLeavesNothingAndReleasesTheLock() throws Exception {
    String url = freshDatabase();
    try (TrialStore store = TrialStores.open(url);
        Study s = Study.open(store, "s", NasBench201.space(), Direction.MAXIMIZE, "random", 0)) {
      s.optimize((c, ctx) -> Metrics.of(1.0), 3, Study.TrialListener.NONE);
    }
    // a worker holding the write lock inserts a trial, then its connection drops before COMMIT
    Connection dying = admin(url);
    try (Statement st = dying.createStatement()) {
      st.execute("BEGIN");
      st.execute("SELECT pg_advisory_xact_lock(" + 0x6779727573L + ")");
      st.execute(
          "INSERT INTO trials (study_id, number, state, dna, dna_key, vals, seed, seq)"
              + " SELECT study_id, 99, 'RUNNING', dna, dna_key, '[]', 0, 999 FROM trials LIMIT 1");
    }
    dying.close();
    assertThat(count(url, "SELECT COUNT(*) FROM trials")).isEqualTo(3);
    try (TrialStore store = TrialStores.open(url);
        Study s = Study.load(store, "s")) {
      s.optimize((c, ctx) -> Metrics.of(1.0), 5, Study.TrialListener.NONE);
      assertThat(s.trials()).extracting(Trial::number).containsExactly(0, 1, 2, 3, 4);
    }
  }

  @Test
  void aForeignDatabaseIsRefusedUntouchedButASchemaOfItsOwnWorks() throws Exception {
    String url = freshDatabase();
    try (Connection c = admin(url);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name TEXT)");
      s.execute("INSERT INTO customers VALUES (1, 'ada')");
      s.execute("CREATE SCHEMA studies");
    }
    assertThatThrownBy(() -> TrialStores.open(url))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("holds other tables");
    assertThat(count(url, "SELECT COUNT(*) FROM customers")).isEqualTo(1);
    assertThat(count(url, "SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'"))
        .isEqualTo(1);
    try (TrialStore store = TrialStores.open(url + "?currentSchema=studies");
        Study s = Study.open(store, "s", NasBench201.space(), Direction.MAXIMIZE, "random", 0)) {
      s.optimize((c, ctx) -> Metrics.of(0.5), 4, Study.TrialListener.NONE);
    }
    assertThat(count(url, "SELECT COUNT(*) FROM studies.trials")).isEqualTo(4);
  }

  @Test
  void badUrlsAndUnreachableServersFailClearlyWithoutThePassword() {
    assertThatThrownBy(() -> TrialStores.open("postgresql://localhost"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("postgresql://[user[:password]@]host[:port]/database");
    assertThatThrownBy(() -> TrialStores.open("postgresql://u:s3cret@127.0.0.1:1/gyrus"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("postgresql://u@127.0.0.1:1/gyrus")
        .hasMessageContaining("a reachable PostgreSQL database")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    assertThatThrownBy(() -> TrialStores.open("mysql://u:s3cret@host/db"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("postgresql://")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    assertThatThrownBy(() -> PostgresTrialStore.open("postgresql://h/d b"))
        .isInstanceOf(SpecError.class);
  }

  private static List<Integer> range(int n) {
    List<Integer> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(i);
    }
    return l;
  }
}
