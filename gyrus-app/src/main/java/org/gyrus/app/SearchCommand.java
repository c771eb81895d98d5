package org.gyrus.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gyrus.core.DataDir;
import org.gyrus.core.SpecError;
import org.gyrus.search.Evaluator;
import org.gyrus.search.Experiment;
import org.gyrus.search.Provenance;
import org.gyrus.search.Study;
import org.gyrus.search.TrialStore;
import org.gyrus.search.store.TrialStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gyrus search CONFIG.yaml}: runs (or resumes) the study an experiment file describes. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Run or resume the search an experiment file describes.",
      "--trials N is the study's total: a resumed study runs only the trials it still lacks."
    })
final class SearchCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CONFIG", description = "Experiment file (YAML or JSON).")
  Path config;

  @Mixin StorageOption storage;

  @Option(names = "--study", description = "Study name (default: the file's 'study').")
  String study;

  @Option(names = "--trials", description = "Trials the study should hold in total.")
  Integer trials;

  @Option(names = "--seed", description = "Seed of the search (default: the file's, else 0).")
  Long seed;

  @Option(
      names = "--data",
      description = "Data directory (default: $GYRUS_DATA, else ~/.gyrus/data).")
  Path data;

  @Option(names = "--retry-failed", description = "Re-run trials whose process died.")
  boolean retryFailed;

  @Option(
      names = "--heartbeat",
      description =
          "Seconds without heartbeat before a RUNNING trial counts as dead, 1 or more (default:"
              + " ${DEFAULT-VALUE}); stored with a new study, whose value wins on resume.",
      defaultValue = "60")
  int heartbeatSeconds;

  @Override
  public Integer call() {
    if (heartbeatSeconds < 1 || heartbeatSeconds > 86_400) {
      throw new SpecError("--heartbeat", "1 to 86400 seconds", Integer.toString(heartbeatSeconds));
    }
    if (trials != null && trials < 1) {
      throw new SpecError("--trials", "a number of trials >= 1", trials.toString());
    }
    Experiment exp = Experiment.read(config);
    Experiment.Checked checked;
    try {
      checked = exp.check();
    } catch (SpecError e) {
      throw e.inFile(config.toString());
    }
    String name = study != null ? study : exp.study();
    int n = trials != null ? trials : exp.trials();
    long s = seed != null ? seed : exp.seed();
    Path dataDir = DataDir.resolve(data);
    Map<String, String> provenance = Provenance.of(checked, dataDir, EngineInfo.versions());
    Evaluator evaluator = checked.buildEvaluator(dataDir);
    try (TrialStore store = TrialStores.open(storage.url);
        Study st =
            Study.open(
                store,
                name,
                exp.space(),
                exp.directions(),
                exp.algorithm(),
                s,
                new Study.Options(
                    java.time.Duration.ofSeconds(heartbeatSeconds), retryFailed, true),
                provenance)) {
      st.withPruner(exp.makePruner());
      int before = st.history().liveCount();
      System.err.printf(
          Locale.ROOT,
          "study %s in %s: %d trials so far, running up to %d%n",
          name,
          store.location(),
          before,
          n);
      Study.RunSummary sum = st.optimize(evaluator, n, Progress.trialLines(System.err));
      System.err.printf(
          Locale.ROOT,
          "ran %d trials here: %d complete, %d pruned, %d failed%n",
          sum.ran(),
          sum.completed(),
          sum.pruned(),
          sum.failed());
      TrialTable.leaderboard(st, 10, System.out);
    }
    return 0;
  }
}
