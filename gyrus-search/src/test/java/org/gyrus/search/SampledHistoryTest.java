package org.gyrus.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.gyrus.core.Space;
import org.gyrus.core.Value;
import org.gyrus.core.Values;
import org.gyrus.search.store.MemoryTrialStore;
import org.gyrus.search.store.SqliteTrialStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study larger than the history bound starts its history from a sample: the best trials, the
 * newest and a spread of the older, read with bounded queries; targets still count every trial.
 */
class SampledHistoryTest {
  private static final Value SPACE =
      Value.Node.of("m", "x", Values.floatRange(0, 1, false), "y", Values.floatRange(0, 1, false));

  @TempDir Path dir;

  /** Writes {@code n} finished trials straight to the store: every 10th FAIL, the others scored. */
  private static StudyInfo fill(TrialStore store, int n, Direction direction) {
    StudyInfo info =
        store.createStudy("big", List.of(direction), SPACE, new Value.StrVal("tpe"), 5);
    Space space = new Space(SPACE);
    Random rng = new Random(1);
    for (int i = 0; i < n; i++) {
      var nt = new TrialStore.NewTrial(space.sample(rng), null, i, "v", "h", TrialState.RUNNING);
      Trial t = store.createTrial(info.id(), nt, Integer.MAX_VALUE, false).orElseThrow();
      boolean fail = i % 10 == 3;
      store.finish(
          t.id(),
          fail ? TrialState.FAIL : TrialState.COMPLETE,
          fail ? List.of() : List.of(rng.nextDouble()),
          fail ? "x" : null,
          Instant.now());
    }
    return info;
  }

  private static List<Integer> bruteBest(TrialStore store, StudyInfo info, int k) {
    Direction d = info.directions().get(0);
    return store.trials(info.id()).stream()
        .filter(t -> t.state() == TrialState.COMPLETE)
        .sorted(Comparator.comparingDouble((Trial t) -> -d.orient(t.value())))
        .limit(k)
        .map(Trial::number)
        .toList();
  }

  @Test
  void aStudyOverTheBoundAsksFromASampleAndStillStopsAtItsTarget() {
    MemoryTrialStore store = new MemoryTrialStore();
    StudyInfo info = fill(store, 1500, Direction.MINIMIZE);
    System.setProperty("gyrus.history.bound", "1000");
    try (Study s = Study.lazy(store, "big")) {
      History h = s.refresh();
      List<Trial> held = h.trials().stream().filter(Objects::nonNull).toList();
      assertThat(held.size()).isLessThanOrEqualTo(100 + 256 + 256).isGreaterThan(256);
      assertThat(held.stream().map(Trial::number).toList())
          .containsAll(bruteBest(store, info, 100))
          .contains(1499, 1244);
      assertThat(h.size()).as("numbers continue after the last trial").isEqualTo(1500);
      // 1,350 trials count (150 failed): a target of 1,350 is met without creating one
      assertThat(s.ask(1350)).isEmpty();
      Trial next = s.ask(1351).orElseThrow();
      assertThat(next.number()).isEqualTo(1500);
      s.tell(next, 0.5);
      assertThat(s.ask(1351)).isEmpty();
    } finally {
      System.clearProperty("gyrus.history.bound");
    }
    try (Study s = Study.lazy(store, "big")) {
      assertThat(s.refresh().trials().stream().filter(Objects::nonNull).count())
          .as("under the bound: every trial")
          .isEqualTo(1501);
    }
  }

  /**
   * An ask claims a queued trial before creating one, with no store probe when its history shows
   * none queued: a queued trial that a sampled history left out must still be claimed first.
   */
  @Test
  void aQueuedTrialTheSampleLeftOutIsClaimedFirst() {
    MemoryTrialStore store = new MemoryTrialStore();
    StudyInfo info = fill(store, 1200, Direction.MINIMIZE);
    // queued early: trial 1200, then 1,000 newer trials push it out of the newest 256
    var queued =
        new TrialStore.NewTrial(
            new Space(SPACE).sample(new Random(9)), null, 0, "v", "q", TrialState.WAITING);
    int queuedNumber =
        store.createTrial(info.id(), queued, Integer.MAX_VALUE, false).orElseThrow().number();
    Space space = new Space(SPACE);
    Random rng = new Random(2);
    for (int i = 0; i < 1000; i++) {
      var nt = new TrialStore.NewTrial(space.sample(rng), null, i, "v", "h", TrialState.RUNNING);
      Trial t = store.createTrial(info.id(), nt, Integer.MAX_VALUE, false).orElseThrow();
      store.finish(
          t.id(), TrialState.COMPLETE, List.of(0.5 + rng.nextDouble()), null, Instant.now());
    }
    System.setProperty("gyrus.history.bound", "1000");
    try (Study s = Study.lazy(store, "big")) {
      Trial first = s.ask();
      assertThat(first.number()).as("the queued trial").isEqualTo(queuedNumber);
      assertThat(first.state()).isEqualTo(TrialState.RUNNING);
      s.tell(first, 0.7);
      assertThat(s.ask().number()).as("then a new one").isEqualTo(2201);
    } finally {
      System.clearProperty("gyrus.history.bound");
    }
  }

  @Test
  void sqlReadsTheSameBestAndTrialsAsAFullScan() {
    for (Direction d : Direction.values()) {
      try (SqliteTrialStore store = SqliteTrialStore.open(dir.resolve(d + ".db"))) {
        StudyInfo info = fill(store, 300, d);
        assertThat(store.trialCount(info.id())).isEqualTo(300);
        assertThat(store.bestNumbers(info.id(), d, 25)).isEqualTo(bruteBest(store, info, 25));
        assertThat(store.trialsByNumber(info.id(), List.of(299, 7, 3, 400)))
            .isEqualTo(
                store.trials(info.id()).stream()
                    .filter(t -> List.of(3, 7, 299).contains(t.number()))
                    .toList());
      }
    }
  }
}
