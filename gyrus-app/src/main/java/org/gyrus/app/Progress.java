package org.gyrus.app;

import java.io.PrintStream;
import java.util.Locale;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;

/** One line per finished trial: its outcome and the best so far. */
final class Progress {
  private Progress() {}

  static Study.TrialListener trialLines(PrintStream err) {
    return (Trial t, Study s) -> {
      // the best of the history as last read: no store round trip after every trial
      String best = s.history().best().map(TrialTable::value).orElse("-");
      err.printf(
          Locale.ROOT,
          "trial %4d %-8s value %-10s best %-10s %6.2fs%s%n",
          t.number(),
          t.state(),
          TrialTable.value(t),
          best,
          t.durationSeconds(),
          t.error() == null ? "" : "  " + t.error());
      err.flush();
    };
  }
}
