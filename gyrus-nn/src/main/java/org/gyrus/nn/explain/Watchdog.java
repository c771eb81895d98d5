package org.gyrus.nn.explain;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A wall-clock limit around work that may ignore its own: ojAlgo's MILP checks {@code time_abort}
 * between branch-and-bound nodes, not inside one node's simplex, which was seen to run for more
 * than 10 minutes on a 45 s budget. The work runs on its own daemon thread; past the limit the
 * caller gets nothing and goes on, the thread is interrupted and, if the work ignores that too,
 * left to end by itself (it cannot keep the JVM alive).
 */
final class Watchdog {
  private Watchdog() {}

  /** The work's result, or empty when it did not finish within {@code ms} milliseconds. */
  static <T> Optional<T> within(Callable<T> work, long ms, String name) {
    FutureTask<T> task = new FutureTask<>(work);
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    try {
      return Optional.ofNullable(task.get(Math.max(ms, 1), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      task.cancel(true);
      return Optional.empty();
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
