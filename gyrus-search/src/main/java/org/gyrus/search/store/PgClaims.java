package org.gyrus.search.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gyrus.core.SpecCodec;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;
import org.gyrus.search.TrialStore.NewTrial;

/**
 * PostgreSQL's row-locked trial writes: each is one statement in one round trip (or, for a create
 * that must not repeat a point, a lock on the study's counter row and then one statement, sent
 * together), so the counter row is held for the time the server needs to run it, never across a
 * round trip to a busy worker.
 *
 * <p>The counter's values are never trusted alone: the next number and change number are the larger
 * of the counter's and the trials' own (one index seek each), so a store whose trials were written
 * by SQL, or by a Gyrus that kept no counters, carries on where its trials end. The number of
 * trials that count toward a target is the next number less the FAIL trials seen: a FAIL never
 * turns back, so a reader that missed a fresh one only overcounts, and a target is never exceeded.
 */
final class PgClaims {
  /** The counter's next change number (one parameter: the study id). */
  static final String NEXT_SEQ =
      "GREATEST(study_counters.seq, (SELECT COALESCE(MAX(seq), 0) FROM trials WHERE study_id = ?))"
          + " + 1";

  /** The counter's next trial number, plus one (one parameter: the study id). */
  static final String NEXT_NUMBER =
      "GREATEST(study_counters.next_number, (SELECT COALESCE(MAX(number), -1) + 1 FROM trials"
          + " WHERE study_id = ?)) + 1";

  private final PostgresTrialStore store;

  PgClaims(PostgresTrialStore store) {
    this.store = store;
  }

  /**
   * Counts, numbers and inserts in one statement and one round trip. With {@code unique} a first
   * statement locks the counter row and the insert follows it in the same message: both run as one
   * implicit transaction, and the insert, under its own snapshot taken after the lock, sees every
   * trial created before it when it checks for the same point.
   */
  Optional<Trial> create(long studyId, NewTrial t, int limit, boolean unique) {
    // the token makes a retried create idempotent: if an earlier attempt's COMMIT landed, its row
    // is found and returned instead of inserting a second trial
    String token = java.util.UUID.randomUUID().toString();
    boolean[] tried = {false}; // only a retry can find its own earlier row
    return store.writeOne(
        () -> {
          if (tried[0]) {
            long done =
                store.scalar(
                    "SELECT COALESCE(MAX(trial_id), -1) FROM trial_tokens WHERE token = ?", token);
            if (done >= 0) {
              return store.loadTrial(done);
            }
          }
          tried[0] = true;
          return insert(studyId, t, limit, unique, token);
        });
  }

  /** The counter row locked; its one row is the server's nanoseconds of waiting for the lock. */
  private static final String LOCK_COUNTER =
      "WITH l AS (SELECT study_id FROM study_counters WHERE study_id = ? FOR NO KEY UPDATE) SELECT"
          + " (EXTRACT(EPOCH FROM clock_timestamp() - statement_timestamp()) * 1e9)::bigint FROM l;"
          + " ";

  private Optional<Trial> insert(long studyId, NewTrial t, int limit, boolean unique, String token)
      throws SQLException {
    String key = t.dna().toJson();
    boolean running = t.state() == TrialState.RUNNING;
    long now = System.currentTimeMillis();
    String sql =
        (unique ? LOCK_COUNTER : "")
            + "WITH c AS (UPDATE study_counters SET next_number = "
            + NEXT_NUMBER
            + ", seq = "
            + NEXT_SEQ
            + " WHERE study_id = ? AND GREATEST(next_number, (SELECT COALESCE(MAX(number), -1) + 1"
            + " FROM trials WHERE study_id = ?)) - (SELECT COUNT(*) FROM trials WHERE study_id = ?"
            + " AND state = 'FAIL') < ?"
            + (unique
                ? " AND NOT EXISTS (SELECT 1 FROM trials WHERE study_id = ? AND dna_key = ? AND"
                    + " state <> 'FAIL')"
                : "")
            + " RETURNING next_number - 1 AS number, seq),"
            + " t AS (INSERT INTO trials (study_id, number, state, dna, dna_key, params, vals, seed,"
            + " version, host, start_ms, heartbeat_ms, seq) SELECT ?, c.number, ?, ?, ?, ?, '[]',"
            + " ?, ?, ?, ?, CASE WHEN ? THEN "
            + store.storeNow()
            + " END, c.seq FROM c RETURNING id, number),"
            + " k AS (INSERT INTO trial_tokens (token, trial_id) SELECT ?, id FROM t)"
            + " SELECT id, number FROM t";
    try (PreparedStatement p = store.prepareKeyed(sql)) {
      int i = 0;
      if (unique) {
        p.setLong(++i, studyId);
      }
      for (int n = 0; n < 5; n++) {
        p.setLong(++i, studyId); // NEXT_NUMBER, NEXT_SEQ, the counter, the count, the FAILs
      }
      p.setLong(++i, limit);
      if (unique) {
        p.setLong(++i, studyId);
        p.setString(++i, key);
      }
      p.setLong(++i, studyId);
      p.setString(++i, t.state().name());
      p.setString(++i, key);
      p.setString(++i, key);
      p.setString(++i, t.params() == null ? null : SpecCodec.toCompactJson(t.params()));
      p.setLong(++i, t.seed());
      p.setString(++i, t.version());
      p.setString(++i, t.host());
      p.setObject(++i, running ? now : null, java.sql.Types.BIGINT);
      p.setBoolean(++i, running); // a running trial beats from now, on the store's clock
      p.setString(++i, token);
      p.execute();
      if (unique) {
        try (ResultSet lock = p.getResultSet()) {
          store.recordLockWait(lock.next() ? Math.max(0, lock.getLong(1)) : 0);
        }
        p.getMoreResults();
      }
      try (ResultSet rs = p.getResultSet()) {
        if (!rs.next()) {
          return Optional.empty(); // the target is reached, or the point is taken
        }
        return Optional.of(JdbcTrialStore.inserted(rs.getLong(1), rs.getInt(2), t, running, now));
      }
    }
  }

