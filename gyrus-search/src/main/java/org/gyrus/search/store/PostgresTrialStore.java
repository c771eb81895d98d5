package org.gyrus.search.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.search.Direction;
import org.gyrus.search.StudyInfo;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;

/**
 * Studies in a PostgreSQL database, shared by worker processes on any number of machines. The
 * frequent writes (create, claim, finish a trial) lock rows, not the store: each study has a
 * counter row ({@code study_counters}: its next trial number and change number) that every write
 * changing the study's trials updates last, so a study's writers queue only for that one row and
 * only for the length of one statement; a waiting trial is claimed with {@code FOR NO KEY UPDATE
 * SKIP LOCKED}, so claimers pass over each other. Two workers never take the same trial number or
 * the same waiting trial, change numbers follow commit order (a reader that has seen change n has
 * seen every change before it), and a worker that dies mid-write leaves nothing behind (the server
 * rolls its transaction back). Rare writes (tables, studies, attributes) still take a
 * transaction-scoped advisory lock. Locks are taken in one order: trial rows, then the counter.
 *
 * <p>URL: {@code postgresql://[user[:password]@]host[:port]/database[?param=value&...]}; the
 * password may also come from {@code PGPASSWORD}; parameters go to the JDBC driver (e.g. {@code
 * currentSchema=gyrus} keeps the tables in their own schema of a shared database).
 */
public final class PostgresTrialStore extends JdbcTrialStore {
  /** Advisory lock key shared by every Gyrus writer ("gyrus" in ASCII). */
  static final long WRITE_LOCK = 0x6779727573L;

  private final Target target;
  private final boolean readOnly;
  private final PgClaims claims = new PgClaims(this);

  private PostgresTrialStore(Connection c, Target target, boolean readOnly) {
    super(c, target.display(), Dialect.POSTGRES);
    this.target = target;
    this.readOnly = readOnly;
  }

  private static Connection connect(Target t, boolean readOnly) throws SQLException {
    // the driver itself, not DriverManager, which would first load every JDBC driver on the class
    // path (a service lookup that opens every jar): start-up cost of each short command
    Connection c = new org.postgresql.Driver().connect(t.jdbcUrl(), t.properties());
    if (c == null) {
      throw new SQLException("not a PostgreSQL URL: " + t.jdbcUrl());
    }
    if (readOnly) {
      try (Statement s = c.createStatement()) {
        s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
      } catch (SQLException e) {
        closeQuietly(c);
        throw e;
      }
    }
    return c;
  }

  /**
   * Artifacts of a shared study go where every worker can reach them: {@code $GYRUS_ARTIFACTS} (a
   * shared directory); without it the study keeps none.
   */
  @Override
  public java.util.Optional<java.nio.file.Path> artifactRoot() {
    String dir = System.getenv("GYRUS_ARTIFACTS");
    return dir == null || dir.isBlank()
        ? java.util.Optional.empty()
        : java.util.Optional.of(java.nio.file.Path.of(dir).toAbsolutePath());
  }

