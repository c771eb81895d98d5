package org.gyrus.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.nas.discover.Analyst;
import org.gyrus.nas.discover.DiscoverConfig;
import org.gyrus.nas.discover.DiscoveryLoop;
import org.gyrus.nas.discover.Engineer;
import org.gyrus.nas.discover.Lineage;
import org.gyrus.search.Direction;
import org.gyrus.search.Provenance;
import org.gyrus.search.Study;
import org.gyrus.search.TrialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gyrus discover CONFIG.yaml}: the unattended discovery loop (S12) for token mixers on MQAR,
 * recorded as a study; the same command resumes it after a kill.
 */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    description = {
      "Propose, repair, train and analyse token-mixing blocks on MQAR for --hours, unattended.",
      "Every candidate is a trial (attributes: candidate, parents, operator, motifs, analysis);"
          + " the same command resumes the study after a kill."
    })
final class DiscoverCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CONFIG", description = "Discovery file (YAML or JSON).")
  Path config;

  @Mixin StorageOption storage;

  @Option(names = "--study", description = "Study name (default: the file's 'study').")
  String study;

  @Option(
      names = "--hours",
      description =
          "Wall-clock hours this run proposes new candidates for, > 0 and <= 1000 (required"
              + " unless --confirm).")
  Double hours;

  @Option(
      names = "--confirm",
      paramLabel = "K",
      description =
          "Instead of searching: retrain the top K discovered candidates and every seed from"
              + " scratch with --confirm-seeds fresh seeds each; one JSON line per training on"
              + " stdout.")
  Integer confirm;

  @Option(
      names = "--confirm-seeds",
      defaultValue = "3",
      description = "Training seeds per confirmed candidate, 1..100 (default: ${DEFAULT-VALUE}).")
  int confirmSeeds;

  @Option(
      names = "--confirm-steps",
      paramLabel = "N",
      description =
          "With --confirm: train each retraining for N Adam steps instead of the file's (does the"
              + " lead survive longer training?); 1..10000000.")
  Integer confirmSteps;

  @Option(
      names = "--candidates",
      description = "Candidates the study should hold in total (default: the file's).")
  Integer candidates;

  @Option(
      names = "--heartbeat",
      defaultValue = "60",
      description =
          "Seconds without heartbeat before a running candidate counts as dead, 1 or more"
              + " (default: ${DEFAULT-VALUE}).")
  int heartbeatSeconds;

  @Override
  public Integer call() {
    if (confirm != null) {
      Flags.inRange("--confirm", confirm, 1, 1000);
      Flags.inRange("--confirm-seeds", confirmSeeds, 1, 100);
      if (confirmSteps != null) {
        Flags.inRange("--confirm-steps", confirmSteps, 1, 10_000_000);
      }
    } else if (confirmSteps != null) {
      throw new org.gyrus.core.SpecError(
          "--confirm-steps", "--confirm K beside it", "no --confirm");
    } else if (hours == null || !(hours > 0 && hours <= 1000)) {
      throw new org.gyrus.core.SpecError("--hours", "a number of hours in (0, 1000]", "" + hours);
    }
    Flags.inRange("--heartbeat", heartbeatSeconds, 1, 86_400);
    if (candidates != null) {
      Flags.inRange("--candidates", candidates, 1, 100_000_000);
    }
    DiscoverConfig cfg = DiscoverConfig.read(config);
    String name = study != null ? study : cfg.study();
    Map<String, String> provenance = new LinkedHashMap<>();
    provenance.put(Provenance.EXPERIMENT, SpecCodec.toCompactJson(cfg.source()));
    provenance.put(Provenance.RUNTIME, EngineInfo.versions().toString());
    Duration beat = Duration.ofSeconds(heartbeatSeconds);
    try (TrialStore store = storage.openForWriting();
        Study st =
            Study.open(
                store,
                name,
                DiscoveryLoop.space(),
                List.of(Direction.MAXIMIZE),
                new Value.StrVal("random"),
                cfg.seed(),
                new Study.Options(beat, false, true),
                provenance)) {
      DiscoveryLoop loop =
          new DiscoveryLoop(
              st, cfg.proposer(), new Engineer(cfg.budget()), new Analyst(), cfg.seed(), beat);
      if (confirm != null) {
        org.gyrus.nas.discover.Confirm.run(
            loop.lineage(),
            new Engineer(
                confirmSteps == null ? cfg.budget() : cfg.budget().withSteps(confirmSteps)),
            confirm,
            confirmSeeds,
            System.out::println);
        return 0;
      }
      int cap = candidates != null ? candidates : cfg.candidates();
      System.err.printf(
          Locale.ROOT,
          "study %s in %s: %d candidates so far; mixer budget %d parameters; running %.2f h (up to"
              + " %d candidates)%n",
          name,
          store.location(),
          loop.lineage().size(),
          cfg.budget().maxParams(),
          hours,
          cap);
      Thread abandon = new Thread(() -> loop.abandon("interrupted"), "gyrus-abandon");
      Runtime.getRuntime().addShutdownHook(abandon);
      Instant deadline = Instant.now().plusMillis((long) (hours * 3_600_000));
      DiscoveryLoop.Summary sum = loop.run(deadline, cap, (e, line) -> System.err.println(line));
      try {
        Runtime.getRuntime().removeShutdownHook(abandon);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running
      }
      System.err.printf(
          Locale.ROOT,
          "ran %d candidates here (%d resumed): %d scored, %d failed%n",
          sum.ran(),
          sum.resumed(),
          sum.completed(),
          sum.failed());
      printBest(loop.lineage());
    }
    return 0;
  }

  private static void printBest(Lineage lineage) {
    List<Lineage.Entry> ranked = lineage.ranked();
    System.out.println("rank  candidate  accuracy  operator  program");
    for (int i = 0; i < Math.min(5, ranked.size()); i++) {
      Lineage.Entry e = ranked.get(i);
      System.out.printf(
          Locale.ROOT,
          "%4d  %9d  %8.4f  %s  %s%n",
          i + 1,
          e.number(),
          e.score(),
          e.candidate().operator(),
          SpecCodec.toCompactJson(e.candidate().program()));
    }
  }
}
