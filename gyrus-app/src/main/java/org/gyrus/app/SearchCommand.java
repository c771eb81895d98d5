package org.gyrus.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gyrus.core.DataDir;
import org.gyrus.search.Evaluator;
import org.gyrus.search.Evaluators;
import org.gyrus.search.Experiment;
import org.gyrus.search.Study;
import org.gyrus.search.TrialStore;
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

  @Option(names = "--trials", description = "Trials the study should hold in total, 1..10000000.")
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
          "Seconds without heartbeat before a RUNNING trial counts as dead (default: ${DEFAULT-VALUE}).",
      defaultValue = "60")
  int heartbeatSeconds;

  @Override
  public Integer call() {
    Experiment exp = Experiment.read(config);
    String name = study != null ? study : exp.study();
    int n = trials != null ? (int) Flags.inRange("--trials", trials, 1, 10_000_000) : exp.trials();
    long s = seed != null ? seed : exp.seed();
    Evaluator evaluator = Evaluators.of(exp.evaluator(), DataDir.resolve(data));
    try (TrialStore store = storage.openForWriting();
        Study st =
            Study.open(
                store,
                name,
                exp.space(),
                exp.directions(),
                exp.algorithm(),
                s,
                new Study.Options(
                    java.time.Duration.ofSeconds(heartbeatSeconds), retryFailed, true))) {
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
