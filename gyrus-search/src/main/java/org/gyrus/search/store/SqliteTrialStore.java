package org.gyrus.search.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.gyrus.core.SpecError;

/**
 * Studies in one SQLite file (WAL mode), safe to share between local processes: every write is a
 * {@code BEGIN IMMEDIATE} transaction, so two processes never take the same trial number or the
 * same waiting trial, and a process killed mid-write leaves the file as it was before.
 */
public final class SqliteTrialStore extends JdbcTrialStore {

  private SqliteTrialStore(Connection c, String location) {
    super(c, location, Dialect.SQLITE);
  }

  /** Opens (creating if needed) a store at {@code file}; a bad file fails with a clear message. */
  public static SqliteTrialStore open(Path file) {
    Path abs = file.toAbsolutePath();
    try {
      Path dir = abs.getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
    } catch (Exception e) {
      throw new SpecError(
          file.toString(), "a writable location for the study database: " + e.getMessage());
    }
    if (Files.exists(abs) && !Files.isRegularFile(abs)) {
      throw new SpecError(file.toString(), "a database file", "a directory or special file");
    }
    boolean existed = Files.exists(abs);
    if (!existed && abs.getParent() != null && !Files.isWritable(abs.getParent())) {
      throw new SpecError(file.toString(), "a writable directory for a new study database");
    }
    Connection c = null;
    try {
      c = DriverManager.getConnection("jdbc:sqlite:" + abs);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = 30000");
        if (existed) {
          checkIntegrity(s, file);
        }
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
        s.execute("PRAGMA foreign_keys = ON");
      }
      SqliteTrialStore store = new SqliteTrialStore(c, "sqlite:" + file);
      store.migrate(existed);
      return store;
    } catch (SQLException e) {
      closeQuietly(c);
      throw new SpecError(file.toString(), "a Gyrus study database (SQLite): " + e.getMessage());
    } catch (SpecError e) {
      closeQuietly(c);
      throw e;
    }
  }

  private static void checkIntegrity(Statement s, Path file) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
      String result = rs.next() ? rs.getString(1) : "no answer";
      if (!"ok".equals(result)) {
        throw new SpecError(
            file.toString(), "an intact SQLite database; integrity check says: " + result);
      }
    }
  }

  @Override
  protected void beginWrite() throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
    }
  }

  @Override
  protected PreparedStatement insertReturningId(String sql) throws SQLException {
    return conn.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
  }
}
