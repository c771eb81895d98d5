package org.gyrus.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.gyrus.core.Decision;
import org.gyrus.core.DnaSpec;
import org.gyrus.search.History;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;

/** Plain-text tables of trials for the terminal. */
final class TrialTable {
  private TrialTable() {}

  /** The point of a trial as {@code id=label} pairs, e.g. {@code edges[0].op=nor_conv_3x3}. */
  static String describe(DnaSpec spec, Trial t) {
    List<String> parts = new ArrayList<>();
    for (Decision d : spec.active(t.dna())) {
      Number v = t.dna().get(d.id());
      String shown = d instanceof Decision.Choice c ? c.labels().get(v.intValue()) : v.toString();
      parts.add(d.id() + "=" + shown);
    }
    return String.join(" ", parts);
  }

  static String value(Trial t) {
    if (t.values().isEmpty()) {
      return "-";
    }
    List<String> vs = new ArrayList<>();
    for (double v : t.values()) {
      vs.add(String.format(Locale.ROOT, "%.4f", v));
    }
    return String.join(",", vs);
  }

  /** The best {@code top} COMPLETE trials. */
  static void leaderboard(Study study, int top, PrintStream out) {
    History h = study.refresh();
    List<Trial> done = new ArrayList<>(h.completed());
    done.sort(Comparator.comparingDouble((Trial t) -> h.score(t)).reversed());
    out.printf(
        Locale.ROOT, "%-5s %-6s %-12s %-8s %s%n", "rank", "trial", "value", "secs", "architecture");
    for (int i = 0; i < Math.min(top, done.size()); i++) {
      Trial t = done.get(i);
      out.printf(
          Locale.ROOT,
          "%-5d %-6d %-12s %-8.2f %s%n",
          i + 1,
          t.number(),
          value(t),
          t.durationSeconds(),
          describe(study.space().dnaSpec(), t));
    }
  }

  static void all(Study study, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%-6s %-9s %-12s %-8s %s%n",
        "trial",
        "state",
        "value",
        "secs",
        "point / error");
    for (Trial t : study.trials()) {
      String tail =
          t.state() == TrialState.FAIL
              ? "error: " + t.error()
              : describe(study.space().dnaSpec(), t);
      out.printf(
          Locale.ROOT,
          "%-6d %-9s %-12s %-8.2f %s%n",
          t.number(),
          t.state(),
          value(t),
          t.durationSeconds(),
          tail);
    }
  }
}
