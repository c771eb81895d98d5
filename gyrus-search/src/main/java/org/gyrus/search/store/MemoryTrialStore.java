package org.gyrus.search.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gyrus.core.Value;
import org.gyrus.search.Direction;
import org.gyrus.search.StudyInfo;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;
import org.gyrus.search.TrialStore;

/** A store in this process's memory: fast, shared by threads, gone with the process. */
public final class MemoryTrialStore implements TrialStore {
  private final Map<String, StudyInfo> studies = new HashMap<>();
  private final Map<Long, StudyData> data = new HashMap<>();
  private final Map<Long, Long> studyOfTrial = new HashMap<>();
  private final Map<Long, Map<String, String>> studyAttrs = new HashMap<>();
  private long nextTrialId = 1;

  private static final class StudyData {
    final List<Trial> trials = new ArrayList<>();
    final List<Integer> changeLog = new ArrayList<>();
    final Map<String, Integer> liveByDna = new HashMap<>();
    long version;
    int counting;
    int firstWaiting = Integer.MAX_VALUE;
  }

  @Override
  public synchronized Map<String, String> initStudyAttrs(long studyId, Map<String, String> attrs) {
    Map<String, String> m = studyAttrs.computeIfAbsent(studyId, k -> new java.util.TreeMap<>());
    attrs.forEach(m::putIfAbsent);
    return Map.copyOf(m);
  }

  @Override
  public synchronized Map<String, String> studyAttrs(long studyId) {
    return Map.copyOf(studyAttrs.getOrDefault(studyId, Map.of()));
  }

  @Override
  public synchronized StudyInfo createStudy(
      String name, List<Direction> directions, Value space, Value algorithm, long seed) {
    return studies.computeIfAbsent(
        name,
        n -> {
          StudyInfo s =
              new StudyInfo(
                  studies.size() + 1, n, directions, space, algorithm, seed, Instant.now());
          data.put(s.id(), new StudyData());
          return s;
        });
  }

  @Override
  public synchronized Optional<StudyInfo> study(String name) {
    return Optional.ofNullable(studies.get(name));
  }

  @Override
  public synchronized List<StudyInfo> studies() {
    return studies.values().stream()
        .sorted(java.util.Comparator.comparingLong(StudyInfo::id))
        .toList();
  }

  private StudyData of(long studyId) {
    StudyData d = data.get(studyId);
    if (d == null) {
      throw new IllegalArgumentException("no study with id " + studyId);
    }
    return d;
  }

  @Override
  public synchronized Optional<Trial> createTrial(
      long studyId, NewTrial t, int limit, boolean unique) {
    StudyData d = of(studyId);
    if (d.counting >= limit) {
      return Optional.empty();
    }
    String key = t.dna().toJson();
    if (unique && d.liveByDna.getOrDefault(key, 0) > 0) {
      return Optional.empty();
    }
    Instant now = Instant.now();
    boolean running = t.state() == TrialState.RUNNING;
    Trial trial =
        new Trial(
            nextTrialId++,
            d.trials.size(),
            t.state(),
            t.dna(),
            t.params(),
            List.of(),
            new java.util.TreeMap<>(),
            Map.of(),
            t.seed(),
            t.version(),
            t.host(),
            running ? now : null,
            null,
            running ? now : null,
            null);
    d.trials.add(trial);
    d.changeLog.add(trial.number());
    d.version++;
    d.liveByDna.merge(key, 1, Integer::sum);
    d.counting++;
    if (trial.state() == TrialState.WAITING) {
      d.firstWaiting = Math.min(d.firstWaiting, trial.number());
    }
    studyOfTrial.put(trial.id(), studyId);
    return Optional.of(trial);
  }

  @Override
  public synchronized Optional<Trial> claimWaiting(long studyId, String host) {
    StudyData d = of(studyId);
    for (int i = d.firstWaiting; i < d.trials.size(); i++) {
      Trial t = d.trials.get(i);
      if (t.state() == TrialState.WAITING) {
        d.firstWaiting = i + 1;
        return Optional.of(put(d, t.started(Instant.now(), host)));
      }
    }
    d.firstWaiting = d.trials.size();
    return Optional.empty();
  }

  private Trial put(StudyData d, Trial t) {
    d.trials.set(t.number(), t);
    d.changeLog.add(t.number());
    d.version++;
    return t;
  }

  private Optional<Map.Entry<StudyData, Trial>> find(long trialId) {
    Long sid = studyOfTrial.get(trialId);
    if (sid == null) {
      return Optional.empty();
    }
    StudyData d = data.get(sid);
    for (int i = d.trials.size() - 1; i >= 0; i--) {
      if (d.trials.get(i).id() == trialId) {
        return Optional.of(Map.entry(d, d.trials.get(i)));
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized void heartbeat(long trialId, Instant now) {
    find(trialId).ifPresent(e -> put(e.getKey(), e.getValue().withHeartbeat(now)));
  }

  @Override
  public synchronized void reportIntermediate(long trialId, long step, double value) {
    find(trialId).ifPresent(e -> put(e.getKey(), e.getValue().withIntermediate(step, value)));
  }

  @Override
  public synchronized void setAttr(long trialId, String key, String value) {
    find(trialId).ifPresent(e -> put(e.getKey(), e.getValue().withAttr(key, value)));
  }

  @Override
  public synchronized boolean finish(
      long trialId, TrialState state, List<Double> values, String error, Instant end) {
    var e = find(trialId).orElseThrow(() -> new IllegalArgumentException("no trial " + trialId));
    Trial t = e.getValue();
    if (t.state().isFinished()) {
      return false;
    }
    put(e.getKey(), t.withState(state, values, end, error));
    if (state == TrialState.FAIL) {
      e.getKey().liveByDna.merge(t.dna().toJson(), -1, Integer::sum);
      e.getKey().counting--;
    }
    return true;
  }

  @Override
  public synchronized List<Trial> failStale(
      long studyId, Duration timeout, Instant now, Function<Trial, NewTrial> retry) {
    StudyData d = of(studyId);
    List<Trial> failed = new ArrayList<>();
    for (Trial t : List.copyOf(d.trials)) {
      if (t.state() == TrialState.RUNNING && t.heartbeat().plus(timeout).isBefore(now)) {
        finish(
            t.id(),
            TrialState.FAIL,
            List.of(),
            "heartbeat lost: the process running it stopped",
            now);
        failed.add(d.trials.get(t.number()));
        if (retry != null) {
          createTrial(studyId, retry.apply(t), Integer.MAX_VALUE, false);
        }
      }
    }
    return failed;
  }

  @Override
  public synchronized List<Trial> trials(long studyId) {
    return List.copyOf(of(studyId).trials);
  }

  @Override
  public synchronized List<Trial> trialsChangedSince(long studyId, long version) {
    StudyData d = of(studyId);
    // changeLog[i] is the trial number changed at version i + 1.
    java.util.TreeSet<Integer> numbers = new java.util.TreeSet<>();
    for (long v = Math.max(version, 0); v < d.version; v++) {
      numbers.add(d.changeLog.get((int) v));
    }
    List<Trial> out = new ArrayList<>();
    for (int n : numbers) {
      out.add(d.trials.get(n));
    }
    return out;
  }

  @Override
  public synchronized long version(long studyId) {
    return of(studyId).version;
  }

  @Override
  public synchronized Optional<Trial> trial(long trialId) {
    return find(trialId).map(Map.Entry::getValue);
  }

  @Override
  public String location() {
    return "memory";
  }

  @Override
  public void close() {}
}
