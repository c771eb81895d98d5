package org.gyrus.search;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gyrus.core.Dna;
import org.gyrus.core.Value;

/**
 * Where studies and their trials live. Every method is atomic; implementations shared by several
 * processes (SQLite, PostgreSQL) make {@link #createTrial} and {@link #claimWaiting} safe across
 * them, so no trial number or waiting trial is ever handed out twice.
 */
public interface TrialStore extends AutoCloseable {

  /** Creates the study, or returns the stored one of that name (whose settings win). */
  StudyInfo createStudy(
      String name, List<Direction> directions, Value space, Value algorithm, long seed);

  Optional<StudyInfo> study(String name);

  /**
   * Sets the study attributes that are not set yet (first writer wins) and returns all of them: how
   * the study is scored, on what data, by which versions. Concurrent openers agree on one set.
   */
  Map<String, String> initStudyAttrs(long studyId, Map<String, String> attrs);

  /**
   * Where trial artifacts (kept weights) of this store's studies live: beside a SQLite file ({@code
   * FILE.artifacts/}), {@code $GYRUS_ARTIFACTS} for a database server; empty for a store that keeps
   * no files (memory).
   */
  default Optional<java.nio.file.Path> artifactRoot() {
    return Optional.empty();
  }

  /** The study's attributes (empty for a study stored before they existed). */
  Map<String, String> studyAttrs(long studyId);

  List<StudyInfo> studies();

  /** What {@link #createTrial} does with a point. */
  record NewTrial(
      Dna dna, Value params, long seed, String version, String host, TrialState state) {}

  /**
   * Adds a trial numbered after the last, unless {@code limit} trials that count (running, waiting
   * or finished but not failed) exist already, or a non-failed trial has the same DNA while {@code
   * unique} is set. Empty in those cases.
   */
  Optional<Trial> createTrial(long studyId, NewTrial trial, int limit, boolean unique);

  /** Takes the oldest WAITING trial and makes it RUNNING for this host, if there is one. */
  Optional<Trial> claimWaiting(long studyId, String host);

  /**
   * The trial's process is alive at {@code now} (its clock). A store shared by several processes
   * measures liveness on its own clock instead, so no worker's clock decides who is alive.
   */
  void heartbeat(long trialId, Instant now);

  void reportIntermediate(long trialId, long step, double value);

  void setAttr(long trialId, String key, String value);

  /** Finishes a RUNNING trial; a trial already finished is left as it is (returns false). */
  boolean finish(long trialId, TrialState state, List<Double> values, String error, Instant end);

  /**
   * {@link #finish}, then the trial as stored (finished here or, if it was already finished, as it
   * was), which a store that can should do in one round trip (a worker does this after every
   * trial).
   */
  default Optional<Trial> finishAndRead(
      long trialId, TrialState state, List<Double> values, String error, Instant end) {
    finish(trialId, state, values, error, end);
    return trial(trialId);
  }

  /**
   * Marks RUNNING trials whose last heartbeat is older than {@code timeout} as FAIL (older on the
   * clock the heartbeats were written with: {@code now}, or a shared store's own). With {@code
   * retry} (null: none), each failed trial's replacement is queued in the same transaction, so the
   * number of trials that count toward a target never dips and no other worker takes the slot in
   * between (which would leave the study one trial over its target).
   */
  List<Trial> failStale(
      long studyId, Duration timeout, Instant now, Function<Trial, NewTrial> retry);

  List<Trial> trials(long studyId);

  /**
   * The trials numbered in [{@code from}, {@code to}), by number: one page of a study too large to
   * hold in memory at once.
   */
  default List<Trial> trialsBetween(long studyId, int from, int to) {
    return trials(studyId).stream().filter(t -> t.number() >= from && t.number() < to).toList();
  }

  /** How many trials the study holds (numbers are dense from 0: the last number plus one). */
  default int trialCount(long studyId) {
    return trials(studyId).size();
  }

  /**
   * Numbers of the (at most) {@code k} COMPLETE trials with the best first objective, best first. A
   * database store reads them from its index, without reading every trial.
   */
  default List<Integer> bestNumbers(long studyId, Direction direction, int k) {
    return trials(studyId).stream()
        .filter(t -> t.state() == TrialState.COMPLETE && !t.values().isEmpty())
        .sorted(
            java.util.Comparator.comparingDouble((Trial t) -> -direction.orient(t.value()))
                .thenComparingInt(Trial::number))
        .limit(k)
        .map(Trial::number)
        .toList();
  }

  /** The study's trials with these numbers, by number (numbers it does not hold are left out). */
  default List<Trial> trialsByNumber(long studyId, java.util.Collection<Integer> numbers) {
    java.util.Set<Integer> wanted = new java.util.HashSet<>(numbers);
    return trials(studyId).stream().filter(t -> wanted.contains(t.number())).toList();
  }

  /** Trials changed after {@code version} (see {@link #version}); cheap when little changed. */
  List<Trial> trialsChangedSince(long studyId, long version);

  /** A counter that grows with every change to a study's trials. */
  long version(long studyId);

  /** The trials changed after a version, and the version they bring the reader to. */
  record Changes(List<Trial> trials, long version) {
    public Changes {
      trials = List.copyOf(trials);
    }
  }

  /**
   * {@link #trialsChangedSince} and the version it reaches, which a store that can should read in
   * one go (a worker asks this before every trial); the version is never ahead of the trials read.
   */
  default Changes changesSince(long studyId, long version) {
    long now = version(studyId);
    return new Changes(trialsChangedSince(studyId, version), now);
  }

  Optional<Trial> trial(long trialId);

  /** How many trials of the study are in each state (states without trials left out). */
  default Map<TrialState, Long> stateCounts(long studyId) {
    Map<TrialState, Long> counts = new java.util.EnumMap<>(TrialState.class);
    for (Trial t : trials(studyId)) {
      counts.merge(t.state(), 1L, Long::sum);
    }
    return counts;
  }

  /**
   * RUNNING trials whose last heartbeat is older than {@code timeout} (on the clock the heartbeats
   * were written with): their workers look dead; the next worker to ask fails and reclaims them.
   */
  default long countStale(long studyId, Duration timeout) {
    Instant now = Instant.now();
    return trials(studyId).stream()
        .filter(t -> t.state() == TrialState.RUNNING && t.heartbeat() != null)
        .filter(t -> t.heartbeat().plus(timeout).isBefore(now))
        .count();
  }

  /**
   * The COMPLETE trial with the best first objective (the lowest number among equals); empty when
   * none is complete. A database store answers from an index, without reading every trial.
   */
  default Optional<Trial> bestByFirstObjective(long studyId, Direction direction) {
    Trial best = null;
    for (Trial t : trials(studyId)) {
      if (t.state() == TrialState.COMPLETE
          && !t.values().isEmpty()
          && (best == null || direction.orient(t.value()) > direction.orient(best.value()))) {
        best = t;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * How long this process waited to start its write transactions (the lock that serialises writers
   * across processes); empty for a store without such a lock.
   */
  default Optional<Latencies> writeLockWaits() {
    return Optional.empty();
  }

  /** Where this store lives, for messages. */
  String location();

  @Override
  void close();
}
