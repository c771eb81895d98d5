package org.gyrus.search.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.gyrus.core.Dna;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.search.Direction;
import org.gyrus.search.Latencies;
import org.gyrus.search.StudyInfo;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;
import org.gyrus.search.TrialStore;

/** A trial store over SQL; each write is one transaction. Subclasses pick the locking. */
abstract class JdbcTrialStore implements TrialStore {
  static final int SCHEMA_VERSION = 1;

  enum Dialect {
    SQLITE,
    POSTGRES
  }

  protected Connection conn; // replaced by reconnect() after a dropped connection
  private final String location;
  private final Dialect dialect;
  private final Duration retryBound = retryBound();
  private final Latencies lockWaits = new Latencies();

  /**
   * How long transient database errors (dropped connection, server restart, serialisation failure,
   * busy database) are retried, with backoff and reconnects, before the operation fails: {@code
   * GYRUS_DB_RETRY_SECONDS}, default 120.
   */
  private static Duration retryBound() {
    String v = System.getenv("GYRUS_DB_RETRY_SECONDS");
    try {
      return Duration.ofSeconds(v == null ? 120 : Math.max(0, Long.parseLong(v.trim())));
    } catch (NumberFormatException e) {
      throw new SpecError("GYRUS_DB_RETRY_SECONDS", "a whole number of seconds", "'" + v + "'");
    }
  }

  JdbcTrialStore(Connection conn, String location, Dialect dialect) {
    this.conn = conn;
    this.location = location;
    this.dialect = dialect;
  }

