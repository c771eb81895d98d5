package org.gyrus.app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.gyrus.core.SpecError;
import org.gyrus.search.Study;

/**
 * A worker's {@code --timings-log}: every ask and tell as one tab-separated line (op, trial number,
 * start in epoch ms, duration in ms), buffered, so a bench can take exact percentiles over any time
 * window instead of the whole run's.
 */
final class OpTimesFile implements Study.OpTimes, AutoCloseable {
  private final Path path;
  private final PrintWriter out;

  private OpTimesFile(Path path, PrintWriter out) {
    this.path = path;
    this.out = out;
  }

  /** The file created (or emptied) now, before any work; null for no path. */
  static OpTimesFile open(Path path) {
    if (path == null) {
      return null;
    }
    try {
      BufferedWriter w = Files.newBufferedWriter(path);
      return new OpTimesFile(path, new PrintWriter(w, false));
    } catch (IOException | RuntimeException e) {
      throw new SpecError("--timings-log " + path, "a file that can be written: " + e.getMessage());
    }
  }

  @Override
  public synchronized void record(String op, int trialNumber, long startMillis, long nanos) {
    out.printf(Locale.ROOT, "%s\t%d\t%d\t%.3f%n", op, trialNumber, startMillis, nanos / 1e6);
  }

  @Override
  public synchronized void close() {
    out.close();
    if (out.checkError()) {
      System.err.println("gyrus: warning: could not write all of " + path);
    }
  }
}
