package org.gyrus.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gyrus.core.Value;
import org.gyrus.search.bench.NasBench201;
import org.gyrus.search.store.SqliteTrialStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two workers share a study while their clocks jump by hours, forward and back (an injected clock,
 * never the system's): no live trial is declared dead, every computed result is stored once, and
 * the study reaches its target.
 */
class ClockJumpTest {
  @TempDir Path dir;

  /** The system clock moved by an offset that a test changes while workers run. */
  static final class JumpingClock extends Clock {
    volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }
  }

  @Test
  void workersWhoseClocksJumpNeitherDieNorKillOthers() throws Exception {
    JumpingClock a = new JumpingClock();
    JumpingClock b = new JumpingClock();
    Map<Integer, Double> computed = new ConcurrentHashMap<>();
    Evaluator slow =
        (concrete, ctx) -> {
          Thread.sleep(300); // longer than the heartbeat timeout below
          double v = Math.floorMod(NasBench201.archString(concrete).hashCode(), 1000) / 1000.0;
          computed.put(ctx.number(), v);
          return Metrics.of(v);
        };
    int target = 12;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (SqliteTrialStore store = SqliteTrialStore.open(dir.resolve("c.db"))) {
      List<Future<?>> runs =
          List.of(
              pool.submit(() -> work(store, a, slow, target)),
              pool.submit(() -> work(store, b, slow, target)));
      // while both run: one clock leaps forward, the other back, then they swap
      for (Duration[] jump :
          new Duration[][] {
            {Duration.ofHours(2), Duration.ofHours(-3)}, {Duration.ofHours(-5), Duration.ofDays(1)}
          }) {
        Thread.sleep(700);
        a.offset = jump[0];
        b.offset = jump[1];
      }
      for (Future<?> f : runs) {
        f.get();
      }
      List<Trial> trials = Study.load(store, "jumps").trials();
      assertThat(trials).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
      assertThat(trials).hasSize(target);
      assertThat(trials.stream().map(Trial::number).toList()).doesNotHaveDuplicates();
      for (Trial t : trials) {
        assertThat(t.values().get(0)).isEqualTo(computed.get(t.number()));
      }
      assertThat(computed).hasSize(target); // no trial was computed twice or thrown away
    } finally {
      pool.shutdownNow();
    }
  }

  private static Void work(SqliteTrialStore store, Clock clock, Evaluator ev, int target) {
    Study.Options o = new Study.Options(Duration.ofMillis(200), false, true).withClock(clock);
    try (Study s =
        Study.open(
            store,
            "jumps",
            NasBench201.space(),
            List.of(Direction.MAXIMIZE),
            new Value.StrVal("random"),
            0,
            o)) {
      s.optimize(ev, target, Study.TrialListener.NONE);
    }
    return null;
  }
}