  /** Locks the trial row (if it is still in {@code states}), then the counter: its next change. */
  private static String lockThenCount(String states) {
    return "WITH x AS (SELECT id, study_id FROM trials WHERE id = ?"
        + states
        + " FOR NO KEY UPDATE), c AS (UPDATE study_counters SET seq = GREATEST(study_counters.seq,"
        + " (SELECT COALESCE(MAX(seq), 0) FROM trials WHERE study_id = (SELECT study_id FROM x)))"
        + " + 1 FROM x WHERE study_counters.study_id = x.study_id RETURNING study_counters.seq) ";
  }

  /**
   * The oldest WAITING trial nobody else is taking, made RUNNING; the probe before it is a plain
   * read, since most asks find nothing waiting.
   */
  Optional<Trial> claimWaiting(long studyId, String host) {
    boolean anyWaiting =
        store.read(
            () ->
                store.scalar(
                        "SELECT COUNT(*) FROM (SELECT 1 FROM trials WHERE study_id = ? AND state ="
                            + " 'WAITING' LIMIT 1) w",
                        studyId)
                    > 0);
    if (!anyWaiting) {
      return Optional.empty();
    }
    return store.writeOne(
        () -> {
          long id;
          try (PreparedStatement p =
              store.prepareKeyed(
                  "WITH x AS (SELECT id, study_id FROM trials WHERE study_id = ? AND state ="
                      + " 'WAITING' ORDER BY number LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED), c AS"
                      + " (UPDATE study_counters SET seq = "
                      + NEXT_SEQ
                      + " FROM x WHERE study_counters.study_id = x.study_id RETURNING"
                      + " study_counters.seq) UPDATE trials SET state = 'RUNNING', host = ?,"
                      + " start_ms = ?, heartbeat_ms = "
                      + store.storeNow()
                      + ", seq = c.seq FROM c, x WHERE trials.id = x.id RETURNING trials.id")) {
            p.setLong(1, studyId);
            p.setLong(2, studyId);
            p.setString(3, host);
            p.setLong(4, System.currentTimeMillis());
            try (ResultSet rs = p.executeQuery()) {
              if (!rs.next()) {
                return Optional.<Trial>empty(); // taken by others, or held by them right now
              }
              id = rs.getLong(1);
            }
          }
          return store.loadTrial(id);
        });
  }

  /** One statement: lock the trial if still unfinished, take the next change number, finish it. */
  boolean finish(long trialId, TrialState state, List<Double> values, String error, Instant end) {
    String vals = json(values);
    return store.writeOne(
        () -> {
          try (PreparedStatement p = finishing(trialId, state, vals, error, end, "")) {
            return p.executeUpdate() == 1;
          }
        });
  }

  /**
   * {@link #finish} returning the finished trial with its children, in the same statement; a trial
   * that was already finished is read as it is.
   */
  Optional<Trial> finishAndRead(
      long trialId, TrialState state, List<Double> values, String error, Instant end) {
    String vals = json(values);
    Optional<Trial> done =
        store.writeOne(
            () -> {
              try (PreparedStatement p =
                      finishing(
                          trialId,
                          state,
                          vals,
                          error,
                          end,
                          " RETURNING t.*" + store.childColumns());
                  ResultSet rs = p.executeQuery()) {
                return rs.next()
                    ? Optional.of(store.trialWithChildren(rs))
                    : Optional.<Trial>empty();
              }
            });
    return done.or(() -> store.trial(trialId));
  }

  private PreparedStatement finishing(
      long trialId, TrialState state, String vals, String error, Instant end, String returning)
      throws SQLException {
    PreparedStatement p =
        store.prepareKeyed(
            lockThenCount(" AND state IN ('RUNNING', 'WAITING')")
                + "UPDATE trials t SET state = ?, vals = ?, error = ?, end_ms = ?, seq = c.seq"
                + " FROM c WHERE t.id = ?"
                + returning);
    p.setLong(1, trialId);
    p.setString(2, state.name());
    p.setString(3, vals);
    p.setString(4, error);
    p.setLong(5, end.toEpochMilli());
    p.setLong(6, trialId);
    return p;
  }

  private static String json(List<Double> values) {
    try {
      return SpecCodec.json().writeValueAsString(values);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Marks a trial changed (inside the caller's write): the trial row first, then the counter. */
  static void touch(PostgresTrialStore store, long trialId) throws SQLException {
    store.update(
        lockThenCount("") + "UPDATE trials SET seq = c.seq FROM c WHERE trials.id = ?",
        trialId,
        trialId);
  }
}