  static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // already failing; the first error is the one to report
      }
    }
  }

  /** Starts a write transaction that excludes other writers. */
  protected abstract void beginWrite() throws SQLException;

  protected abstract PreparedStatement insertReturningId(String sql) throws SQLException;

  /** The schema whose tables make up the store (null: the whole database). */
  protected String schema() throws SQLException {
    return null;
  }

  @Override
  public String location() {
    return location;
  }

  /** Creates the tables, or checks that an existing database is a Gyrus store of this version. */
  void migrate(boolean existed) throws SQLException {
    String id = dialect == Dialect.SQLITE ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY";
    write(
        () -> {
          // checked under the write lock: another worker may be creating the tables right now
          if (existed && !tableExists("gyrus_meta") && tableCount() > 0) {
            throw new SpecError(location, "a Gyrus study database; this one holds other tables");
          }
          try (Statement s = conn.createStatement()) {
            s.execute(
                "CREATE TABLE IF NOT EXISTS gyrus_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute(
                "CREATE TABLE IF NOT EXISTS studies (id "
                    + id
                    + ", name TEXT NOT NULL UNIQUE, directions TEXT NOT NULL, space TEXT NOT NULL,"
                    + " algorithm TEXT NOT NULL, seed BIGINT NOT NULL, created_ms BIGINT NOT NULL)");
            s.execute(
                "CREATE TABLE IF NOT EXISTS trials (id "
                    + id
                    + ", study_id BIGINT NOT NULL REFERENCES studies(id), number INTEGER NOT NULL,"
                    + " state TEXT NOT NULL, dna TEXT NOT NULL, dna_key TEXT NOT NULL, params TEXT,"
                    + " vals TEXT NOT NULL, seed BIGINT NOT NULL, version TEXT, host TEXT,"
                    + " start_ms BIGINT, end_ms BIGINT, heartbeat_ms BIGINT, error TEXT,"
                    + " seq BIGINT NOT NULL, UNIQUE (study_id, number))");
            s.execute("CREATE INDEX IF NOT EXISTS trials_dna ON trials (study_id, dna_key)");
            s.execute("CREATE INDEX IF NOT EXISTS trials_seq ON trials (study_id, seq)");
            s.execute("CREATE INDEX IF NOT EXISTS trials_state ON trials (study_id, state)");
            // the best trial without reading them all (`study best` on a study of millions)
            s.execute(
                "CREATE INDEX IF NOT EXISTS trials_best ON trials (study_id, "
                    + firstValue()
                    + ", number) WHERE state = 'COMPLETE'");
            s.execute(
                "CREATE TABLE IF NOT EXISTS intermediate (trial_id BIGINT NOT NULL REFERENCES"
                    + " trials(id), step BIGINT NOT NULL, value DOUBLE PRECISION NOT NULL,"
                    + " PRIMARY KEY (trial_id, step))");
            s.execute(
                "CREATE TABLE IF NOT EXISTS study_attrs (study_id BIGINT NOT NULL REFERENCES"
                    + " studies(id), key TEXT NOT NULL, value TEXT NOT NULL,"
                    + " PRIMARY KEY (study_id, key))");
            s.execute(
                "CREATE TABLE IF NOT EXISTS attrs (trial_id BIGINT NOT NULL REFERENCES trials(id),"
                    + " key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (trial_id, key))");
            // one row per created trial: a retried create finds the row its lost COMMIT wrote
            s.execute(
                "CREATE TABLE IF NOT EXISTS trial_tokens (token TEXT PRIMARY KEY, trial_id BIGINT"
                    + " NOT NULL REFERENCES trials(id))");
          }
          String v = meta("schema_version");
          if (v == null) {
            try (PreparedStatement p =
                conn.prepareStatement("INSERT INTO gyrus_meta VALUES ('schema_version', ?)")) {
              p.setString(1, Integer.toString(SCHEMA_VERSION));
              p.executeUpdate();
            }
          } else if (!v.equals(Integer.toString(SCHEMA_VERSION))) {
            throw new SpecError(location, "schema version " + SCHEMA_VERSION, v);
          }
          return null;
        });
  }

  /** Fails when the database holds other tables but not a Gyrus store's. */
  void checkNotForeign() throws SQLException {
    // the tables first, then the marker: another worker creates all of a store's tables in one
    // transaction, so once its tables are counted its gyrus_meta is visible too (the other order
    // could see no marker, then that worker's fresh tables, and call the file foreign)
    int tables = tableCount();
    if (tables > 0 && !tableExists("gyrus_meta")) {
      throw new SpecError(location, "a Gyrus study database; this one holds other tables");
    }
  }

  /** Checks, without writing, that the database is a Gyrus store of this schema version. */
  void checkReadable() throws SQLException {
    checkNotForeign();
    if (!tableExists("gyrus_meta")) {
      throw new SpecError(location, "a Gyrus study database", "an empty database (no studies yet)");
    }
    String v = meta("schema_version");
    if (!Integer.toString(SCHEMA_VERSION).equals(v)) {
      throw new SpecError(location, "schema version " + SCHEMA_VERSION, String.valueOf(v));
    }
  }

  private String meta(String key) throws SQLException {
    try (PreparedStatement p =
        conn.prepareStatement("SELECT value FROM gyrus_meta WHERE key = ?")) {
      p.setString(1, key);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private boolean tableExists(String name) throws SQLException {
    try (ResultSet rs = conn.getMetaData().getTables(null, schema(), name, null)) {
      return rs.next();
    }
  }

  private int tableCount() throws SQLException {
    int n = 0;
    try (ResultSet rs = conn.getMetaData().getTables(null, schema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        n++;
      }
    }
    return n;
  }

  /** A unit of work inside a transaction. */
  protected interface Work<T> {
    T run() throws SQLException;
  }

  /** Runs {@code work} in one write transaction; on any error nothing of it is kept. */
  protected synchronized <T> T write(Work<T> work) {
    return transaction(true, work);
  }

  /**
   * As {@link #write}, in a transaction that excludes only the writers of the same rows (the rows
   * it locks; {@link #beginRowWrite}): for work whose statements lock what they change.
   */
  protected synchronized <T> T writeRows(Work<T> work) {
    return transaction(false, work);
  }

  /**
   * Runs one statement that is its own transaction (autocommit), again after a transient error: for
   * a write whose single statement locks what it changes.
   */
  protected synchronized <T> T writeOne(Work<T> work) {
    return retrying(work);
  }

  /** Starts a write transaction whose statements take row locks; by default {@link #beginWrite}. */
  protected void beginRowWrite() throws SQLException {
    beginWrite();
  }

  /** Records how long this process waited for a lock that serialises writers. */
  protected void recordLockWait(long nanos) {
    lockWaits.record(nanos);
  }

  private <T> T transaction(boolean exclusive, Work<T> work) {
    return retrying(
        () -> {
          long asked = System.nanoTime();
          if (exclusive) {
            beginWrite();
            lockWaits.record(System.nanoTime() - asked);
          } else {
            beginRowWrite();
          }
          try {
            T result = work.run();
            try (Statement s = conn.createStatement()) {
              s.execute("COMMIT");
            }
            afterCommit.run();
            return result;
          } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw e;
          }
        });
  }

  @Override
  public Optional<Latencies> writeLockWaits() {
    return Optional.of(lockWaits);
  }

  protected synchronized <T> T read(Work<T> work) {
    return retrying(work);
  }

  /**
   * A new connection after a transient failure (the session settings of the old one applied again);
   * null when this store cannot reconnect.
   */
  protected Connection reconnect() throws SQLException {
    return null;
  }

  /**
   * Runs one transaction, again after a transient error (each attempt is a whole transaction, so a
   * write is applied once), with exponential backoff and a reconnect, until {@link #retryBound}.
   */
  private <T> T retrying(Work<T> attempt) {
    long deadline = System.nanoTime() + retryBound.toNanos();
    long pauseMs = 50;
    while (true) {
      try {
        return attempt.run();
      } catch (SQLException e) {
        if (!isTransient(e) || System.nanoTime() > deadline) {
          String bound =
              isTransient(e) ? " (still failing after " + retryBound.toSeconds() + " s)" : "";
          throw new StoreException(location + ": " + e.getMessage() + bound, e);
        }
        sleep(pauseMs);
        pauseMs = Math.min(2 * pauseMs, 2000);
        tryReconnect();
      }
    }
  }

  private void tryReconnect() {
    try {
      if (conn.isValid(2)) {
        return;
      }
    } catch (SQLException e) {
      // not valid: replace it
    }
    try {
      Connection fresh = reconnect();
      if (fresh != null) {
        closeQuietly(conn);
        conn = fresh;
      }
    } catch (SQLException e) {
      // the server is still down: the next attempt fails transiently and waits again
    }
  }

  /** Connection lost, server shutting down or restarting, serialisation failure, busy database. */
  static boolean isTransient(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException q) {
        String state = q.getSQLState();
        if (state != null
            && (state.startsWith("08")
                || state.equals("57P01")
                || state.equals("57P02")
                || state.equals("57P03")
                || state.equals("40001")
                || state.equals("40P01")
                || state.equals("53300"))) {
          return true;
        }
        String m = String.valueOf(q.getMessage());
        if (m.contains("SQLITE_BUSY") || m.contains("This connection has been closed")) {
          return true;
        }
      }
    }
    return false;
  }

  private void rollbackQuietly() {
    try (Statement s = conn.createStatement()) {
      s.execute("ROLLBACK");
    } catch (SQLException ignored) {
      // a broken connection has no transaction left to roll back
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for the database", e);
    }
  }

  @Override
  public StudyInfo createStudy(
      String name, List<Direction> directions, Value space, Value algorithm, long seed) {
    return write(
        () -> {
          Optional<StudyInfo> existing = findStudy(name);
          if (existing.isPresent()) {
            return existing.get();
          }
          try (PreparedStatement p =
              insertReturningId(
                  "INSERT INTO studies (name, directions, space, algorithm, seed, created_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setString(1, name);
            p.setString(2, String.join(",", directions.stream().map(Enum::name).toList()));
            p.setString(3, SpecCodec.toCompactJson(space));
            p.setString(4, SpecCodec.toCompactJson(algorithm));
            p.setLong(5, seed);
            p.setLong(6, System.currentTimeMillis());
            p.executeUpdate();
          }
          return findStudy(name).orElseThrow();
        });
  }

  private Optional<StudyInfo> findStudy(String name) throws SQLException {
    try (PreparedStatement p = conn.prepareStatement("SELECT * FROM studies WHERE name = ?")) {
      p.setString(1, name);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(studyFrom(rs)) : Optional.empty();
      }
    }
  }

  private StudyInfo studyFrom(ResultSet rs) throws SQLException {
    List<Direction> dirs = new ArrayList<>();
    for (String d : rs.getString("directions").split(",")) {
      dirs.add(Direction.valueOf(d));
    }
    String name = rs.getString("name");
    return new StudyInfo(
        rs.getLong("id"),
        name,
        dirs,
        parse(rs.getString("space"), "study " + name + " space"),
        parse(rs.getString("algorithm"), "study " + name + " algorithm"),
        rs.getLong("seed"),
        Instant.ofEpochMilli(rs.getLong("created_ms")));
  }

  private Value parse(String json, String what) {
    try {
      return SpecCodec.fromJson(json);
    } catch (SpecError e) {
      throw new SpecError(location, "a readable " + what + " (" + e.getMessage() + ")");
    }
  }

  @Override
  public Map<String, String> initStudyAttrs(long studyId, Map<String, String> attrs) {
    return write(
        () -> {
          try (PreparedStatement p =
              conn.prepareStatement(
                  "INSERT INTO study_attrs (study_id, key, value) VALUES (?, ?, ?)"
                      + " ON CONFLICT DO NOTHING")) {
            for (Map.Entry<String, String> e : attrs.entrySet()) {
              p.setLong(1, studyId);
              p.setString(2, e.getKey());
              p.setString(3, e.getValue());
              p.executeUpdate();
            }
          }
          return readStudyAttrs(studyId);
        });
  }

  @Override
  public Map<String, String> studyAttrs(long studyId) {
    return read(() -> tableExists("study_attrs") ? readStudyAttrs(studyId) : Map.of());
  }

  private Map<String, String> readStudyAttrs(long studyId) throws SQLException {
    Map<String, String> out = new java.util.TreeMap<>();
    try (PreparedStatement p =
        conn.prepareStatement("SELECT key, value FROM study_attrs WHERE study_id = ?")) {
      p.setLong(1, studyId);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return out;
  }

  @Override
  public Optional<StudyInfo> study(String name) {
    return read(() -> findStudy(name));
  }

  @Override
  public List<StudyInfo> studies() {
    return read(
        () -> {
          List<StudyInfo> out = new ArrayList<>();
          try (Statement s = conn.createStatement();
              ResultSet rs = s.executeQuery("SELECT * FROM studies ORDER BY id")) {
            while (rs.next()) {
              out.add(studyFrom(rs));
            }
          }
          return out;
        });
  }

  /** The study's next change number (inside the caller's write). */
  protected long nextSeq(long studyId) throws SQLException {
    try (PreparedStatement p =
        conn.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM trials WHERE study_id = ?")) {
      p.setLong(1, studyId);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  protected long scalar(String sql, Object... args) throws SQLException {
    try (PreparedStatement p = conn.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Test hook: runs after each COMMIT, before the result returns (to fail the way a connection does
   * whose COMMIT reached the server but whose answer was lost).
   */
  Work<Void> afterCommit = () -> null;

  @Override
  public Optional<Trial> createTrial(long studyId, NewTrial t, int limit, boolean unique) {
    // the token makes a retried create idempotent: if an earlier attempt's COMMIT landed, its row
    // is found and returned instead of inserting a second trial
    String token = java.util.UUID.randomUUID().toString();
    boolean[] tried = {false}; // only a retry can find its own earlier row
    return write(
        () -> {
          if (tried[0]) {
            long done =
                scalar(
                    "SELECT COALESCE(MAX(trial_id), -1) FROM trial_tokens WHERE token = ?", token);
            if (done >= 0) {
              return loadTrial(done);
            }
          }
          tried[0] = true;
          // numbers are dense from 0: the trials that count are all but the FAIL ones (two index
          // seeks, where counting the others reads a large study's whole index)
          long counting =
              nextNumber(studyId)
                  - scalar(
                      "SELECT COUNT(*) FROM trials WHERE study_id = ? AND state = 'FAIL'", studyId);
          if (counting >= limit) {
            return Optional.empty();
          }
          String key = t.dna().toJson();
          if (unique
              && scalar(
                      "SELECT COUNT(*) FROM trials WHERE study_id = ? AND dna_key = ? AND state <> 'FAIL'",
                      studyId,
                      key)
                  > 0) {
            return Optional.empty();
          }
          Trial created = insertTrial(studyId, t);
          update("INSERT INTO trial_tokens (token, trial_id) VALUES (?, ?)", token, created.id());
          return Optional.of(created);
        });
  }

  /**
   * Inserts {@code t} as the study's next trial (inside the caller's write) and returns it as
   * stored, without reading it back: a new trial has no attributes or intermediate values, and its
   * stored heartbeat is on the store's clock, the returned one on ours.
   */
  /** The study's next trial number (inside the caller's write). */
  protected int nextNumber(long studyId) throws SQLException {
    return (int)
        scalar("SELECT COALESCE(MAX(number), -1) + 1 FROM trials WHERE study_id = ?", studyId);
  }

  private Trial insertTrial(long studyId, NewTrial t) throws SQLException {
    int number = nextNumber(studyId);
    String key = t.dna().toJson();
    long now = System.currentTimeMillis();
    boolean running = t.state() == TrialState.RUNNING;
    long id;
    try (PreparedStatement p =
        insertReturningId(
            "INSERT INTO trials (study_id, number, state, dna, dna_key, params, vals, seed, version, host,"
                + " start_ms, heartbeat_ms, seq) VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?,"
                + " CASE WHEN ? = 1 THEN "
                + storeNow()
                + " END, ?)")) {
      p.setLong(1, studyId);
      p.setInt(2, number);
      p.setString(3, t.state().name());
      p.setString(4, key);
      p.setString(5, key);
      p.setString(6, t.params() == null ? null : SpecCodec.toCompactJson(t.params()));
      p.setLong(7, t.seed());
      p.setString(8, t.version());
      p.setString(9, t.host());
      if (running) {
        p.setLong(10, now);
      } else {
        p.setObject(10, null);
      }
      p.setInt(11, running ? 1 : 0); // a running trial beats from now, on the store's clock
      p.setLong(12, nextSeq(studyId));
      p.executeUpdate();
      try (ResultSet rs = p.getGeneratedKeys()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    return inserted(id, number, t, running, now);
  }

  /** The trial as just inserted: {@code t}'s point, no values yet, started now when running. */
  static Trial inserted(long id, int number, NewTrial t, boolean running, long now) {
    Instant started = running ? Instant.ofEpochMilli(now) : null;
    return new Trial(
        id,
        number,
        t.state(),
        t.dna(),
        t.params(),
        List.of(),
        new TreeMap<>(),
        Map.of(),
        t.seed(),
        t.version(),
        t.host(),
        started,
        null,
        started,
        null);
  }

  @Override
  public Optional<Trial> claimWaiting(long studyId, String host) {
    // most asks find nothing waiting: a plain read says so without taking the write lock (the
    // write below checks again, so a trial enqueued in between is claimed by the next ask)
    boolean anyWaiting =
        read(
            () ->
                scalar(
                        "SELECT COUNT(*) FROM (SELECT 1 FROM trials WHERE study_id = ? AND state ="
                            + " 'WAITING' LIMIT 1) w",
                        studyId)
                    > 0);
    if (!anyWaiting) {
      return Optional.empty();
    }
    return write(
        () -> {
          long id;
          try (PreparedStatement p =
              conn.prepareStatement(
                  "SELECT id FROM trials WHERE study_id = ? AND state = 'WAITING' ORDER BY number LIMIT 1")) {
            p.setLong(1, studyId);
            try (ResultSet rs = p.executeQuery()) {
              if (!rs.next()) {
                return Optional.<Trial>empty();
              }
              id = rs.getLong(1);
            }
          }
          update(
              "UPDATE trials SET state = 'RUNNING', host = ?, start_ms = ?, heartbeat_ms = "
                  + storeNow()
                  + ", seq = ? WHERE id = ?",
              host,
              System.currentTimeMillis(),
              nextSeq(studyId),
              id);
          return loadTrial(id);
        });
  }

  protected void update(String sql, Object... args) throws SQLException {
    try (PreparedStatement p = conn.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      p.executeUpdate();
    }
  }

  /** Marks the trial changed (a new change number) inside the caller's write. */
  protected void touch(long trialId) throws SQLException {
    long study = scalar("SELECT study_id FROM trials WHERE id = ?", trialId);
    update("UPDATE trials SET seq = ? WHERE id = ?", nextSeq(study), trialId);
  }

  /**
   * The database's clock in epoch milliseconds, as SQL. Liveness is measured on this one clock that
   * every worker shares, so a worker whose own clock jumps neither looks dead nor declares live
   * workers dead.
   */
  protected String storeNow() {
    return dialect == Dialect.SQLITE
        ? "CAST((julianday('now') - 2440587.5) * 86400000.0 AS BIGINT)"
        : "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
  }

  /** Beats by the store's clock; {@code now} (the worker's) is not used for liveness. */
  @Override
  public void heartbeat(long trialId, Instant now) {
    writeRows(
        () -> {
          update(
              "UPDATE trials SET heartbeat_ms = "
                  + storeNow()
                  + " WHERE id = ? AND state = 'RUNNING'",
              trialId);
          return null;
        });
  }

  @Override
  public void reportIntermediate(long trialId, long step, double value) {
    writeRows(
        () -> {
          update(
              dialect == Dialect.SQLITE
                  ? "INSERT OR REPLACE INTO intermediate (trial_id, step, value) VALUES (?, ?, ?)"
                  : "INSERT INTO intermediate (trial_id, step, value) VALUES (?, ?, ?) ON CONFLICT (trial_id, step) DO UPDATE SET value = EXCLUDED.value",
              trialId,
              step,
              value);
          touch(trialId);
          return null;
        });
  }

  @Override
  public void setAttr(long trialId, String key, String value) {
    writeRows(
        () -> {
          update(
              dialect == Dialect.SQLITE
                  ? "INSERT OR REPLACE INTO attrs (trial_id, key, value) VALUES (?, ?, ?)"
                  : "INSERT INTO attrs (trial_id, key, value) VALUES (?, ?, ?) ON CONFLICT (trial_id, key) DO UPDATE SET value = EXCLUDED.value",
              trialId,
              key,
              value);
          touch(trialId);
          return null;
        });
  }

  @Override
  public boolean finish(
      long trialId, TrialState state, List<Double> values, String error, Instant end) {
    return write(
        () -> {
          long study = scalar("SELECT study_id FROM trials WHERE id = ?", trialId);
          try (PreparedStatement p =
              conn.prepareStatement(
                  "UPDATE trials SET state = ?, vals = ?, error = ?, end_ms = ?, seq = ? WHERE id = ? AND state IN ('RUNNING', 'WAITING')")) {
            p.setString(1, state.name());
            p.setString(2, SpecCodec.json().writeValueAsString(values));
            p.setString(3, error);
            p.setLong(4, end.toEpochMilli());
            p.setLong(5, nextSeq(study));
            p.setLong(6, trialId);
            return p.executeUpdate() == 1;
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /**
   * Stale by the store's clock, on which every heartbeat was written; {@code now} dates the end.
   */
  @Override
  public List<Trial> failStale(
      long studyId, Duration timeout, Instant now, Function<Trial, NewTrial> retry) {
    return writeRows(
        () -> {
          List<Long> ids = new ArrayList<>();
          try (PreparedStatement p =
              conn.prepareStatement(
                  "SELECT id FROM trials WHERE study_id = ? AND state = 'RUNNING' AND heartbeat_ms < "
                      + storeNow()
                      + " - ?"
                      + lockSkipping())) {
            p.setLong(1, studyId);
            p.setLong(2, timeout.toMillis());
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getLong(1));
              }
            }
          }
          List<Trial> out = new ArrayList<>();
          for (long id : ids) {
            update(
                "UPDATE trials SET state = 'FAIL', error = ?, end_ms = ?, seq = ? WHERE id = ?",
                "heartbeat lost: the process running it stopped",
                now.toEpochMilli(),
                nextSeq(studyId),
                id);
            Trial failed = loadTrial(id).orElseThrow();
            if (retry != null) {
              insertTrial(studyId, retry.apply(failed)); // in the same transaction: the slot moves
            }
            out.add(failed);
          }
          return out;
        });
  }

  /**
   * What a query that picks rows to change appends to lock them, passing over rows another writer
   * holds (nothing where the whole store is locked already).
   */
  protected String lockSkipping() {
    return "";
  }

  /**
   * The first objective of a trial's stored values, as SQL (the expression trials_best indexes).
   */
  private String firstValue() {
    return dialect == Dialect.SQLITE
        ? "json_extract(vals, '$[0]')"
        : "((vals::jsonb ->> 0)::float8)";
  }

  /** Every state but COMPLETE, quoted for an IN list (the enum's names: nothing to escape). */
  private static final String NOT_COMPLETE =
      java.util.Arrays.stream(TrialState.values())
          .filter(st -> st != TrialState.COMPLETE)
          .map(st -> "'" + st.name() + "'")
          .collect(java.util.stream.Collectors.joining(", "));

  @Override
  public Map<TrialState, Long> stateCounts(long studyId) {
    return read(
        () -> {
          // Numbers are dense from 0 (each create takes MAX + 1 in its transaction), so COMPLETE
          // is the trial count less the other states, each an index seek (trials_state): a
          // GROUP BY over every state counted each of a 1,000,000-trial study's rows (0.25 s)
          Map<TrialState, Long> counts = new java.util.EnumMap<>(TrialState.class);
          try (PreparedStatement p =
              conn.prepareStatement(
                  "SELECT state, COUNT(*) FROM trials WHERE study_id = ? AND state IN ("
                      + NOT_COMPLETE
                      + ") GROUP BY state")) {
            p.setLong(1, studyId);
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                counts.put(TrialState.valueOf(rs.getString(1)), rs.getLong(2));
              }
            }
          }
          long others = counts.values().stream().mapToLong(Long::longValue).sum();
          long complete =
              scalar("SELECT COALESCE(MAX(number), -1) + 1 FROM trials WHERE study_id = ?", studyId)
                  - others;
          if (complete > 0) {
            counts.put(TrialState.COMPLETE, complete);
          }
          return counts;
        });
  }

  @Override
  public long countStale(long studyId, Duration timeout) {
    return read(
        () ->
            scalar(
                "SELECT COUNT(*) FROM trials WHERE study_id = ? AND state = 'RUNNING' AND"
                    + " heartbeat_ms < "
                    + storeNow()
                    + " - ?",
                studyId,
                timeout.toMillis()));
  }

  /** Two index seeks: the best value, then the first trial that has it. */
  @Override
  public Optional<Trial> bestByFirstObjective(long studyId, Direction direction) {
    String complete = " FROM trials WHERE study_id = ? AND state = 'COMPLETE' AND vals <> '[]'";
    String agg = direction == Direction.MINIMIZE ? "MIN" : "MAX";
    return read(
        () -> {
          Double best;
          try (PreparedStatement p =
              conn.prepareStatement("SELECT " + agg + "(" + firstValue() + ")" + complete)) {
            p.setLong(1, studyId);
            try (ResultSet rs = p.executeQuery()) {
              rs.next();
              double v = rs.getDouble(1);
              best = rs.wasNull() ? null : v;
            }
          }
          if (best == null) {
            return Optional.<Trial>empty();
          }
          try (PreparedStatement p =
              conn.prepareStatement(
                  "SELECT id"
                      + complete
                      + " AND "
                      + firstValue()
                      + " = ? ORDER BY number LIMIT 1")) {
            p.setLong(1, studyId);
            p.setDouble(2, best);
            try (ResultSet rs = p.executeQuery()) {
              return rs.next() ? loadTrial(rs.getLong(1)) : Optional.<Trial>empty();
            }
          }
        });
  }

  @Override
  public List<Trial> trials(long studyId) {
    return trialsChangedSince(studyId, -1);
  }

  @Override
  public List<Trial> trialsBetween(long studyId, int from, int to) {
    return read(
        () -> loadTrials("t.study_id = ? AND t.number >= ? AND t.number < ?", studyId, from, to));
  }

  @Override
  public int trialCount(long studyId) {
    return read(
        () ->
            (int)
                scalar(
                    "SELECT COALESCE(MAX(number), -1) + 1 FROM trials WHERE study_id = ?",
                    studyId));
  }

  /** One walk down the trials_best index. */
  @Override
  public List<Integer> bestNumbers(long studyId, Direction direction, int k) {
    // the index runs (value, number) upward: read it forward to minimise, backward to maximise
    String order = direction == Direction.MINIMIZE ? " ASC" : " DESC";
    return read(
        () -> {
          List<Integer> out = new ArrayList<>();
          try (PreparedStatement p =
              conn.prepareStatement(
                  "SELECT number FROM trials WHERE study_id = ? AND state = 'COMPLETE' AND "
                      + firstValue()
                      + " IS NOT NULL ORDER BY "
                      + firstValue()
                      + order
                      + ", number"
                      + order
                      + " LIMIT ?")) {
            p.setLong(1, studyId);
            p.setInt(2, k);
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getInt(1));
              }
            }
          }
          return out;
        });
  }

  @Override
  public List<Trial> trialsByNumber(long studyId, java.util.Collection<Integer> numbers) {
    if (numbers.isEmpty()) {
      return List.of();
    }
    StringBuilder in = new StringBuilder();
    for (int n : new java.util.TreeSet<>(numbers)) {
      in.append(in.length() == 0 ? "" : ",").append(n); // whole numbers: no quoting to get wrong
    }
    return read(() -> loadTrials("t.study_id = ? AND t.number IN (" + in + ")", studyId));
  }

  @Override
  public List<Trial> trialsChangedSince(long studyId, long version) {
    return read(() -> loadTrials("t.study_id = ? AND t.seq > ?", studyId, version));
  }

  @Override
  public Changes changesSince(long studyId, long version) {
    return read(
        () -> {
          Loaded l = loadTogether("t.study_id = ? AND t.seq > ?", false, studyId, version);
          return new Changes(l.trials(), Math.max(version, l.maxSeq()));
        });
  }

  @Override
  public long version(long studyId) {
    return read(
        () -> scalar("SELECT COALESCE(MAX(seq), 0) FROM trials WHERE study_id = ?", studyId));
  }

  @Override
  public Optional<Trial> trial(long trialId) {
    return read(() -> loadTrial(trialId));
  }

  protected Optional<Trial> loadTrial(long id) throws SQLException {
    List<Trial> l = loadTogether("t.id = ?", true, id).trials();
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  /** Trials read, and the largest change number among them (-1 for none). */
  private record Loaded(List<Trial> trials, long maxSeq) {}

  /**
   * Columns that bring each trial's attributes ({@code attrs_json}: one JSON object) and
   * intermediate values ({@code inter_json}: an array of [step, value]) along with its row, so a
   * read of a few trials is one statement; null where the dialect reads them apart.
   */
  protected String childColumns() {
    return null;
  }

  /**
   * A statement run for every trial whose plan does not depend on its values (equalities on keys
   * only): where the dialect can, the server plans it once and keeps the plan.
   */
  protected PreparedStatement prepareKeyed(String sql) throws SQLException {
    return conn.prepareStatement(sql);
  }

  /**
   * A read of a few trials (one, or the changes since a worker's last look) in one statement where
   * the dialect can: each trial's children come from two index probes, cheaper than the three
   * statements of {@link #loadTrials} for a few rows, dearer for a whole study.
   */
  private Loaded loadTogether(String where, boolean keyed, Object... args) throws SQLException {
    String children = childColumns();
    if (children == null) {
      return loadApart(where, args);
    }
    List<Trial> out = new ArrayList<>();
    long maxSeq = -1;
    String sql = "SELECT t.*" + children + " FROM trials t WHERE " + where + " ORDER BY t.number";
    try (PreparedStatement p = keyed ? prepareKeyed(sql) : conn.prepareStatement(sql)) {
      bind(p, args);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(trialWithChildren(rs));
          maxSeq = Math.max(maxSeq, rs.getLong("seq"));
        }
      }
    }
    return new Loaded(out, maxSeq);
  }

  /** A row of trials with the {@link #childColumns} after its own. */
  Trial trialWithChildren(ResultSet rs) throws SQLException {
    String attrs = rs.getString("attrs_json");
    String inter = rs.getString("inter_json");
    return trialRow(
        rs,
        inter == null ? new TreeMap<>() : StoredValues.readSteps(inter),
        attrs == null ? Map.of() : StoredValues.readStrings(attrs));
  }

  private List<Trial> loadTrials(String where, Object... args) throws SQLException {
    return loadApart(where, args).trials();
  }

  private Loaded loadApart(String where, Object... args) throws SQLException {
    Map<Long, TreeMap<Long, Double>> inter = new HashMap<>();
    try (PreparedStatement p =
        conn.prepareStatement(
            "SELECT i.trial_id, i.step, i.value FROM intermediate i JOIN trials t ON t.id = i.trial_id WHERE "
                + where)) {
      bind(p, args);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          inter
              .computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
              .put(rs.getLong(2), rs.getDouble(3));
        }
      }
    }
    Map<Long, Map<String, String>> attrs = new HashMap<>();
    try (PreparedStatement p =
        conn.prepareStatement(
            "SELECT a.trial_id, a.key, a.value FROM attrs a JOIN trials t ON t.id = a.trial_id WHERE "
                + where)) {
      bind(p, args);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          attrs
              .computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
              .put(rs.getString(2), rs.getString(3));
        }
      }
    }
    List<Trial> out = new ArrayList<>();
    long maxSeq = -1;
    try (PreparedStatement p =
        conn.prepareStatement("SELECT * FROM trials t WHERE " + where + " ORDER BY t.number")) {
      bind(p, args);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong("id");
          out.add(
              trialRow(
                  rs, inter.getOrDefault(id, new TreeMap<>()), attrs.getOrDefault(id, Map.of())));
          maxSeq = Math.max(maxSeq, rs.getLong("seq"));
        }
      }
    }
    return new Loaded(out, maxSeq);
  }

  private Trial trialRow(ResultSet rs, TreeMap<Long, Double> inter, Map<String, String> attrs)
      throws SQLException {
    String params = rs.getString("params");
    return new Trial(
        rs.getLong("id"),
        rs.getInt("number"),
        TrialState.valueOf(rs.getString("state")),
        Dna.fromJson(rs.getString("dna")),
        params == null ? null : parse(params, "trial params"),
        StoredValues.read(rs.getString("vals")),
        inter,
        attrs,
        rs.getLong("seed"),
        rs.getString("version"),
        rs.getString("host"),
        instant(rs, "start_ms"),
        instant(rs, "end_ms"),
        instant(rs, "heartbeat_ms"),
        rs.getString("error"));
  }

  private static void bind(PreparedStatement p, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      p.setObject(i + 1, args[i]);
    }
  }

  private static Instant instant(ResultSet rs, String col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  @Override
  public synchronized void close() {
    try {
      conn.close();
    } catch (SQLException e) {
      throw new StoreException(location + ": " + e.getMessage(), e);
    }
  }
}
