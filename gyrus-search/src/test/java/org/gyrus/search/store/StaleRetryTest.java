package org.gyrus.search.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.gyrus.core.Space;
import org.gyrus.core.Value;
import org.gyrus.search.Direction;
import org.gyrus.search.StudyInfo;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;
import org.gyrus.search.TrialStore;
import org.gyrus.search.bench.NasBench201;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stale trial failed and queued again must hand its slot to its replacement: a worker creating a
 * new trial in between would otherwise leave the study one over its target (the fault bench's "201
 * complete trials for 200").
 */
class StaleRetryTest {
  private static final int TARGET = 8;

  @TempDir Path dir;

  @Test
  void memoryStoreKeepsTheTargetWhileStaleTrialsAreRetriedAndOthersCreate() throws Exception {
    raceAndCheck(new MemoryTrialStore());
  }

  @Test
  void sqliteStoreKeepsTheTargetWhileStaleTrialsAreRetriedAndOthersCreate() throws Exception {
    try (SqliteTrialStore store = SqliteTrialStore.open(dir.resolve("s.db"))) {
      raceAndCheck(store);
    }
  }

  @Test
  void postgresKeepsTheTargetWhileStaleTrialsAreRetriedAndOthersCreate() throws Exception {
    try (PgTestDb db = new PgTestDb()) {
      String url = db.fresh();
      // one connection per thread: the row locks, not this process's monitor, keep the order
      List<TrialStore> stores = new ArrayList<>();
      try {
        for (int i = 0; i < 5; i++) {
          stores.add(PostgresTrialStore.open(url));
        }
        raceAndCheck(stores.get(4), stores.subList(0, 4));
      } finally {
        stores.forEach(TrialStore::close);
      }
    }
  }

  private static void raceAndCheck(TrialStore store) throws Exception {
    raceAndCheck(store, List.of(store, store, store, store));
  }

  private static void raceAndCheck(TrialStore store, List<TrialStore> racers) throws Exception {
    StudyInfo info =
        store.createStudy(
            "s", List.of(Direction.MAXIMIZE), NasBench201.space(), new Value.StrVal("random"), 0);
    Space space = new Space(NasBench201.space());
    Random seeds = new Random(1);
    for (int i = 0; i < TARGET; i++) {
      store.createTrial(info.id(), running(space, seeds), TARGET, false).orElseThrow();
    }
    AtomicInteger created = new AtomicInteger();
    AtomicInteger retried = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      Random rng = new Random(100 + w);
      TrialStore mine = racers.get(w);
      boolean reclaimer = w % 2 == 0;
      threads.add(
          new Thread(
              () -> {
                for (int i = 0; i < 60; i++) {
                  if (reclaimer) {
                    // a negative timeout makes every RUNNING trial stale on any clock
                    retried.addAndGet(
                        mine.failStale(
                                info.id(),
                                Duration.ofSeconds(-5),
                                Instant.now().plusSeconds(5),
                                t ->
                                    new TrialStore.NewTrial(
                                        t.dna(), null, 0, "v", "h", TrialState.WAITING))
                            .size());
                  } else {
                    mine.claimWaiting(info.id(), "h");
                    if (mine.createTrial(info.id(), running(space, rng), TARGET, false)
                        .isPresent()) {
                      created.incrementAndGet();
                    }
                  }
                }
              }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    List<Trial> all = store.trials(info.id());
    long counting = all.stream().filter(t -> t.state() != TrialState.FAIL).count();
    assertThat(retried.get())
        .as("stale trials failed and queued again")
        .isGreaterThanOrEqualTo(TARGET);
    assertThat(counting).as("trials that count toward the target").isEqualTo(TARGET);
    assertThat(created.get()).as("new trials created past a full study").isZero();
  }

  private static TrialStore.NewTrial running(Space space, Random rng) {
    return new TrialStore.NewTrial(space.sample(rng), null, 0, "v", "h", TrialState.RUNNING);
  }
}
