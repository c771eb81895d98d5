package org.gyrus.search.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
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

/**
 * Many claimers, each on its own connection, race on one PostgreSQL study: every queued trial is
 * claimed once, numbers stay dense, the target is met and never exceeded, no point is created
 * twice, and a reader that follows the study by change number ({@code changesSince}, as every
 * worker does) ends with exactly what a full read shows, so no change committed out of order is
 * missed.
 */
class PgClaimContentionTest {
  private static final int CLAIMERS = 16;
  private static final int QUEUED = 80;
  private static final int TARGET = 240;

  @Test
  void claimersTakeEachTrialOnceAndAFollowingReaderMissesNoChange() throws Exception {
    try (PgTestDb db = new PgTestDb()) {
      String url = db.fresh();
      List<TrialStore> stores = new ArrayList<>();
      try {
        for (int i = 0; i < CLAIMERS + 1; i++) {
          stores.add(PostgresTrialStore.open(url));
        }
        race(stores);
      } finally {
        stores.forEach(TrialStore::close);
      }
    }
  }

  private static void race(List<TrialStore> stores) throws Exception {
    TrialStore first = stores.get(0);
    StudyInfo info =
        first.createStudy(
            "c", List.of(Direction.MAXIMIZE), NasBench201.space(), new Value.StrVal("random"), 0);
    Space space = new Space(NasBench201.space());
    Random queue = new Random(7);
    for (int i = 0; i < QUEUED; i++) {
      var nt = new TrialStore.NewTrial(space.sample(queue), null, 0, "v", "q", TrialState.WAITING);
      first.createTrial(info.id(), nt, Integer.MAX_VALUE, false).orElseThrow();
    }
    // creates draw from a pool not much larger than the target, so claimers often race for one
    // point
    List<org.gyrus.core.Dna> pool = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      pool.add(space.sample(queue));
    }
    Map<Long, AtomicInteger> claims = new ConcurrentHashMap<>();
    AtomicInteger failed = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < CLAIMERS; w++) {
      TrialStore mine = stores.get(w);
      Random rng = new Random(100 + w);
      threads.add(
          new Thread(
              () -> {
                while (true) {
                  var claimed = mine.claimWaiting(info.id(), "w");
                  claimed.ifPresent(
                      t ->
                          claims
                              .computeIfAbsent(t.id(), k -> new AtomicInteger())
                              .incrementAndGet());
                  Trial t = claimed.orElse(null);
                  for (int attempt = 0; t == null && attempt < 50; attempt++) {
                    var nt =
                        new TrialStore.NewTrial(
                            pool.get(rng.nextInt(pool.size())),
                            null,
                            0,
                            "v",
                            "w",
                            TrialState.RUNNING);
                    t = mine.createTrial(info.id(), nt, TARGET, true).orElse(null);
                  }
                  if (t == null) {
                    return; // nothing waiting and the study is full
                  }
                  // every 9th finishes as FAIL: its slot is free again for another create
                  boolean fail = rng.nextInt(9) == 0;
                  if (fail) {
                    failed.incrementAndGet();
                  }
                  mine.finish(
                      t.id(),
                      fail ? TrialState.FAIL : TrialState.COMPLETE,
                      fail ? List.of() : List.of(rng.nextDouble()),
                      fail ? "x" : null,
                      Instant.now());
                }
              }));
    }
    AtomicBoolean running = new AtomicBoolean(true);
    Map<Integer, TrialState> followed = new HashMap<>();
    TrialStore reader = stores.get(CLAIMERS);
    Thread follower =
        new Thread(
            () -> {
              long known = -1;
              while (true) {
                boolean last = !running.get();
                TrialStore.Changes changes = reader.changesSince(info.id(), known);
                for (Trial t : changes.trials()) {
                  followed.put(t.number(), t.state());
                }
                known = changes.version();
                if (last) {
                  return;
                }
              }
            });
    follower.start();
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    running.set(false);
    follower.join();

    List<Trial> all = first.trials(info.id());
    assertThat(claims).as("queued trials claimed").hasSize(QUEUED);
    assertThat(claims.values()).as("claims per queued trial").allMatch(n -> n.get() == 1);
    assertThat(all).extracting(Trial::number).containsExactlyElementsOf(range(all.size()));
    assertThat(all.stream().filter(t -> t.state() != TrialState.FAIL).count())
        .as("trials that count toward the target")
        .isEqualTo(TARGET);
    assertThat(all).noneMatch(t -> t.state() == TrialState.RUNNING);
    assertThat(failed.get()).as("failed trials made room").isPositive();
    List<String> live =
        all.stream()
            .filter(t -> t.state() != TrialState.FAIL && !"q".equals(t.host()))
            .map(t -> t.dna().toJson())
            .toList();
    assertThat(live).as("points created once").doesNotHaveDuplicates();
    Map<Integer, TrialState> full = new HashMap<>();
    all.forEach(t -> full.put(t.number(), t.state()));
    assertThat(followed).as("the reader's view, change by change").isEqualTo(full);
  }

  private static List<Integer> range(int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }
}
