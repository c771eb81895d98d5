package org.gyrus.search;

import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.gyrus.core.Dna;
import org.gyrus.core.GyrusVersion;
import org.gyrus.core.Space;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.search.algo.Algorithms;

/**
 * A search over one space, recorded trial by trial in a {@link TrialStore}. Ask/tell by hand, or
 * {@link #optimize} with an {@link Evaluator}. Opening a study that exists resumes it: trials left
 * RUNNING by a process that died (no heartbeat within the timeout) are marked FAIL, and retried
 * when asked.
 */
public final class Study implements AutoCloseable {
  private final TrialStore store;
  private final StudyInfo info;
  private final Space space;
  private final Algorithm algorithm;
  private final History history;
  private final String host;
  private final long salt; // this process's, for rng() while other workers run
  private final Duration heartbeatTimeout;
  private final boolean dedupe;
  private final boolean retryFailed;
  private final Clock clock;
  private Pruner pruner = Pruner.NONE;
  private long knownVersion = -1;
  private long refreshedAt; // System.nanoTime() of the last refresh
  private long waitingOutside; // WAITING trials a sampled history may not hold (at most)
  private long liveOutside; // of a sampled history: live trials it does not hold
  private final Map<Long, Trial> mine = new ConcurrentHashMap<>();
  private ScheduledExecutorService heartbeats;
  private final Object lifecycle = new Object(); // orders claiming trials against abandon()
  private volatile boolean stopping;
  private final Latencies askTimes = new Latencies();
  private final Latencies askCpuTimes = new Latencies();
  private final Latencies tellTimes = new Latencies();
  private OpTimes opTimes;

  private Study(TrialStore store, StudyInfo info, Options options, Map<String, String> attrs) {
    this.store = store;
    this.info = info;
    this.space = new Space(info.space());
    this.algorithm = Algorithms.of(info.algorithm());
    // hard specs live in the study attributes; a store written before they existed has none
    this.history = new History(info.directions(), Constraint.parseAll(attrs.get(Constraint.ATTR)));
    this.host = hostName();
    this.salt = new SplittableRandom(host.hashCode()).nextLong();
    this.heartbeatTimeout = options.heartbeatTimeout();
    this.dedupe = options.dedupe();
    this.retryFailed = options.retryFailed();
    this.clock = options.clock();
  }

  /** The study attribute that holds the heartbeat timeout every worker of the study uses. */
  public static final String HEARTBEAT_TIMEOUT_MS = "heartbeat_timeout_ms";

  private static Duration storedTimeout(Map<String, String> stored, Options options) {
    try {
      return Duration.ofMillis(Long.parseLong(stored.get(HEARTBEAT_TIMEOUT_MS)));
    } catch (RuntimeException e) {
      return options.heartbeatTimeout();
    }
  }

  /**
   * Options for opening a study. The heartbeat timeout is stored with a new study and taken from
   * the store on a resume, so a later opener cannot declare live workers dead; workers beat every
   * quarter of it.
   */
  public record Options(
      Duration heartbeatTimeout, boolean retryFailed, boolean dedupe, Clock clock) {
    public Options(Duration heartbeatTimeout, boolean retryFailed, boolean dedupe) {
      this(heartbeatTimeout, retryFailed, dedupe, Clock.systemUTC());
    }

    /** These options with another clock for this process's times (tests jump it). */
    public Options withClock(Clock c) {
      return new Options(heartbeatTimeout, retryFailed, dedupe, c);
    }

    public Options {
      if (heartbeatTimeout.isNegative() || heartbeatTimeout.toMillis() < 4) {
        throw new SpecError(
            "--heartbeat", "a heartbeat timeout of at least 4 ms", heartbeatTimeout.toString());
      }
    }

    public static final Options DEFAULT = new Options(Duration.ofSeconds(60), false, true);
  }

  /** Creates the study, or resumes the stored one of that name. */
  public static Study open(
      TrialStore store,
      String name,
      Value space,
      List<Direction> directions,
      Value algorithm,
      long seed,
      Options options) {
    return open(store, name, space, directions, algorithm, seed, options, Map.of());
  }

