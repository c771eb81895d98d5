package org.gyrus.app;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gyrus.core.Value;
import org.gyrus.search.Direction;
import org.gyrus.search.History;
import org.gyrus.search.Metrics;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;
import org.gyrus.search.TrialStore;
import org.gyrus.search.bench.NasBench201;
import org.gyrus.search.store.TrialStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gyrus demo}: an evolution search over the NAS-Bench-201 cell space, judged by the table
 * embedded in Gyrus (no data directory needed). Stores the study under runs/demo/ and draws its
 * history there.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run the main job on embedded data and show the results.")
final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--trials",
      defaultValue = "40",
      description = "Trials to run (default: ${DEFAULT-VALUE}).")
  int trials;

  @Option(names = "--seed", defaultValue = "0")
  long seed;

  @Option(
      names = "--out",
      defaultValue = "runs/demo",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(out);
    NasBench201 table = NasBench201.load(null);
    String name =
        "demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Value algorithm = Value.Node.of("evolution", "population", 10, "sample", 5);
    System.out.println("Gyrus demo: regularised evolution over the NAS-Bench-201 cell space");
    System.out.println(
        "  space: 6 edges x {none, skip, conv1x1, conv3x3, avgpool3x3} = 15,625 cells");
    System.out.println(
        "  judge: CIFAR-10 test accuracy from the embedded NAS-Bench-201 table (optimum 94.37)");
    String url = "sqlite:" + out.resolve("studies.db");
    try (TrialStore store = TrialStores.open(url);
        Study study =
            Study.open(
                store,
                name,
                NasBench201.space(),
                List.of(Direction.MAXIMIZE),
                algorithm,
                seed,
                Study.Options.DEFAULT)) {
      System.out.println("  study: " + name + " in " + url);
      study.optimize(
          (concrete, ctx) -> Metrics.of(table.accuracy(concrete)),
          trials,
          Progress.trialLines(System.out));
      System.out.println();
      TrialTable.leaderboard(study, 5, System.out);
      Trial best = study.best().orElseThrow();
      System.out.printf(
          Locale.ROOT,
          "%nbest cell: %s  (%.2f%%, regret %.2f)%n",
          NasBench201.archString(best.params()),
          best.value(),
          table.best() - best.value());
      plot(study, out);
      System.out.println("plots: " + out.resolve("history.png") + ", " + out.resolve("values.png"));
      System.out.println("look again: ./gyrus study show --storage " + url + " --study " + name);
    }
    return 0;
  }

  static void plot(Study study, Path dir) throws java.io.IOException {
    History h = study.refresh();
    List<double[]> all = new ArrayList<>();
    List<double[]> best = new ArrayList<>();
    Trial leader = null;
    for (Trial t : study.trials()) {
      if (t.state() == TrialState.COMPLETE) {
        all.add(new double[] {t.number(), t.value()});
        if (leader == null || h.score(t) > h.score(leader)) {
          leader = t;
        }
        best.add(new double[] {t.number(), leader.value()});
      }
    }
    Plots.chart(
        dir.resolve("history.png"),
        "Best so far: " + study.info().name(),
        "trial",
        "objective",
        false,
        List.of(
            new Plots.Series("best so far", best, new Color(200, 60, 40), true),
            new Plots.Series("trial", all, new Color(70, 110, 200), false)));
    Plots.chart(
        dir.resolve("values.png"),
        "Objective by trial",
        "trial",
        "objective",
        false,
        List.of(new Plots.Series("trial", all, new Color(70, 110, 200), false)));
  }
}
