package org.gyrus.app.web;

import java.nio.file.Path;
import java.util.List;
import org.gyrus.core.Value;
import org.gyrus.core.Values;
import org.gyrus.search.Direction;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialStore;
import org.gyrus.search.store.TrialStores;

/** Real SQLite studies for the dashboard tests, with an XSS probe in labels, names and errors. */
final class StudyFixtures {
  static final String XSS_LABEL = "<script>window.__xss=1</script>";
  static final String XSS_ERROR = "<img src=x onerror=\"window.__xss=2\">";
  static final String XSS_STUDY = "<b>multi</b>";

  private StudyFixtures() {}

  static Value space() {
    return Value.Node.of(
        "mlp",
        "act",
        Values.oneOf("relu", XSS_LABEL, "tanh"),
        "width",
        Values.intRange(8, 64, 8),
        "layers",
        List.of(
            Value.Node.of("dense", "units", 32),
            Value.Node.of("dense", "units", 32),
            Value.Node.of("dropout", "p", 0.1)));
  }

  /** Study "demo": {@code complete} COMPLETE trials, then one PRUNED and one FAIL. */
  static void demo(Path db, int complete) {
    try (TrialStore store = TrialStores.open("sqlite:" + db);
        Study s =
            Study.open(
                store,
                "demo",
                space(),
                List.of(Direction.MAXIMIZE),
                new Value.StrVal("random"),
                7,
                Study.Options.DEFAULT)) {
      for (int i = 0; i < complete; i++) {
        Trial t = s.ask();
        double v = t.dna().get("width").doubleValue() / 64 + 0.01 * i;
        for (int step = 1; step <= 3; step++) {
          s.report(t, step, v * step / 3);
        }
        s.tell(t, v);
      }
      Trial pruned = s.ask();
      s.report(pruned, 1, 0.01);
      s.prune(pruned, "below the median");
      Trial failed = s.ask();
      s.fail(failed, XSS_ERROR);
    }
  }

  /** Adds one COMPLETE trial to "demo". */
  static void addTrial(Path db, double value) {
    try (TrialStore store = TrialStores.open("sqlite:" + db);
        Study s = Study.load(store, "demo")) {
      s.tell(s.ask(), value);
    }
  }

  /** A two-objective study whose name is markup. */
  static void multi(Path db) {
    try (TrialStore store = TrialStores.open("sqlite:" + db);
        Study s =
            Study.open(
                store,
                XSS_STUDY,
                space(),
                List.of(Direction.MAXIMIZE, Direction.MINIMIZE),
                new Value.StrVal("random"),
                3,
                Study.Options.DEFAULT)) {
      for (int i = 0; i < 8; i++) {
        Trial t = s.ask();
        double w = t.dna().get("width").doubleValue();
        s.tell(t, w, w * w / 64 + (i % 3));
      }
    }
  }
}