  /**
   * Creates the study, or resumes the stored one of that name; {@code provenance} ({@link
   * Provenance#of}) is stored with a new study, and a resume whose experiment or data differ from
   * the stored ones is refused before anything runs.
   */
  public static Study open(
      TrialStore store,
      String name,
      Value space,
      List<Direction> directions,
      Value algorithm,
      long seed,
      Options options,
      Map<String, String> provenance) {
    if (name == null || name.isBlank()) {
      throw new SpecError("study", "a non-empty study name");
    }
    new Space(space); // fail on a malformed space before anything is written
    Algorithms.of(algorithm);
    StudyInfo info = store.createStudy(name, directions, space, algorithm, seed);
    Map<String, String> attrs = new LinkedHashMap<>(provenance);
    attrs.put(HEARTBEAT_TIMEOUT_MS, Long.toString(options.heartbeatTimeout().toMillis()));
    Map<String, String> stored = store.initStudyAttrs(info.id(), attrs);
    if (!provenance.isEmpty()) {
      Provenance.requireSame(name, stored, provenance);
    }
    // liveness is the study's: the timeout its first opener stored, not this process's wish
    Options effective =
        new Options(
            storedTimeout(stored, options),
            options.retryFailed(),
            options.dedupe(),
            options.clock());
    Study s = new Study(store, info, effective, stored);
    s.reclaimStale();
    s.refresh();
    return s;
  }

  public static Study open(
      TrialStore store,
      String name,
      Value space,
      Direction direction,
      String algorithm,
      long seed) {
    return open(
        store, name, space, List.of(direction), new Value.StrVal(algorithm), seed, Options.DEFAULT);
  }

  /** Loads a stored study by name. */
  public static Study load(TrialStore store, String name) {
    Study s = lazy(store, name);
    s.refresh();
    return s;
  }

  /**
   * A stored study whose trials are not read until something needs them (a refresh, {@link
   * #trials}, an ask): for questions the store answers by itself, such as {@link #storedBest} on a
   * study of millions of trials.
   */
  public static Study lazy(TrialStore store, String name) {
    StudyInfo info =
        store
            .study(name)
            .orElseThrow(
                () ->
                    new SpecError(
                        "--study", "an existing study in " + store.location(), "'" + name + "'"));
    Map<String, String> attrs = store.studyAttrs(info.id());
    Options stored =
        new Options(storedTimeout(attrs, Options.DEFAULT), false, true, Options.DEFAULT.clock());
    return new Study(store, info, stored, attrs);
  }

  /**
   * Every trial by number, read from the store a page at a time, so a study larger than memory can
   * be shown or exported ({@link #trials} holds them all).
   */
  public void forEachTrial(Consumer<Trial> sink) {
    scanTrials(
        5000,
        t -> {
          sink.accept(t);
          return true;
        });
  }

  /**
   * As {@link #forEachTrial(Consumer)}, at most {@code page} trials per store query (the first
   * queries fewer), stopping as soon as {@code sink} returns false (e.g. the reader of a pipe has
   * gone), so no further page is read.
   */
  public void scanTrials(int page, Predicate<Trial> sink) {
    // the first pages are small and grow to `page`: `study show | head` prints its first lines
    // after reading 64 trials, not 5,000
    for (int from = 0, size = Math.min(page, 64); ; from += size, size = Math.min(page, 2 * size)) {
      List<Trial> trials = store.trialsBetween(info.id(), from, from + size);
      if (trials.isEmpty()) {
        return; // numbers are dense from 0: an empty page is the end
      }
      for (Trial t : trials) {
        if (!sink.test(t)) {
          return;
        }
      }
    }
  }

  /** RUNNING trials whose workers stopped beating for longer than the study's timeout. */
  public long staleCount() {
    return store.countStale(info.id(), heartbeatTimeout);
  }

  public Study withPruner(Pruner p) {
    this.pruner = p;
    return this;
  }

  public StudyInfo info() {
    return info;
  }

