package org.gyrus.nn.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class WatchdogTest {
  @Test
  void workThatEndsInTimeGivesItsResult() {
    assertThat(Watchdog.within(() -> 6 * 7, 5_000, "t")).contains(42);
  }

  @Test
  void workThatIgnoresItsOwnLimitIsAbandonedAtTheWatchdogsLimit() throws Exception {
    // a loop that never checks for interruption stands for a simplex stuck at one node
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch started = new CountDownLatch(1);
    long t0 = System.nanoTime();
    var result =
        Watchdog.within(
            () -> {
              started.countDown();
              while (!stop.get()) {
                Thread.onSpinWait();
              }
              return 1;
            },
            300,
            "spin");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    stop.set(true);
    assertThat(started.getCount()).isZero();
    assertThat(result).isEmpty();
    assertThat(ms).isBetween(250L, 5_000L);
  }

  @Test
  void aFailureInsideTheWorkReachesTheCaller() {
    assertThatThrownBy(
            () ->
                Watchdog.within(
                    () -> {
                      throw new IllegalArgumentException("bad model");
                    },
                    5_000,
                    "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad model");
  }
}
