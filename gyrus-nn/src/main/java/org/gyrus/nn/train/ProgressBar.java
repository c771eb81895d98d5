package org.gyrus.nn.train;

import java.io.PrintStream;

/**
 * A one-line progress bar on stderr (loss, accuracy, throughput, ETA), redrawn at most ten times a
 * second. Silent when stderr is not a terminal, so logs and tests stay clean.
 */
public final class ProgressBar {
  private final PrintStream out;
  private final boolean enabled;
  private final String label;
  private final long start = System.nanoTime();
  private long lastDraw;

  public ProgressBar(String label, boolean enabled) {
    this.out = System.err;
    this.label = label;
    this.enabled = enabled;
  }

  /** Enabled only on an interactive terminal. */
  public static ProgressBar auto(String label) {
    return new ProgressBar(label, System.console() != null);
  }

  public boolean enabled() {
    return enabled;
  }

  public void update(long done, long total, double loss, double acc, double perSecond) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < 100_000_000L && done < total) {
      return;
    }
    lastDraw = now;
    out.print("\r" + line(label, done, total, loss, acc, perSecond, (now - start) / 1e9));
    out.flush();
  }

  /** The text of one redraw; pure, so it can be tested. */
  static String line(
      String label, long done, long total, double loss, double acc, double perSecond, double el) {
    int width = 24;
    double f = total == 0 ? 1 : Math.min(1, (double) done / total);
    int filled = (int) Math.round(f * width);
    double eta = f > 0 ? el * (1 - f) / f : 0;
    return String.format(
        "%s [%s%s] %3.0f%% loss %.4f acc %5.1f%% %,.0f ex/s ETA %s",
        label,
        "#".repeat(filled),
        ".".repeat(width - filled),
        100 * f,
        loss,
        100 * acc,
        perSecond,
        clock(eta));
  }

  static String clock(double s) {
    long t = Math.round(s);
    return t >= 3600
        ? String.format("%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
        : String.format("%d:%02d", t / 60, t % 60);
  }

  public void finish(String summary) {
    if (enabled) {
      out.print("\r\033[K" + summary + System.lineSeparator());
      out.flush();
    }
  }
}
