package org.gyrus.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.gyrus.core.Decision;
import org.gyrus.core.DnaSpec;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.BlockTypes;
import org.gyrus.nn.blocks.Notation;
import org.gyrus.search.Experiment;
import org.gyrus.search.History;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;

/** Plain-text tables of trials for the terminal. */
final class TrialTable {
  private TrialTable() {}

  /**
   * The point of a trial as {@code label=value} pairs, e.g. {@code edge1.op=nor_conv_3x3}: each
   * decision by its name or readable label ({@link DnaSpec#label}).
   */
  static String describe(DnaSpec spec, Trial t) {
    return describe(spec, t, false);
  }

  /** The model's decisions, or ({@code evaluator}) those searched in the experiment's evaluator. */
  private static String describe(DnaSpec spec, Trial t, boolean evaluator) {
    List<String> parts = new ArrayList<>();
    for (Decision d : spec.active(t.dna())) {
      if (inEvaluator(d) != evaluator) {
        continue;
      }
      Number v = t.dna().get(d.id());
      String shown =
          d instanceof Decision.Choice c
              ? c.labels().get(v.intValue())
              : v instanceof Double x ? String.format(Locale.ROOT, "%.4g", x) : v.toString();
      parts.add(spec.label(d.id()) + "=" + shown);
    }
    return String.join(" ", parts);
  }

  private static boolean inEvaluator(Decision d) {
    return d.id().startsWith(Experiment.EVALUATOR + ".");
  }

  /**
   * The model of a trial on one line, then the decisions searched in the experiment's evaluator
   * (the training recipe...) after a bar.
   */
  static String architecture(DnaSpec spec, Trial t, Collection<String> blocks) {
    String model = model(spec, t, blocks);
    String recipe = describe(spec, t, true);
    return recipe.isEmpty() ? model : model + "  | " + recipe;
  }

  /**
   * The architecture of a trial on one line ({@link Notation}) with its parameters and FLOPs when
   * the evaluator measured them; the decisions when the point is not a network ({@code blocks}: the
   * block type names, looked up once per table).
   */
  private static String model(DnaSpec spec, Trial t, Collection<String> blocks) {
    if (!(t.params() instanceof Value.Node) && !(t.params() instanceof Value.ListVal)) {
      return describe(spec, t);
    }
    if (t.params() instanceof Value.Node n && !blocks.contains(n.type())) {
      return describe(spec, t);
    }
    String line = Notation.of(t.params());
    String params = t.attrs().get("metric.params");
    String flops = t.attrs().get("metric.flops");
    if (params != null && flops != null) {
      line +=
          String.format(
              Locale.ROOT,
              "  (%s params, %.2f MFLOPs)",
              compact(Double.parseDouble(params)),
              Double.parseDouble(flops) / 1e6);
    }
    return line;
  }

  private static String compact(double n) {
    return n >= 1e6
        ? String.format(Locale.ROOT, "%.2fM", n / 1e6)
        : n >= 1e3
            ? String.format(Locale.ROOT, "%.1fk", n / 1e3)
            : String.format(Locale.ROOT, "%.0f", n);
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
    List<String> blocks = BlockTypes.standard().names();
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
          architecture(study.space().dnaSpec(), t, blocks));
    }
  }

  static void all(Study study, PrintStream out) {
    List<String> blocks = BlockTypes.standard().names();
    out.printf(
        Locale.ROOT,
        "%-6s %-9s %-12s %-8s %s%n",
        "trial",
        "state",
        "value",
        "secs",
        "point / error");
    // a page at a time, so a million-trial study is printed, not held; stops when the reader
    // of the output has gone (`study show | head`)
    study.scanTrials(
        5000,
        t -> {
          String tail =
              t.state() == TrialState.FAIL
                  ? "error: " + t.error()
                  : architecture(study.space().dnaSpec(), t, blocks);
          out.printf(
              Locale.ROOT,
              "%-6d %-9s %-12s %-8.2f %s%n",
              t.number(),
              t.state(),
              value(t),
              t.durationSeconds(),
              tail);
          return !out.checkError();
        });
  }
}
