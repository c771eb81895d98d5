package org.gyrus.nas.discover;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gyrus.core.Dna;
import org.gyrus.core.GyrusVersion;
import org.gyrus.core.Hyper;
import org.gyrus.core.Space;
import org.gyrus.core.Value;
import org.gyrus.core.Value.Node;
import org.gyrus.search.Metrics;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;
import org.gyrus.search.TrialStore;

/**
 * The unattended research loop over an ordinary study: propose (proposer, reading the analyst's
 * memory of the lineage), record the candidate as a RUNNING trial whose params hold the program,
 * parents and operator, let the engineer check, repair and train it, tell the score or record the
 * failure, and store the analyst's analysis with the trial. The candidate number is the trial's
 * DNA, so the store refuses a second live trial for it; a trial whose process died stops beating,
 * is failed as stale and re-queued with the same program and seed, and runs again on resume — no
 * candidate is lost or duplicated. Trial attributes: {@code candidate}, {@code parents} (candidate
 * numbers), {@code operator}, {@code motifs}, {@code repairs}, {@code program} (repaired), {@code
 * analysis}.
 */
public final class DiscoveryLoop {
  /** What one run of the loop did in this process. */
  public record Summary(int ran, int completed, int failed, int resumed) {}

  /** Told after each candidate: its lineage entry and one printable line. */
  @FunctionalInterface
  public interface Listener {
    void finished(Lineage.Entry entry, String line);
  }

  private static final Value SPACE =
      Node.of("discovery", "candidate", new Hyper.IntRange(0, Integer.MAX_VALUE, 1));
  private static final String DECISION = new Space(SPACE).dnaSpec().decisions().get(0).id();

  private final Study study;
  private final TrialStore store;
  private final Proposer proposer;
  private final Engineer engineer;
  private final Analyst analyst;
  private final long seed;
  private final Duration heartbeat;
  private final String host;
  private volatile Trial current;
  private ScheduledExecutorService beats;

  public DiscoveryLoop(
      Study study,
      Proposer proposer,
      Engineer engineer,
      Analyst analyst,
      long seed,
      Duration heartbeat) {
    this.study = study;
    this.store = study.store();
    this.proposer = proposer;
    this.engineer = engineer;
    this.analyst = analyst;
    this.seed = seed;
    this.heartbeat = heartbeat;
    this.host = "discover:" + ProcessHandle.current().pid();
  }

  /** The study's space: one integer decision, the candidate number. */
  public static Value space() {
    return SPACE;
  }

  /** Runs until {@code deadline} or until the study holds {@code maxCandidates} candidates. */
  public Summary run(Instant deadline, int maxCandidates, Listener listener) {
    int ran = 0;
    int completed = 0;
    int failed = 0;
    int resumed = 0;
    startHeartbeats();
    try {
      backfillAnalyses();
      while (true) {
        store.failStale(study.info().id(), heartbeat, Instant.now(), this::requeue);
        requeueOrphans();
        Optional<Trial> claimed = store.claimWaiting(study.info().id(), host);
        Trial t;
        if (claimed.isPresent()) {
          t = claimed.get();
          resumed++;
        } else {
          Lineage lineage = lineage();
          boolean full = lineage.size() >= maxCandidates;
          if (full || !Instant.now().isBefore(deadline)) {
            if (full && Instant.now().isBefore(deadline) && othersRunning()) {
              sleep(Math.max(10, heartbeat.toMillis() / 4)); // a dead run's candidate may return
              continue;
            }
            break;
          }
          Optional<Trial> created = create(lineage);
          if (created.isEmpty()) {
            continue; // another process took that number
          }
          t = created.get();
        }
        current = t;
        Lineage.Entry e = runCandidate(t);
        current = null;
        ran++;
        completed += e.completed() ? 1 : 0;
        failed += e.failed() ? 1 : 0;
        listener.finished(e, line(e));
      }
    } finally {
      stopHeartbeats();
    }
    return new Summary(ran, completed, failed, resumed);
  }

  private Optional<Trial> create(Lineage lineage) {
    int n = lineage.nextNumber();
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
    Candidate c;
    try {
      c = proposer.propose(n, lineage, analyst.analyse(lineage), r);
    } catch (RuntimeException e) { // a broken proposer costs one recorded candidate, not the loop
      c = new Candidate(n, new Value.StrVal("proposer failed: " + e), List.of(), "proposer_error");
    }
    Dna dna = new Dna(Map.of(DECISION, (long) n));
    return store.createTrial(
        study.info().id(),
        new TrialStore.NewTrial(
            dna, c.toValue(), r.nextLong(), GyrusVersion.get(), host, TrialState.RUNNING),
        Integer.MAX_VALUE,
        true);
  }

  /** The replacement of a stale trial: the same candidate and seed, waiting to be claimed. */
  private TrialStore.NewTrial requeue(Trial t) {
    return new TrialStore.NewTrial(
        t.dna(), t.params(), t.seed(), GyrusVersion.get(), host, TrialState.WAITING);
  }

  /**
   * Candidates whose every trial failed as stale without a replacement (failed by a plain study
   * open, which re-queues nothing) are queued again with the same program and seed.
   */
  private void requeueOrphans() {
    Map<Integer, List<Trial>> byCandidate = new LinkedHashMap<>();
    for (Trial t : study.trials()) {
      if (isCandidate(t)) {
        int n = Candidate.fromValue(t.params(), "trial " + t.number()).number();
        byCandidate.computeIfAbsent(n, k -> new ArrayList<>()).add(t);
      }
    }
    for (List<Trial> attempts : byCandidate.values()) {
      if (attempts.stream().allMatch(t -> t.state() == TrialState.FAIL && stale(t))) {
        Trial last = attempts.get(attempts.size() - 1);
        store.createTrial(study.info().id(), requeue(last), Integer.MAX_VALUE, true);
      }
    }
  }