  public Space space() {
    return space;
  }

  public TrialStore store() {
    return store;
  }

  /**
   * Studies of more trials than this (system property {@code gyrus.history.bound}, default 50,000)
   * are not read whole: the history starts from a {@link #HISTORY_SAMPLE} of them.
   */
  static int historyBound() {
    return Integer.getInteger("gyrus.history.bound", 50_000);
  }

  /**
   * What the history of a large study starts from: the 100 best (more than any model here takes as
   * its good trials: TPE's max_good is 25), the newest 256 and 256 spread over the older ones (as
   * many rows as TPE's max_rest keeps of the rest). Later changes are read as they come.
   */
  static final TrialSample HISTORY_SAMPLE = new TrialSample(100, 256, 256);

  /** How old a history an algorithm that needs no fresh one proposes from, at most. */
  private static final long STALE_HISTORY_NANOS = 1_000_000_000L;

  /** Pulls what changed in the store since the last look (after the first, one read). */
  public History refresh() {
    refreshedAt = System.nanoTime();
    if (knownVersion == -1) {
      long v = store.version(info.id());
      if (startSampled()) {
        knownVersion = v; // changes from here on are read as they come; older ones were sampled
        return history;
      }
      store.trialsChangedSince(info.id(), -1).forEach(history::update);
      knownVersion = v;
      return history;
    }
    TrialStore.Changes changes = store.changesSince(info.id(), knownVersion);
    changes.trials().forEach(history::update);
    knownVersion = changes.version();
    return history;
  }

  /**
   * A first look at a study larger than {@link #historyBound}: its history starts from a sample,
   * and the trials outside it count toward targets by the store's state counts.
   */
  private boolean startSampled() {
    int count = store.trialCount(info.id());
    if (count <= historyBound()) {
      return false;
    }
    for (Trial t : HISTORY_SAMPLE.read(store, info, count, info.seed())) {
      history.update(t);
    }
    long live = 0;
    Map<TrialState, Long> counts = store.stateCounts(info.id());
    for (Map.Entry<TrialState, Long> e : counts.entrySet()) {
      live += e.getKey() == TrialState.FAIL ? 0 : e.getValue();
    }
    liveOutside = live - history.liveCount();
    waitingOutside = counts.getOrDefault(TrialState.WAITING, 0L);
    return true;
  }

  /** Trials that count toward a target (not FAIL), those outside a sampled history included. */
  private long liveCount() {
    return history.liveCount() + liveOutside;
  }

  public History history() {
    return history;
  }

