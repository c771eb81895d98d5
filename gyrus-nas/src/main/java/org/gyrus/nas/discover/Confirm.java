package org.gyrus.nas.discover;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The confirmation step of a discovery run: the top {@code k} discovered candidates (not seeds) and
 * every seed, retrained from scratch with {@code seeds} fresh training seeds each (seeds the loop
 * never used), one JSON line per training: candidate, role, training seed, accuracy, mixer
 * parameters.
 */
public final class Confirm {
  private Confirm() {}

  /** The candidates confirmed: the seeds, then the best {@code k} others. */
  public static List<Lineage.Entry> chosen(Lineage lineage, int k) {
    List<Lineage.Entry> out = new ArrayList<>();
    for (Lineage.Entry e : lineage.entries()) {
      if (e.candidate().operator().startsWith("seed:") && e.completed()) {
        out.add(e);
      }
    }
    lineage.ranked().stream()
        .filter(e -> !e.candidate().operator().startsWith("seed:"))
        .limit(k)
        .forEach(out::add);
    return out;
  }

  public static void run(
      Lineage lineage, Engineer engineer, int k, int seeds, Consumer<String> out) {
    for (Lineage.Entry e : chosen(lineage, k)) {
      String role =
          e.candidate().operator().startsWith("seed:") ? e.candidate().operator() : "discovered";
      for (int s = 0; s < seeds; s++) {
        long seed = 1_000_003L * (s + 1) + 7;
        String line;
        try {
          Engineer.Checked c = engineer.check(e.candidate().program());
          Engineer.Evaluation ev = engineer.train(c, seed);
          line =
              String.format(
                  Locale.ROOT,
                  "{\"candidate\": %d, \"role\": \"%s\", \"seed\": %d, \"accuracy\": %.6f,"
                      + " \"search_accuracy\": %.6f, \"mixer_params\": %d, \"train_seconds\": %.1f}",
                  e.number(),
                  role,
                  seed,
                  ev.accuracy(),
                  e.score(),
                  c.mixerParams(),
                  ev.seconds());
        } catch (CandidateFailure f) {
          line =
              String.format(
                  Locale.ROOT,
                  "{\"candidate\": %d, \"role\": \"%s\", \"seed\": %d, \"error\": \"%s\"}",
                  e.number(),
                  role,
                  seed,
                  f.getMessage().replace("\"", "'"));
        }
        out.accept(line);
      }
    }
  }
}
