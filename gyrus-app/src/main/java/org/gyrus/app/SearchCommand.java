package org.gyrus.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
          "Seconds without heartbeat before a RUNNING trial counts as dead, 1 or more (default:"
              + " ${DEFAULT-VALUE}); stored with a new study, whose value wins on resume.",
      defaultValue = "60")
  int heartbeatSeconds;

  @Option(
      names = "--workers",
      defaultValue = "1",
      description =
          "Worker processes on this study, 1 to 256 (default: ${DEFAULT-VALUE}); each has its own"
              + " engine thread, so more workers than cores only add contention.")
  int workers;

  /** Set by --workers in the processes it starts: the parent's pid, to stop when it dies. */
  @Option(names = "--worker-of", hidden = true)
  Long workerOf;

  /** The arguments a worker process gets: this command's, without --workers. */
  private List<String> workerArgs(int n) {
    List<String> a = new ArrayList<>(List.of(config.toString(), "--storage", storage.url));
    a.addAll(List.of("--study", study, "--trials", Integer.toString(n)));
    a.addAll(List.of("--heartbeat", Integer.toString(heartbeatSeconds)));
    if (seed != null) {
      a.addAll(List.of("--seed", seed.toString()));
    }
    if (data != null) {
      a.addAll(List.of("--data", data.toString()));
    }
    if (retryFailed) {
      a.add("--retry-failed");
    }
    return a;
  }

  @Override
  public Integer call() throws InterruptedException {
    Flags.inRange("--workers", workers, 1, 256);
    Flags.inRange("--heartbeat", heartbeatSeconds, 1, 86_400);
    if (workers > 1 && storage.url.equals("memory")) {
      throw new SpecError(
          "--workers",
          "a shared store (sqlite:PATH or postgresql://...) for several workers",
          "memory");
    }
    if (trials != null) {
      Flags.inRange("--trials", trials, 1, 10_000_000);
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
    Map<String, String> provenance =
        new java.util.LinkedHashMap<>(Provenance.of(checked, dataDir, EngineInfo.versions()));
    provenance.put(Provenance.TRIALS, Integer.toString(n));
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
                    java.time.Duration.ofSeconds(heartbeatSeconds), retryFailed, true),
                provenance)) {
      st.withPruner(exp.makePruner());
      if (workers > 1) {
        study = name; // the workers resume the study this process just created or checked
        int rc = WorkerPool.run(workerArgs(n), workers, System.err);
        TrialTable.leaderboard(st, 10, System.out);
        return rc;
      }
      return runHere(st, checked.buildEvaluator(dataDir), n);
    }
  }

  private int runHere(Study st, Evaluator evaluator, int n) {
    runTrials(st, evaluator, n, workerOf);
    if (workerOf == null) {
      TrialTable.leaderboard(st, 10, System.out);
    }
    return 0;
  }

  /**
   * This process as one worker: trials until the study holds {@code n}; {@code workerOf} is the pid
   * of a parent whose death stops this worker, or null.
   */
  static void runTrials(Study st, Evaluator evaluator, int n, Long workerOf) {
    if (workerOf != null) {
      WorkerPool.exitWithParent(workerOf);
    }
    // Ctrl-C, SIGTERM or a dead parent: fail this worker's running trial now, not after the
    // heartbeat timeout
    Thread abandon = new Thread(() -> st.abandon("interrupted"), "gyrus-abandon");
    Runtime.getRuntime().addShutdownHook(abandon);
    try {
      System.err.printf(
          Locale.ROOT,
          "study %s in %s: %d trials so far, running up to %d%n",
          st.info().name(),
          st.store().location(),
          st.history().liveCount(),
          n);
      Study.RunSummary sum = st.optimize(evaluator, n, Progress.trialLines(System.err));
      System.err.printf(
          Locale.ROOT,
          "ran %d trials here: %d complete, %d pruned, %d failed%n",
          sum.ran(),
          sum.completed(),
          sum.pruned(),
          sum.failed());
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(abandon);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running
      }
    }
  }
}