  /**
   * Connects a writer, waiting out a server that is restarting or not accepting connections yet for
   * up to {@code GYRUS_DB_CONNECT_SECONDS} (default 10), so a worker started during a restart does
   * not fail, while a wrong address is still reported within seconds.
   */
  private static Connection connectPatiently(Target t, boolean readOnly) throws SQLException {
    String v = System.getenv("GYRUS_DB_CONNECT_SECONDS");
    long seconds;
    try {
      seconds = v == null ? 10 : Math.max(0, Long.parseLong(v.trim()));
    } catch (NumberFormatException e) {
      throw new SpecError("GYRUS_DB_CONNECT_SECONDS", "a whole number of seconds", "'" + v + "'");
    }
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    long pauseMs = 100;
    while (true) {
      try {
        return connect(t, readOnly);
      } catch (SQLException e) {
        if (!isTransient(e) || System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(pauseMs);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
        pauseMs = Math.min(2 * pauseMs, 2000);
      }
    }
  }

  /** After a dropped connection or a server restart: the same session, connected again. */
  @Override
  protected Connection reconnect() throws SQLException {
    return connect(target, readOnly);
  }

  /** Connects and creates (or checks) the tables; a bad URL or an unreachable server fails. */
  public static PostgresTrialStore open(String url) {
    Target t = Target.parse(url);
    Connection c = null;
    try {
      c = connectPatiently(t, false);
      PostgresTrialStore store = new PostgresTrialStore(c, t, false);
      store.migrate(true);
      return store;
    } catch (SQLException e) {
      closeQuietly(c);
      throw new SpecError(t.display(), "a reachable PostgreSQL database: " + e.getMessage());
    } catch (RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /** Connects read-only (every transaction READ ONLY) and checks the tables without creating. */
  public static PostgresTrialStore openReadOnly(String url) {
    Target t = Target.parse(url);
    Connection c = null;
    try {
      c = connect(t, true); // a reader is told at once that the server is not there
      PostgresTrialStore store = new PostgresTrialStore(c, t, true);
      store.checkReadable();
      return store;
    } catch (SQLException e) {
      closeQuietly(c);
      throw new SpecError(t.display(), "a reachable PostgreSQL database: " + e.getMessage());
    } catch (RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  @Override
  protected void beginWrite() throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute("BEGIN");
      s.execute("SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")");
    }
  }

  @Override
  protected void beginRowWrite() throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute("BEGIN");
    }
  }

  @Override
  protected String lockSkipping() {
    return " FOR NO KEY UPDATE SKIP LOCKED";
  }

  @Override
  void migrate(boolean existed) throws SQLException {
    super.migrate(existed);
    write(
        () -> {
          try (Statement s = conn.createStatement()) {
            s.execute(
                "CREATE TABLE IF NOT EXISTS study_counters (study_id BIGINT PRIMARY KEY REFERENCES"
                    + " studies(id), next_number INTEGER NOT NULL, seq BIGINT NOT NULL)");
            // studies stored before the counters existed (their values catch up on first use)
            s.execute(
                "INSERT INTO study_counters SELECT id, 0, 0 FROM studies ON CONFLICT DO NOTHING");
          }
          return null;
        });
  }

  @Override
  public StudyInfo createStudy(
      String name, List<Direction> directions, Value space, Value algorithm, long seed) {
    StudyInfo info = super.createStudy(name, directions, space, algorithm, seed);
    writeRows(
        () -> {
          update("INSERT INTO study_counters VALUES (?, 0, 0) ON CONFLICT DO NOTHING", info.id());
          return null;
        });
    return info;
  }

  @Override
  public Optional<Trial> createTrial(long studyId, NewTrial t, int limit, boolean unique) {
    return claims.create(studyId, t, limit, unique);
  }

  @Override
  public Optional<Trial> claimWaiting(long studyId, String host) {
    return claims.claimWaiting(studyId, host);
  }

  @Override
  public boolean finish(
      long trialId, TrialState state, List<Double> values, String error, Instant end) {
    return claims.finish(trialId, state, values, error, end);
  }

  @Override
  public Optional<Trial> finishAndRead(
      long trialId, TrialState state, List<Double> values, String error, Instant end) {
    return claims.finishAndRead(trialId, state, values, error, end);
  }

  @Override
  protected PreparedStatement prepareKeyed(String sql) throws SQLException {
    PreparedStatement p = conn.prepareStatement(sql);
    p.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(1);
    return p;
  }

  @Override
  protected String childColumns() {
    return ", (SELECT json_object_agg(a.key, a.value) FROM attrs a WHERE a.trial_id = t.id) AS"
        + " attrs_json, (SELECT json_agg(json_build_array(i.step, i.value)) FROM intermediate i"
        + " WHERE i.trial_id = t.id) AS inter_json";
  }

  @Override
  protected long nextSeq(long studyId) throws SQLException {
    return scalar(
        "UPDATE study_counters SET seq = "
            + PgClaims.NEXT_SEQ
            + " WHERE study_id = ? RETURNING seq",
        studyId,
        studyId);
  }

  @Override
  protected int nextNumber(long studyId) throws SQLException {
    return (int)
        scalar(
            "UPDATE study_counters SET next_number = "
                + PgClaims.NEXT_NUMBER
                + " WHERE study_id = ? RETURNING next_number - 1",
            studyId,
            studyId);
  }

  @Override
  protected void touch(long trialId) throws SQLException {
    PgClaims.touch(this, trialId);
  }

  @Override
  protected PreparedStatement insertReturningId(String sql) throws SQLException {
    return conn.prepareStatement(sql, new String[] {"id"});
  }

  @Override
  protected String schema() throws SQLException {
    return conn.getSchema();
  }

  /** A parsed store URL: what the driver needs, and a form without the password for messages. */
  record Target(String jdbcUrl, Properties properties, String display) {
    static Target parse(String url) {
      String expected = "postgresql://[user[:password]@]host[:port]/database[?param=value&...]";
      URI u;
      try {
        u = new URI(url.startsWith("postgres://") ? "postgresql" + url.substring(8) : url);
      } catch (URISyntaxException e) {
        throw new SpecError("--storage", expected, "'" + TrialStores.redact(url) + "'");
      }
      String db = u.getPath() == null ? "" : u.getPath().replaceFirst("^/", "");
      if (!"postgresql".equals(u.getScheme()) || u.getHost() == null || db.isEmpty()) {
        throw new SpecError("--storage", expected, "'" + TrialStores.redact(url) + "'");
      }
      Properties p = new Properties();
      String user = null;
      if (u.getRawUserInfo() != null) {
        String[] up = u.getRawUserInfo().split(":", 2);
        user = decode(up[0]);
        p.setProperty("user", user);
        if (up.length == 2) {
          p.setProperty("password", decode(up[1]));
        }
      }
      String envPassword = System.getenv("PGPASSWORD");
      if (!p.containsKey("password") && envPassword != null) {
        p.setProperty("password", envPassword);
      }
      p.setProperty("connectTimeout", "10");
      // Every statement is planned for its values (the driver keeps no server-side statement), as a
      // generic plan cannot see that "seq > ?" asks for the last few changes and scans every trial
      // of a large study (156 ms at 200,000 trials, on each ask); only the per-trial writes, whose
      // plans are key lookups, keep theirs (prepareKeyed): planning was 45% of their server time.
      p.setProperty("prepareThreshold", "0");
      p.setProperty("ApplicationName", "gyrus");
      String hostPort = u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
      String query = u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
      String display =
          TrialStores.redact(
              "postgresql://" + (user == null ? "" : user + "@") + hostPort + "/" + db + query);
      return new Target("jdbc:postgresql://" + hostPort + "/" + db + query, p, display);
    }

    private static String decode(String s) {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
  }
}
