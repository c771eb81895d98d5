package org.gyrus.search.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.gyrus.core.SpecError;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Studies in one SQLite file (WAL mode), safe to share between local processes: every write is a
 * {@code BEGIN IMMEDIATE} transaction, so two processes never take the same trial number or the
 * same waiting trial, and a process killed mid-write leaves the file as it was before.
 */
public final class SqliteTrialStore extends JdbcTrialStore {

  private SqliteTrialStore(Connection c, String location) {
    super(c, location, Dialect.SQLITE);
  }

  /** Artifacts live beside the database file: {@code FILE.artifacts/STUDY/trial-N/}. */
  @Override
  public java.util.Optional<Path> artifactRoot() {
    String file = location().substring("sqlite:".length());
    return java.util.Optional.of(Path.of(file + ".artifacts").toAbsolutePath());
  }

  /**
   * Opens (creating the file if needed) a store at {@code file}; a bad file fails with a clear
   * message. The directory must exist: a mistyped path is an error, not a new directory tree.
   */
  public static SqliteTrialStore open(Path file) {
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new SpecError(
          file.toString(),
          "an existing directory for the study database",
          "no directory " + dir + " (create it first)");
    }
    if (Files.exists(abs) && !Files.isRegularFile(abs)) {
      throw new SpecError(file.toString(), "a database file", "a directory or special file");
    }
    boolean existed = Files.exists(abs);
    if (existed && !Files.isWritable(abs)) {
      throw new SpecError(
          file.toString(),
          "a writable study database to run trials in",
          "a read-only file or file system (study list, show, export and the dashboard read it"
              + " as it is)");
    }
    if (!existed && abs.getParent() != null && !Files.isWritable(abs.getParent())) {
      throw new SpecError(file.toString(), "a writable directory for a new study database");
    }
    Connection c = null;
    try {
      c = connect("jdbc:sqlite:" + abs, new Properties());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = 30000");
        if (existed) {
          checkIntegrity(s, file, abs);
          // refuse a foreign file before anything (journal mode, tables) changes it
          new SqliteTrialStore(c, "sqlite:" + file).checkNotForeign();
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

  /**
   * Opens an existing store without writing to it: the file is opened read-only (no journal-mode
   * switch, no migration, nothing created), and a missing, foreign or unreadable file fails with a
   * clear message. A WAL-mode file whose shared-memory file cannot be created (a read-only file in
   * a directory this user cannot write) is opened {@code immutable}, which reads the main file
   * only; it is refused when it still has a write-ahead log, whose trials that would miss.
   */
  public static SqliteTrialStore openReadOnly(Path file) {
    Path abs = file.toAbsolutePath();
    if (!Files.exists(abs)) {
      throw new SpecError(file.toString(), "an existing study database", "no file there");
    }
    if (!Files.isRegularFile(abs)) {
      throw new SpecError(file.toString(), "a database file", "a directory or special file");
    }
    if (!Files.isReadable(abs)) {
      throw new SpecError(file.toString(), "a readable study database", "no read permission");
    }
    try {
      try {
        return openReadOnly(file, abs, false);
      } catch (SQLException e) {
        Path dir = abs.getParent();
        if (Files.isWritable(abs) || (dir != null && Files.isWritable(dir))) {
          throw e;
        }
        Path wal = Path.of(abs + "-wal");
        if (Files.exists(wal) && Files.size(wal) > 0) {
          throw new SpecError(
              file.toString(),
              "a study database readable without write access",
              "a write-ahead log (" + wal.getFileName() + ") only a writer can replay");
        }
        return openReadOnly(file, abs, true);
      }
    } catch (SQLException | java.io.IOException e) {
      throw new SpecError(file.toString(), "a Gyrus study database (SQLite): " + e.getMessage());
    }
  }

  private static SqliteTrialStore openReadOnly(Path file, Path abs, boolean immutable)
      throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setOpenMode(SQLiteOpenMode.OPEN_URI);
    String uri = "file:" + uriPath(abs) + (immutable ? "?immutable=1" : "?mode=ro");
    Connection c = null;
    try {
      c = connect("jdbc:sqlite:" + uri, config.toProperties());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = 30000");
        checkIntegrity(s, file, abs);
        s.execute("PRAGMA query_only = 1");
      }
      SqliteTrialStore store = new SqliteTrialStore(c, "sqlite:" + file);
      store.checkReadable();
      return store;
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /**
   * A connection from the SQLite driver itself. DriverManager would first load every JDBC driver on
   * the class path (PostgreSQL's sets up java.util.logging), and the driver's native library comes
   * from the per-user cache ({@link SqliteNative}): both are start-up cost of every short command.
   */
  private static Connection connect(String url, Properties props) throws SQLException {
    SqliteNative.prepare();
    return org.sqlite.JDBC.createConnection(url, props);
  }

  /** The path percent-encoded for a {@code file:} URI ('?', '#' and '%' are legal in names). */
  private static String uriPath(Path abs) {
    StringBuilder sb = new StringBuilder();
    for (byte b : abs.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int ch = b & 0xff;
      if (ch >= 0x80 || ch == '?' || ch == '#' || ch == '%' || ch <= 0x20) {
        sb.append('%').append(String.format("%02X", ch));
      } else {
        sb.append((char) ch);
      }
    }
    return sb.toString();
  }

  /**
   * Files up to this size (system property {@code gyrus.sqlite.full_check_bytes}, default 64 MiB)
   * get SQLite's whole-file {@code quick_check} on every open; it reads every page, about a second
   * per 500 MB, so a larger file gets {@link #checkIntegrity bounded checks} instead.
   */
  static long fullCheckBytes() {
    return Long.getLong("gyrus.sqlite.full_check_bytes", 64L << 20);
  }

  /**
   * Refuses a damaged file before anything reads or writes it. A file up to {@link #fullCheckBytes}
   * is checked whole. A larger one (a study of millions of trials) is checked in time independent
   * of its trials: its schema and small tables (studies, their attributes, the store's marker),
   * and, with no write-ahead log pending, that the file is as long as its header says (a truncated
   * copy); a damaged trial page of such a file is reported when a command reads it.
   */
  private static void checkIntegrity(Statement s, Path file, Path abs) throws SQLException {
    long size;
    try {
      size = Files.size(abs);
    } catch (java.io.IOException e) {
      throw new SpecError(file.toString(), "a readable study database: " + e.getMessage());
    }
    if (size <= fullCheckBytes()) {
      expectOk(s, "PRAGMA quick_check", file);
      return;
    }
    List<String> small = new java.util.ArrayList<>();
    try (ResultSet rs =
        s.executeQuery(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
                + " AND name IN ('gyrus_meta', 'studies', 'study_attrs')")) {
      while (rs.next()) {
        small.add(rs.getString(1));
      }
    }
    for (String table : small) {
      expectOk(s, "PRAGMA quick_check(" + table + ")", file);
    }
    long pages = longPragma(s, "page_count");
    long pageSize = longPragma(s, "page_size");
    Path wal = Path.of(abs + "-wal");
    boolean walPending;
    try {
      walPending = Files.exists(wal) && Files.size(wal) > 0;
    } catch (java.io.IOException e) {
      walPending = true; // cannot tell: the pages may live in the log, skip the length check
    }
    if (!walPending && pages * pageSize > size) {
      throw new SpecError(
          file.toString(),
          "an intact SQLite database",
          "a truncated file: " + size + " bytes, its header says " + pages * pageSize);
    }
  }

  private static void expectOk(Statement s, String pragma, Path file) throws SQLException {
    try (ResultSet rs = s.executeQuery(pragma)) {
      String result = rs.next() ? rs.getString(1) : "no answer";
      if (!"ok".equals(result)) {
        throw new SpecError(
            file.toString(), "an intact SQLite database; integrity check says: " + result);
      }
    }
  }

  private static long longPragma(Statement s, String name) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      return rs.next() ? rs.getLong(1) : 0;
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
