package org.gyrus.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Values;
import org.gyrus.search.store.MemoryTrialStore;
import org.gyrus.search.store.SqliteTrialStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyTest {
  private static final Value SPACE =
      Value.Node.of("m", "units", Values.intRange(1, 50), "act", Values.oneOf("relu", "tanh"));
  @TempDir Path dir;

  private static Study open(TrialStore store, Study.Options opts) {
    return Study.open(
        store, "s", SPACE, List.of(Direction.MAXIMIZE), new Value.StrVal("random"), 1, opts);
  }

  /**
   * Random search reads the store's changes at most once a second: alone, a worker proposes what it
   * would from a history read before every ask; two workers sharing a small space between reads
   * still create each point once (the store refuses a taken point, the refused worker reads and
   * draws again) and together stop at the target.
   */
  @Test
  void randomSearchFromAStaleHistoryProposesAsAFreshOneAndNeverTwice() {
    Value small =
        Value.Node.of("m", "units", Values.intRange(1, 10), "act", Values.oneOf("relu", "tanh"));
    List<List<Object>> runs = new java.util.ArrayList<>();
    for (boolean readFirst : new boolean[] {false, true}) {
      try (TrialStore store = new MemoryTrialStore();
          Study s =
              Study.open(
                  store,
                  "s",
                  small,
                  List.of(Direction.MAXIMIZE),
                  new Value.StrVal("random"),
                  4,
                  Study.Options.DEFAULT)) {
        List<Object> points = new java.util.ArrayList<>();
        for (int i = 0; i < 15; i++) {
          if (readFirst) {
            s.refresh();
          }
          Trial t = s.ask();
          points.add(t.dna());
          s.tell(t, i);
        }
        runs.add(points);
      }
    }
    assertThat(runs.get(0)).isEqualTo(runs.get(1));
    try (TrialStore store = new MemoryTrialStore();
        Study a = open(store, Study.Options.DEFAULT);
        Study b = open(store, Study.Options.DEFAULT)) {
      int target = 60; // of the space's 100 points, so the two often draw a point the other took
      int ran = 0;
      for (boolean turnOfA = true; ; turnOfA = !turnOfA) {
        Study s = turnOfA ? a : b;
        java.util.Optional<Trial> t = s.ask(target);
        if (t.isEmpty()) {
          break;
        }
        s.tell(t.get(), ran++);
      }
      List<Trial> all = store.trials(a.info().id());
      assertThat(all).hasSize(target);
      assertThat(all.stream().map(t -> t.dna().toJson()).toList()).doesNotHaveDuplicates();
    }
  }

  @Test
  void askTellRecordsValuesProvenanceAndIntermediates() {
    try (TrialStore store = SqliteTrialStore.open(dir.resolve("a.db"));
        Study s = open(store, Study.Options.DEFAULT)) {
      Trial t = s.ask();
      assertThat(t.state()).isEqualTo(TrialState.RUNNING);
      assertThat(s.report(t, 1, 0.5)).isFalse();
      s.tell(t, Metrics.of(0.75));
      Trial stored = store.trial(t.id()).orElseThrow();
      assertThat(stored.state()).isEqualTo(TrialState.COMPLETE);
      assertThat(stored.values()).containsExactly(0.75);
      assertThat(stored.intermediate()).containsEntry(1L, 0.5);
      assertThat(stored.params()).isEqualTo(s.space().materialise(stored.dna()));
      assertThat(stored.version()).isNotBlank();
      assertThat(stored.host()).contains(":");
      assertThat(stored.end()).isAfterOrEqualTo(stored.start());
    }
  }

  @Test
  void failingEvaluatorsAreRecordedAndTheStudyGoesOn() {
    try (TrialStore store = new MemoryTrialStore();
        Study s = open(store, Study.Options.DEFAULT)) {
      Study.RunSummary r =
          s.optimize(
              (c, ctx) -> {
                if (ctx.number() % 3 == 0) {
                  throw new IllegalStateException("boom " + ctx.number());
                }
                return Metrics.of(ctx.number());
              },
              10,
              Study.TrialListener.NONE);
      assertThat(r.failed()).isPositive();
      assertThat(s.trials().stream().filter(t -> t.state() == TrialState.COMPLETE)).hasSize(10);
      assertThat(
              s.trials().stream()
                  .filter(t -> t.state() == TrialState.FAIL)
                  .findFirst()
                  .orElseThrow()
                  .error())
          .contains("boom");
    }
  }

  @Test
  void enqueuedPointsRunFirst() {
    try (TrialStore store = new MemoryTrialStore();
        Study s = open(store, Study.Options.DEFAULT)) {
      s.enqueue(Map.of("units", 7L, "act", 1L));
      Trial t = s.ask();
      assertThat(t.params()).isEqualTo(Value.Node.of("m", "units", 7, "act", "tanh"));
    }
  }

  @Test
  void theStoreAnswersBestCountsAndStaleLikeTheFullHistory() throws Exception {
    for (Direction dir : List.of(Direction.MAXIMIZE, Direction.MINIMIZE)) {
      for (TrialStore store :
          List.of(new MemoryTrialStore(), SqliteTrialStore.open(this.dir.resolve(dir + ".db")))) {
        try (store;
            Study s =
                Study.open(
                    store,
                    "s",
                    SPACE,
                    List.of(dir),
                    new Value.StrVal("random"),
                    1,
                    new Study.Options(Duration.ofMillis(50), false, true))) {
          double[] values = {0.3, -1.5, 2.25, 2.25, -1.5, 0.1 + 0.2, 1e-300};
          for (double v : values) {
            s.tell(s.ask(), v);
          }
          s.fail(s.ask(), "broken");
          s.prune(s.ask(), "slow");
          Trial running = s.ask(); // never told: its heartbeat goes stale
          Study fresh = Study.lazy(store, "s");
          Trial best = fresh.storedBest().orElseThrow();
          assertThat(best.number()).isEqualTo(s.best().orElseThrow().number()); // first of a tie
          assertThat(best.value()).isEqualTo(dir == Direction.MAXIMIZE ? 2.25 : -1.5);
          assertThat(store.stateCounts(s.info().id()))
              .containsEntry(TrialState.COMPLETE, 7L)
              .containsEntry(TrialState.FAIL, 1L)
              .containsEntry(TrialState.PRUNED, 1L)
              .containsEntry(TrialState.RUNNING, 1L);
          Thread.sleep(120);
          assertThat(fresh.staleCount()).isEqualTo(1);
          s.tell(running, 0.0);
          assertThat(fresh.staleCount()).isZero();
        }
      }
    }
  }

  @Test
  void enqueuedIntsAreTakenAsGivenAndImpossibleValuesRefused() {
    try (TrialStore store = new MemoryTrialStore();
        Study s = open(store, Study.Options.DEFAULT)) {
      // plain Java ints (not longs) used to be taken as absent and replaced by a random sample
      s.enqueue(Map.of("units", 7, "act", 1));
      assertThat(s.ask().params()).isEqualTo(Value.Node.of("m", "units", 7, "act", "tanh"));
      assertThatThrownBy(() -> s.enqueue(Map.of("units", 100_000)))
          .isInstanceOf(SpecError.class)
          .hasMessageContaining("units")
          .hasMessageContaining("100000");
    }
  }

  @Test
  void staleRunningTrialsFailOnResumeAndAreRetriedWhenAsked() throws Exception {
    Path db = dir.resolve("b.db");
    long staleId;
    try (TrialStore store = SqliteTrialStore.open(db);
        Study s = open(store, new Study.Options(Duration.ofMillis(20), false, true))) {
      s.tell(s.ask(), 1.0);
      staleId = s.ask().id(); // left RUNNING, as by a killed process
    }
    Thread.sleep(50);
    // the study's stored 20 ms decide, not the ten minutes this opener asks for
    try (TrialStore store = SqliteTrialStore.open(db);
        Study s = open(store, new Study.Options(Duration.ofMinutes(10), true, true))) {
      Trial stale = store.trial(staleId).orElseThrow();
      assertThat(stale.state()).isEqualTo(TrialState.FAIL);
      assertThat(stale.error()).contains("heartbeat lost");
      Trial retry = s.ask();
      assertThat(retry.dna()).isEqualTo(stale.dna());
      assertThat(s.trials().stream().filter(t -> t.state() == TrialState.COMPLETE)).hasSize(1);
    }
  }

  @Test
  void optimizeStopsAtTheStudyTotalAcrossResumes() {
    Path db = dir.resolve("c.db");
    try (TrialStore store = SqliteTrialStore.open(db);
        Study s = open(store, Study.Options.DEFAULT)) {
      s.optimize((c, ctx) -> Metrics.of(1), 5, Study.TrialListener.NONE);
    }
    try (TrialStore store = SqliteTrialStore.open(db);
        Study s = open(store, Study.Options.DEFAULT)) {
      Study.RunSummary r = s.optimize((c, ctx) -> Metrics.of(1), 8, Study.TrialListener.NONE);
      assertThat(r.ran()).isEqualTo(3);
      assertThat(s.trials()).hasSize(8);
    }
  }

  @Test
  void medianPrunerStopsTrialsBelowTheMedianCurve() {
    try (TrialStore store = new MemoryTrialStore();
        Study s = open(store, Study.Options.DEFAULT)) {
      s.withPruner(new MedianPruner(3, 0));
      Study.RunSummary r =
          s.optimize(
              (c, ctx) -> {
                double quality = ctx.number() % 2 == 0 ? 1.0 : 0.1;
                for (long step = 0; step < 5; step++) {
                  if (ctx.report(step, quality * (step + 1))) {
                    throw new TrialPruned("pruned at step " + step);
                  }
                }
                return Metrics.of(quality * 5);
              },
              20,
              Study.TrialListener.NONE);
      assertThat(r.pruned()).isGreaterThanOrEqualTo(7);
      assertThat(
              s.trials().stream()
                  .filter(t -> t.state() == TrialState.PRUNED)
                  .allMatch(t -> t.number() % 2 == 1))
          .isTrue();
    }
  }

  @Test
  void successiveHalvingKeepsTheTopThirdAtEachRung() {
    History h = new History(List.of(Direction.MAXIMIZE));
    SuccessiveHalvingPruner p = new SuccessiveHalvingPruner(1, 3);
    for (int i = 0; i < 6; i++) {
      h.update(trialWith(i, Map.of(1L, (double) i)));
    }
    assertThat(p.shouldPrune(trialWith(6, Map.of(1L, 0.5)), 1, h)).isTrue();
    assertThat(p.shouldPrune(trialWith(6, Map.of(1L, 5.5)), 1, h)).isFalse();
    assertThat(p.shouldPrune(trialWith(6, Map.of(2L, 0.0)), 2, h)).isFalse();
  }

  private static Trial trialWith(int number, Map<Long, Double> inter) {
    return new Trial(
        number + 1,
        number,
        TrialState.RUNNING,
        org.gyrus.core.Dna.EMPTY,
        null,
        List.of(),
        new java.util.TreeMap<>(inter),
        Map.of(),
        0,
        "v",
        "h",
        Instant.now(),
        null,
        Instant.now(),
        null);
  }

  @Test
  void aLaterOpenerWithAShortTimeoutCannotDeclareALiveWorkerDead() throws Exception {
    MemoryTrialStore store = new MemoryTrialStore();
    try (Study a = open(store, Study.Options.DEFAULT)) {
      Trial running = a.ask(); // alive: its study's timeout is 60 s
      Thread.sleep(30);
      try (Study b = open(store, new Study.Options(Duration.ofMillis(10), true, true))) {
        assertThat(store.trial(running.id()).orElseThrow().state()).isEqualTo(TrialState.RUNNING);
        assertThat(store.studyAttrs(b.info().id()))
            .containsEntry(Study.HEARTBEAT_TIMEOUT_MS, "60000");
      }
    }
    assertThatThrownBy(() -> new Study.Options(Duration.ZERO, false, true))
        .hasMessageContaining("--heartbeat");
  }

  @Test
  void aSurvivingWorkerReclaimsADeadWorkersTrialAndEndsAtTheTarget() {
    MemoryTrialStore store = new MemoryTrialStore();
    Study.Options fast = new Study.Options(Duration.ofMillis(100), true, true);
    try (Study dead = open(store, fast);
        Study alive = open(store, fast)) {
      Trial orphan = dead.ask(); // never told, never beats: its worker died
      Study.RunSummary sum =
          alive.optimize((c, ctx) -> Metrics.of(1.0), 5, Study.TrialListener.NONE);
      assertThat(store.trial(orphan.id()).orElseThrow().state()).isEqualTo(TrialState.FAIL);
      long complete = alive.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).count();
      assertThat(complete).as("%s", sum).isEqualTo(5);
      assertThat(alive.trials().stream().filter(t -> t.state() == TrialState.RUNNING)).isEmpty();
    }
  }
}
