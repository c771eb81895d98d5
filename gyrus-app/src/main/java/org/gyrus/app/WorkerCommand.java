package org.gyrus.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gyrus.core.DataDir;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.search.Experiment;
import org.gyrus.search.Provenance;
import org.gyrus.search.Study;
import org.gyrus.search.StudyInfo;
import org.gyrus.search.TrialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gyrus worker --storage URL --study NAME}: one more worker on a stored study, the command a
 * cluster runs on every machine. The experiment comes from the study's own record, so a worker
 * needs no file; its data must be the same bytes (checked by SHA-256).
 */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Run trials of a stored study until it holds its trials (one command per machine or core).",
      "The experiment is read from the study's record: no config file. Data files must hold the"
          + " same bytes as where the study was created (checked by SHA-256).",
      "Cluster use: start the same command on every node (a job array, a Kubernetes Job with"
          + " parallelism N, or `for h in hosts; do ssh $h gyrus worker ... & done`) against one"
          + " PostgreSQL store."
    })
final class WorkerCommand implements Callable<Integer> {
  @Mixin StorageOption storage;

  @Option(names = "--study", required = true, description = "The stored study to work on.")
  String study;

  @Option(
      names = "--trials",
      description = "Trials the study should hold in total (default: what it was created with).")
  Integer trials;

  @Option(
      names = "--data",
      description = "Data directory (default: $GYRUS_DATA, else ~/.gyrus/data).")
  Path data;

  @Option(names = "--retry-failed", description = "Re-run trials whose process died.")
  boolean retryFailed;

  @Option(
      names = "--timings",
      description =
          "At the end, print what the store cost this worker: ask and tell latency (p50, p99,"
              + " max), the CPU time of an ask and waits for the store's write lock, as one"
              + " `timings:` line.")
  boolean timings;

  @Option(
      names = "--timings-log",
      paramLabel = "FILE",
      description =
          "Write every ask and tell to FILE as it ends, one tab-separated line each: op, trial"
              + " number (-1: none), wall-clock start (epoch ms), duration (ms).")
  Path timingsLog;

  @Override
  public Integer call() {
    if (trials != null) {
      Flags.inRange("--trials", trials, 1, 10_000_000);
    }
    if (storage.url.equals("memory")) {
      throw new SpecError(
          "--storage", "a shared store (sqlite:PATH or postgresql://...)", "memory");
    }
    try (TrialStore store = StudyCommand.openExistingForWriting(storage.url)) {
      StudyInfo info =
          store.studies().stream()
              .filter(s -> s.name().equals(study))
              .findFirst()
              .orElseThrow(
                  () ->
                      new SpecError(
                          "--study",
                          "an existing study in " + store.location(),
                          "'" + study + "'"));
      Map<String, String> record = store.studyAttrs(info.id());
      String json = record.get(Provenance.EXPERIMENT);
      if (json == null) {
        throw new SpecError(
            "--study " + study,
            "a study that recorded its experiment (made by `gyrus search` of this version)");
      }
      Experiment exp = Experiment.from((Value.Node) SpecCodec.fromJson(json), Path.of("."), study);
      Experiment.Checked checked = exp.check();
      int n = trials != null ? trials : storedTrials(record);
      Path dataDir = DataDir.resolve(data);
      Map<String, String> provenance =
          new LinkedHashMap<>(Provenance.of(checked, dataDir, EngineInfo.versions()));
      try (OpTimesFile log = OpTimesFile.open(timingsLog);
          Study st =
              Study.open(
                  store,
                  study,
                  exp.space(),
                  exp.directions(),
                  exp.algorithm(),
                  info.seed(),
                  new Study.Options(Duration.ofSeconds(60), retryFailed, true),
                  provenance)) {
        st.withPruner(exp.makePruner());
        if (timings) {
          st.withAskCpuTimes();
        }
        if (log != null) {
          st.withOpTimes(log);
        }
        SearchCommand.runTrials(st, checked.buildEvaluator(dataDir), n, null);
        if (timings) {
          System.err.println("timings: " + st.timings());
        }
        return 0;
      }
    }
  }

  private int storedTrials(Map<String, String> record) {
    try {
      return Integer.parseInt(record.get(Provenance.TRIALS));
    } catch (RuntimeException e) {
      throw new SpecError(
          "--trials", "a number of trials (study " + study + " recorded none)", "nothing");
    }
  }
}
