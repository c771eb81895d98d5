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
import org.gyrus.core.Space;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.search.Direction;
import org.gyrus.search.Evaluator;
import org.gyrus.search.Evaluators;
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
 * {@code gyrus demo}: the main job on data shipped inside Gyrus. By default an evolution search
 * over a convolutional space, each point trained on the embedded Fashion-MNIST split (8,000 train,
 * 1,000 validation, 1,000 test images); {@code --job nb201} instead searches the NAS-Bench-201 cell
 * space judged by the embedded table. Stores the study under runs/demo/ and draws it there.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run the main job on embedded data and show the results.")
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--job", defaultValue = "cnn", description = "cnn (default) or nb201.")
  String job;

  @Option(
      names = "--trials",
      description = "Trials to run, 1..10000 (default: 20 for cnn, 40 for nb201).")
  Integer trials;

  @Option(names = "--seed", defaultValue = "0")
  long seed;

  @Option(
      names = "--seconds",
      defaultValue = "9",
      description =
          "Training budget per cnn trial, seconds in (0, 3600] (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(
      names = "--out",
      defaultValue = "runs/demo",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (trials != null) {
      Flags.inRange("--trials", trials, 1, 10_000);
    }
    Flags.inRange("--seconds", seconds, 0, 3600, true);
    Files.createDirectories(out);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    String url = "sqlite:" + out.resolve("studies.db");
    Value space;
    Evaluator evaluator;
    Value algorithm;
    int n;
    String name;
    if (job.equals("nb201")) {
      NasBench201 table = NasBench201.load(null);
      space = NasBench201.space();
      evaluator = (concrete, ctx) -> Metrics.of(table.accuracy(concrete));
      algorithm = Value.Node.of("evolution", "population", 10, "sample", 5);
      n = trials == null ? 40 : trials;
      name = "demo-nb201-" + stamp;
      System.out.println(
          "Gyrus demo: regularised evolution over the NAS-Bench-201 cell space (15,625 cells),");
      System.out.println("judged by the embedded CIFAR-10 table (optimum 94.37).");
    } else if (job.equals("cnn")) {
      space = SpecCodec.fromYaml(resource("/org/gyrus/nn/spaces/fashion-cnn.yaml"));
      Value recipe =
          Value.Node.of(
              "recipe",
              "optimizer",
              "adam",
              "lr",
              2e-3,
              "epochs",
              3,
              "batch_size",
              64,
              "max_seconds",
              seconds);
      evaluator =
          Evaluators.of(
              Value.Node.of(
                  "train", "data", "embedded-fashion-mnist", "recipe", recipe, "seed", seed),
              null);
      algorithm = Value.Node.of("evolution", "population", 8, "sample", 4);
      n = trials == null ? 20 : trials;
      name = "demo-cnn-" + stamp;
      System.out.println("Gyrus demo: regularised evolution over a convolutional search space,");
      System.out.printf(
          Locale.ROOT,
          "every candidate trained for up to %.0f s on the embedded Fashion-MNIST split%n",
          seconds);
      System.out.println(
          "(8,000 train / 1,000 validation / 1,000 test images); objective: validation accuracy.");
      System.out.println(
          "space: "
              + new Space(space).size().map(Object::toString).orElse("infinitely many")
              + " points (dropout rate is continuous)");
    } else {
      throw new SpecError("--job", "cnn or nb201", "'" + job + "'");
    }
    try (TrialStore store = TrialStores.open(url);
        Study study =
            Study.open(
                store,
                name,
                space,
                List.of(Direction.MAXIMIZE),
                algorithm,
                seed,
                Study.Options.DEFAULT)) {
      System.out.println("study: " + name + " in " + url);
      long t0 = System.nanoTime();
      study.optimize(evaluator, n, Progress.trialLines(System.out));
      System.out.printf(
          Locale.ROOT, "%n%d trials in %.0f s%n%n", n, (System.nanoTime() - t0) / 1e9);
      TrialTable.leaderboard(study, 5, System.out);
      Trial best = study.best().orElseThrow();
      if (job.equals("nb201")) {
        System.out.printf(
            Locale.ROOT,
            "%nbest cell: %s (%.2f%%)%n",
            NasBench201.archString(best.params()),
            best.value());
      } else {
        System.out.printf(
            Locale.ROOT,
            "%nbest: trial %d, validation %.2f%%, test %.2f%%, %s parameters, %.1f MFLOPs%n",
            best.number(),
            100 * best.value(),
            100 * metric(best, "test_accuracy"),
            (long) metric(best, "params"),
            metric(best, "flops") / 1e6);
        System.out.print(SpecCodec.toYaml(best.params()));
      }
      plot(study, out);
      System.out.println(
          "plots: " + out.resolve("history.png") + ", " + out.resolve("accuracy_vs_params.png"));
      System.out.println("look again: ./gyrus study show --storage " + url + " --study " + name);
    }
    return 0;
  }

  static double metric(Trial t, String name) {
    String v = t.attrs().get("metric." + name);
    return v == null ? Double.NaN : Double.parseDouble(v);
  }

  private static String resource(String path) throws java.io.IOException {
    try (var in = DemoCommand.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
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
    List<double[]> byParams = new ArrayList<>();
    for (Trial t : study.trials()) {
      double params = metric(t, "params");
      if (t.state() == TrialState.COMPLETE && !Double.isNaN(params)) {
        byParams.add(new double[] {params, t.value()});
      }
    }
    Color blue = new Color(70, 110, 200);
    if (!byParams.isEmpty()) {
      Plots.chart(
          dir.resolve("accuracy_vs_params.png"),
          "Objective vs parameters",
          "parameters",
          "objective",
          true,
          List.of(new Plots.Series("trial", byParams, blue, false)));
    } else {
      Plots.chart(
          dir.resolve("accuracy_vs_params.png"),
          "Objective by trial",
          "trial",
          "objective",
          false,
          List.of(new Plots.Series("trial", all, blue, false)));
    }
  }
}