  public List<Trial> trials() {
    refresh();
    List<Trial> out = new ArrayList<>();
    for (Trial t : history.trials()) {
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /** Schedules a point to be evaluated before any proposal. */
  public Trial enqueue(Dna dna) {
    Trial t =
        store.createTrial(info.id(), waitingTrial(dna), Integer.MAX_VALUE, false).orElseThrow();
    history.update(t); // this study's next ask claims it without reading the store first
    return t;
  }

  private TrialStore.NewTrial waitingTrial(Dna dna) {
    return new TrialStore.NewTrial(
        dna, space.materialise(dna), 0, GyrusVersion.get(), host, TrialState.WAITING);
  }

  /** Schedules parameters given by decision id, e.g. {@code {"layers[0].units": 32}}. */
  public Trial enqueue(Map<String, ? extends Number> params) {
    Dna dna = space.complete(params, rng(history.size(), 0));
    for (var e : params.entrySet()) {
      String k = e.getKey();
      if (space.dnaSpec().get(k) == null) {
        throw new SpecError(
            k,
            "a decision of the space "
                + space.dnaSpec().decisions().stream().map(d -> d.id()).toList());
      }
      Number kept = dna.values().get(k);
      // a given value the space cannot take is refused, not silently replaced by a sample
      if (kept != null && kept.doubleValue() != e.getValue().doubleValue()) {
        throw new SpecError(k, "a value this decision can take", String.valueOf(e.getValue()));
      }
    }
    return enqueue(dna);
  }

  /**
   * The draws for a trial number: a function of the study's seed alone while this process is the
   * only one running trials, so a study run one worker at a time proposes the same points. Where
   * other workers' trials run (the numbers they get are a race anyway), this process's salt is
   * mixed in: workers that have read the same history would otherwise draw the same point for the
   * same number, and all but one of their creates be refused (a third of all creates with 16
   * workers of random search).
   */
  private SplittableRandom rng(int number, int attempt) {
    long seed = info.seed() * 0x9E3779B97F4A7C15L + number * 0xBF58476D1CE4E5B9L + attempt;
    boolean othersRunning = history.count(TrialState.RUNNING) > mine.size();
    return new SplittableRandom(othersRunning ? seed ^ salt : seed);
  }

  /** The next trial to run, or empty once {@code limit} trials count in the study. */
  public Optional<Trial> ask(int limit) {
    long start = System.nanoTime();
    long startMs = opTimes == null ? 0 : System.currentTimeMillis();
    long cpu = askCpu ? threadCpuNanos() : -1;
    Optional<Trial> asked = Optional.empty();
    try {
      asked = askUntimed(limit);
      return asked;
    } finally {
      long nanos = System.nanoTime() - start;
      askTimes.record(nanos);
      if (cpu >= 0) {
        askCpuTimes.record(threadCpuNanos() - cpu);
      }
      if (opTimes != null) {
        opTimes.record("ask", asked.map(Trial::number).orElse(-1), startMs, nanos);
      }
    }
  }

  /** Receives each ask's and each finishing write's duration as it ends. */
  public interface OpTimes {
    /**
     * {@code op} is "ask" or "tell"; {@code trialNumber} the trial asked for (-1: none) or told;
     * {@code startMillis} the wall clock when the operation began.
     */
    void record(String op, int trialNumber, long startMillis, long nanos);
  }

  /** Also reports every ask and tell to {@code sink} (a worker's log of its own latencies). */
  public Study withOpTimes(OpTimes sink) {
    this.opTimes = sink;
    return this;
  }

  private boolean askCpu;

  /**
   * Also measures each ask's CPU time for {@link #timings} (the management bean that reads it costs
   * a fresh process tens of milliseconds, so only a worker asked for timings pays).
   */
  public Study withAskCpuTimes() {
    this.askCpu = true;
    return this;
  }

  /** Loaded at the first ask: commands that only read a study need no management beans. */
  private static final class Threads {
    static final java.lang.management.ThreadMXBean BEAN =
        java.lang.management.ManagementFactory.getThreadMXBean();
  }

  /** This thread's CPU time, or -1 where the JVM does not measure it. */
  private static long threadCpuNanos() {
    return Threads.BEAN.isCurrentThreadCpuTimeSupported()
        ? Threads.BEAN.getCurrentThreadCpuTime()
        : -1;
  }

  /**
   * What this process's asks and finishing writes (tell, fail, prune: the write and the reload)
   * cost, and its waits for the store's write lock: {@code ask_n=.. ask_p50_ms=.. ...} on one line;
   * {@code ask_cpu_..} is this process's CPU time per ask after {@link #withAskCpuTimes} (on a
   * loaded machine the wall time is mostly waiting for a core; a server's work, PostgreSQL's, is
   * not in it).
   */
  public String timings() {
    String line =
        askTimes.summary().format("ask")
            + " "
            + (askCpu ? askCpuTimes.summary().format("ask_cpu") + " " : "")
            + tellTimes.summary().format("tell");
    return store.writeLockWaits().map(w -> line + " " + w.summary().format("lock")).orElse(line);
  }

  private Optional<Trial> askUntimed(int limit) {
    if (knownVersion == -1
        || algorithm.needsFreshHistory()
        || System.nanoTime() - refreshedAt > STALE_HISTORY_NANOS) {
      refresh();
    }
    Optional<Trial> waiting = claimIfWaiting();
    if (waiting.isPresent() || stopping) {
      return waiting;
    }
    Optional<BigInteger> size = space.size();
    for (int attempt = 0; attempt < 200; attempt++) {
      int number = history.size();
      boolean exhausted =
          size.isPresent() && size.get().compareTo(BigInteger.valueOf(liveCount())) <= 0;
      if (exhausted && dedupe) {
        return Optional.empty(); // every point of a finite space has been tried
      }
      SplittableRandom r = rng(number, attempt);
      Dna dna = algorithm.propose(space, history, r);
      boolean unique = dedupe && !exhausted && attempt < 100;
      if (unique && history.contains(dna)) {
        // The algorithm insists on a point already tried: step to a fresh neighbour of it.
        for (int i = 0; i < 64 && history.contains(dna); i++) {
          dna = i < 32 ? space.mutate(dna, r) : space.sample(r);
        }
        if (history.contains(dna)) {
          continue;
        }
      }
      long trialSeed = r.nextLong();
      Value params = space.materialise(dna);
      synchronized (lifecycle) {
        if (stopping) {
          return Optional.empty();
        }
        Optional<Trial> t =
            store.createTrial(
                info.id(),
                new TrialStore.NewTrial(
                    dna, params, trialSeed, GyrusVersion.get(), host, TrialState.RUNNING),
                limit,
                unique);
        if (t.isPresent()) {
          history.update(t.get());
          return track(t.get());
        }
      }
      refresh();
      waiting = claimIfWaiting(); // one queued since the last look counts toward the target too
      if (waiting.isPresent() || stopping || liveCount() >= limit) {
        return waiting;
      }
    }
    throw new IllegalStateException("no new point after 200 proposals");
  }

  /**
   * Claims the oldest WAITING trial if the history holds one (or a sampled history may have left
   * one out), so most asks spend no store round trip on the queue. One queued after the last
   * refresh waits for the next ask.
   */
  private Optional<Trial> claimIfWaiting() {
    synchronized (lifecycle) {
      if (stopping || (waitingOutside == 0 && history.count(TrialState.WAITING) == 0)) {
        return Optional.empty();
      }
      Optional<Trial> claimed = store.claimWaiting(info.id(), host);
      if (claimed.isEmpty()) {
        waitingOutside = 0; // none left to claim: later ones arrive as changes
      }
      return claimed.flatMap(this::track);
    }
  }

  public Trial ask() {
    return ask(Integer.MAX_VALUE).orElseThrow();
  }

  private Optional<Trial> track(Trial t) {
    mine.put(t.id(), t);
    return Optional.of(t);
  }

  public void tell(Trial t, Metrics m) {
    for (double v : m.objectives()) {
      if (!Double.isFinite(v)) {
        finish(t, TrialState.FAIL, List.of(), "objective is not a finite number: " + v);
        return;
      }
    }
    if (m.objectives().size() != info.directions().size()) {
      finish(
          t,
          TrialState.FAIL,
          List.of(),
          "expected "
              + info.directions().size()
              + " objective values, got "
              + m.objectives().size());
      return;
    }
    for (Constraint c : history.constraints()) {
      if (!m.extra().containsKey(c.metric()) && !c.metric().startsWith("objective")) {
        finish(
            t,
            TrialState.FAIL,
            List.of(),
            "the evaluator did not report '"
                + c.metric()
                + "', which constraint '"
                + c
                + "' needs");
        return;
      }
    }
    m.extra().forEach((k, v) -> store.setAttr(t.id(), "metric." + k, Double.toString(v)));
    finish(t, TrialState.COMPLETE, m.objectives(), null);
  }

  public void tell(Trial t, double... values) {
    tell(t, Metrics.of(values));
  }

  public void fail(Trial t, String error) {
    finish(t, TrialState.FAIL, List.of(), error);
  }

  public void prune(Trial t, String why) {
    finish(t, TrialState.PRUNED, List.of(), why);
  }

  private void finish(Trial t, TrialState state, List<Double> values, String error) {
    long start = System.nanoTime();
    long startMs = opTimes == null ? 0 : System.currentTimeMillis();
    Optional<Trial> stored = store.finishAndRead(t.id(), state, values, error, clock.instant());
    mine.remove(t.id());
    stored.ifPresent(history::update);
    long nanos = System.nanoTime() - start;
    tellTimes.record(nanos);
    if (opTimes != null) {
      opTimes.record("tell", t.number(), startMs, nanos);
    }
  }

  /** Sets a user attribute of a trial (shown in exports and the dashboard). */
  public void setAttr(Trial t, String key, String value) {
    store.setAttr(t.id(), key, value);
  }

  /** Records an intermediate value; true when the pruner says this trial should stop. */
  public boolean report(Trial t, long step, double value) {
    store.reportIntermediate(t.id(), step, value);
    refresh();
    Trial current = store.trial(t.id()).orElseThrow();
    history.update(current);
    return pruner.shouldPrune(current, step, history);
  }

  /** What {@link #optimize} did in this process. */
  public record RunSummary(int ran, int completed, int pruned, int failed) {}

  /**
   * Runs trials until {@code nTrials} trials count in the study (running, waiting or finished but
   * not failed), so a resumed run does not overshoot. Stops early after {@code nTrials} failures in
   * this run, so a broken evaluator cannot loop forever.
   */
  public RunSummary optimize(Evaluator evaluator, int nTrials, TrialListener listener) {
    startHeartbeats();
    int ran = 0;
    int completed = 0;
    int pruned = 0;
    int failed = 0;
    try {
      while (failed < Math.max(10, nTrials)) {
        Optional<Trial> next = ask(nTrials);
        if (next.isEmpty()) {
          if (awaitOthers()) {
            continue; // a dead worker's trial was reclaimed: its slot is free again
          }
          break;
        }
        Trial t = next.get();
        ran++;
        Trial done = runOne(t, evaluator);
        TrialState state = done.state();
        switch (state) {
          case COMPLETE -> completed++;
          case PRUNED -> pruned++;
          default -> failed++;
        }
        listener.finished(done, this);
      }
    } finally {
      stopHeartbeats();
    }
    return new RunSummary(ran, completed, pruned, failed);
  }

  /**
   * The study is at its target but other workers' trials are still RUNNING: wait until they all
   * finish (false) or one stops beating (true: it is failed, retried when asked, and its slot is
   * free), so every worker's run ends with the study at its target.
   */
  private boolean awaitOthers() {
    long pause = Math.max(1, Math.min(1000, heartbeatTimeout.toMillis() / 4));
    while (!stopping) {
      refresh();
      boolean othersRunning =
          history.trials().stream()
              .anyMatch(
                  t -> t != null && t.state() == TrialState.RUNNING && !mine.containsKey(t.id()));
      if (!othersRunning) {
        return false;
      }
      if (reclaimStale()) {
        return true;
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /**
   * Fails the RUNNING trials whose workers stopped beating (and queues them again with {@code
   * retryFailed}); true when there were any.
   */
  private boolean reclaimStale() {
    List<Trial> stale =
        store.failStale(
            info.id(),
            heartbeatTimeout,
            clock.instant(),
            retryFailed ? t -> waitingTrial(t.dna()) : null);
    if (!stale.isEmpty()) {
      refresh(); // the failed trials and their queued retries, for the next ask
    }
    return !stale.isEmpty();
  }

  /** Called after each trial of {@link #optimize} finishes. */
  @FunctionalInterface
  public interface TrialListener {
    void finished(Trial trial, Study study);

    TrialListener NONE = (t, s) -> {};
  }

  /** Runs one trial and returns it as stored afterwards. */
  private Trial runOne(Trial t, Evaluator evaluator) {
    TrialContext ctx =
        new TrialContext() {
          @Override
          public int number() {
            return t.number();
          }

          @Override
          public long seed() {
            return t.seed();
          }

          @Override
          public boolean report(long step, double value) {
            return Study.this.report(t, step, value);
          }

          @Override
          public void setAttr(String key, String value) {
            store.setAttr(t.id(), key, value);
          }

          @Override
          public Dna dna() {
            return t.dna();
          }

          @Override
          public Optional<java.nio.file.Path> artifactDir() {
            return store
                .artifactRoot()
                .map(r -> r.resolve(info.name().replaceAll("[^A-Za-z0-9._-]", "_")))
                .map(r -> r.resolve("trial-" + t.number()));
          }
        };
    try {
      Metrics m = evaluator.evaluate(t.params(), ctx);
      tell(t, m);
    } catch (TrialPruned p) {
      prune(t, p.getMessage());
    } catch (Exception | OutOfMemoryError | StackOverflowError e) {
      fail(t, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    // finishing reloaded it into the history: no second read from the store
    Trial stored = t.number() < history.size() ? history.trials().get(t.number()) : null;
    return stored != null ? stored : t;
  }

  private void startHeartbeats() {
    heartbeats =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread th = new Thread(r, "gyrus-heartbeat");
              th.setDaemon(true);
              return th;
            });
    long every = Math.max(1, heartbeatTimeout.toMillis() / 4);
    heartbeats.scheduleAtFixedRate(
        () -> {
          Instant now = clock.instant();
          for (Trial t : mine.values()) {
            try {
              store.heartbeat(t.id(), now);
            } catch (RuntimeException e) {
              // a missed beat only risks a false FAIL after the timeout; keep beating
            }
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
  }

  private void stopHeartbeats() {
    if (heartbeats != null) {
      heartbeats.shutdownNow();
      heartbeats = null;
    }
  }

  /**
   * {@link #best}, asked of the store where it can answer from its index (one objective, no
   * constraints), so the trials are not all read.
   */
  public Optional<Trial> storedBest() {
    if (info.directions().size() == 1 && history.constraints().isEmpty()) {
      return store.bestByFirstObjective(info.id(), info.directions().get(0));
    }
    return best();
  }

  /**
   * The best COMPLETE trial by the first objective among those that meet every constraint; empty
   * when none does. For several objectives see {@link #bestTrials}.
   */
  public Optional<Trial> best() {
    refresh();
    return history.best();
  }

  /**
   * The Pareto set: the COMPLETE trials that meet every constraint and that no other such trial
   * dominates, in number order. With one objective, the best trial (all of them on a tie).
   */
  public List<Trial> bestTrials() {
    refresh();
    List<Trial> feasible = history.completed().stream().filter(history::feasible).toList();
    double[][] points = new double[feasible.size()][];
    for (int i = 0; i < points.length; i++) {
      points[i] = history.oriented(feasible.get(i));
    }
    return Pareto.front(points).stream().map(feasible::get).toList();
  }

  /**
   * The hypervolume of {@link #bestTrials} above {@code ref} (one value per objective, in the
   * objectives' own units and directions: a maximised objective counts above its reference, a
   * minimised one below it).
   */
  public double hypervolume(double[] ref) {
    List<Direction> dirs = info.directions();
    if (ref.length != dirs.size()) {
      throw new SpecError(
          "reference point", dirs.size() + " values, one per objective", ref.length + " values");
    }
    double[] oriented = new double[ref.length];
    for (int i = 0; i < ref.length; i++) {
      oriented[i] = dirs.get(i).orient(ref[i]);
    }
    return Pareto.hypervolume(bestTrials().stream().map(history::oriented).toList(), oriented);
  }

  @Override
  public void close() {
    stopHeartbeats();
  }

  /**
   * Fails the trials this process is running ({@code worker stopped: why}), for a worker that is
   * being stopped: they leave the study's count at once instead of waiting out their heartbeat, and
   * {@code --retry-failed} runs them again.
   */
  public void abandon(String why) {
    synchronized (lifecycle) {
      stopping = true; // no trial is claimed or created after this
      for (Trial t : List.copyOf(mine.values())) {
        fail(t, "worker stopped: " + why);
      }
    }
  }

  private static String hostName() {
    String pid = Long.toString(ProcessHandle.current().pid());
    try {
      return InetAddress.getLocalHost().getHostName() + ":" + pid;
    } catch (Exception e) {
      return "localhost:" + pid;
    }
  }
}