  private Lineage.Entry runCandidate(Trial t) {
    Candidate c = Candidate.fromValue(t.params(), "trial " + t.number());
    study.setAttr(t, "candidate", Integer.toString(c.number()));
    study.setAttr(t, "parents", join(c.parents()));
    study.setAttr(t, "operator", c.operator());
    study.setAttr(t, "motifs", String.join(" ", Motifs.of(c.program())));
    try {
      if (c.operator().equals("proposer_error")) {
        throw new CandidateFailure("propose", ((Value.StrVal) c.program()).value(), null);
      }
      Engineer.Checked checked = engineer.check(c.program());
      study.setAttr(t, "repairs", String.join("; ", checked.repairs()));
      study.setAttr(t, "program", org.gyrus.core.SpecCodec.toCompactJson(checked.program()));
      Engineer.Score score = engineer.score(checked, t.seed());
      Engineer.Evaluation ev = score.first();
      Map<String, Double> extra = new LinkedHashMap<>();
      extra.put("mixer_params", (double) checked.mixerParams());
      extra.put("model_params", (double) ev.modelParams());
      extra.put("first_loss", ev.firstLoss());
      extra.put("last_loss", ev.lastLoss());
      extra.put("train_seconds", score.seconds());
      if (score.accuracies().size() > 1) {
        for (int i = 0; i < score.accuracies().size(); i++) {
          extra.put("accuracy_" + i, score.accuracies().get(i));
        }
      }
      study.tell(t, new Metrics(List.of(score.accuracy()), extra));
    } catch (CandidateFailure f) {
      study.setAttr(t, "failure_stage", f.stage());
      study.fail(t, f.getMessage());
    }
    Lineage lineage = lineage();
    Lineage.Entry e = lineage.get(c.number()).orElseThrow();
    study.setAttr(t, "analysis", analyst.explain(e, lineage, analyst.analyse(lineage)));
    return e;
  }

  /**
   * Fails the candidate this process is running ({@code worker stopped: why}, Ctrl-C or SIGTERM):
   * it counts as stale, so the next run queues it again at once instead of after the timeout.
   */
  public void abandon(String why) {
    Trial t = current;
    if (t != null) {
      study.fail(t, "worker stopped: " + why);
    }
  }

  /** Finished candidates a killed run left without an analysis get one now. */
  private void backfillAnalyses() {
    Lineage lineage = lineage();
    Memory memory = null;
    for (Trial t : study.trials()) {
      boolean finished =
          t.state() == TrialState.COMPLETE || (t.state() == TrialState.FAIL && !stale(t));
      if (finished && isCandidate(t) && !t.attrs().containsKey("analysis")) {
        memory = memory != null ? memory : analyst.analyse(lineage);
        Candidate c = Candidate.fromValue(t.params(), "trial " + t.number());
        lineage
            .get(c.number())
            .ifPresent(
                e ->
                    study.setAttr(
                        t, "analysis", analyst.explain(e, lineage, analyst.analyse(lineage))));
      }
    }
  }

  /** The lineage as the study holds it now. */
  public Lineage lineage() {
    return lineageOf(study.trials());
  }

  /** The lineage of a study's trials (stale attempts count as pending, not as failures). */
  public static Lineage lineageOf(List<Trial> trials) {
    List<Lineage.Entry> entries = new ArrayList<>();
    for (Trial t : trials) {
      if (!isCandidate(t)) {
        continue;
      }
      Candidate c = Candidate.fromValue(t.params(), "trial " + t.number());
      double score = t.state() == TrialState.COMPLETE ? t.value() : Double.NaN;
      String error = t.state() == TrialState.FAIL && !stale(t) ? t.error() : null;
      entries.add(new Lineage.Entry(c, Motifs.of(c.program()), score, error));
    }
    return new Lineage(entries);
  }

  private static boolean isCandidate(Trial t) {
    return t.params() instanceof Node n && n.type().equals(Candidate.TYPE);
  }

  /** A FAIL that says the process died, not that the candidate is bad. */
  static boolean stale(Trial t) {
    String e = t.error() == null ? "" : t.error();
    return e.contains("heartbeat lost") || e.startsWith("worker stopped");
  }

  private boolean othersRunning() {
    return study.trials().stream().anyMatch(t -> t.state() == TrialState.RUNNING);
  }

  private static String line(Lineage.Entry e) {
    String outcome =
        e.completed()
            ? String.format(java.util.Locale.ROOT, "acc %.4f", e.score())
            : "FAILED " + e.error();
    return "candidate "
        + e.number()
        + " ["
        + e.candidate().operator()
        + (e.candidate().parents().isEmpty() ? "" : " of " + join(e.candidate().parents()))
        + "] "
        + outcome;
  }

  private static String join(List<Integer> v) {
    List<String> s = new ArrayList<>();
    v.forEach(i -> s.add(Integer.toString(i)));
    return String.join(",", s);
  }

  private void startHeartbeats() {
    beats =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread th = new Thread(r, "discover-heartbeat");
              th.setDaemon(true);
              return th;
            });
    long every = Math.max(1, heartbeat.toMillis() / 4);
    beats.scheduleAtFixedRate(
        () -> {
          Trial t = current;
          if (t != null) {
            try {
              store.heartbeat(t.id(), Instant.now());
            } catch (RuntimeException e) {
              // a missed beat only risks a false stale after the timeout; keep beating
            }
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
  }

  private void stopHeartbeats() {
    if (beats != null) {
      beats.shutdownNow();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
