package org.gyrus.search;

import java.util.Arrays;
import java.util.Locale;

/**
 * Durations of one kind of store operation (ask, tell, waiting for the write lock), kept so a
 * worker can say what the store cost it: count, median, 99th percentile and maximum. Keeps at most
 * {@link #CAPACITY} samples (afterwards every other one is dropped and the stride doubles, so the
 * percentiles stay over the whole run).
 */
public final class Latencies {
  static final int CAPACITY = 1 << 16;
  private long[] nanos = new long[1024];
  private int size;
  private int stride = 1;
  private long seen;

  public synchronized void record(long durationNanos) {
    seen++;
    if (seen % stride != 0) {
      return;
    }
    if (size == nanos.length) {
      if (size < CAPACITY) {
        nanos = Arrays.copyOf(nanos, size * 2);
      } else {
        for (int i = 0; i < size / 2; i++) {
          nanos[i] = nanos[2 * i + 1];
        }
        size /= 2;
        stride *= 2;
      }
    }
    nanos[size++] = durationNanos;
  }

  /** Count, p50, p99 and maximum of what was recorded (milliseconds). */
  public record Summary(long count, double p50Ms, double p99Ms, double maxMs) {
    public String format(String name) {
      return String.format(
          Locale.ROOT,
          "%s_n=%d %s_p50_ms=%.3f %s_p99_ms=%.3f %s_max_ms=%.3f",
          name,
          count,
          name,
          p50Ms,
          name,
          p99Ms,
          name,
          maxMs);
    }
  }

  public synchronized Summary summary() {
    if (size == 0) {
      return new Summary(seen, 0, 0, 0);
    }
    long[] s = Arrays.copyOf(nanos, size);
    Arrays.sort(s);
    return new Summary(seen, ms(s, 0.50), ms(s, 0.99), s[size - 1] / 1e6);
  }

  private static double ms(long[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}
