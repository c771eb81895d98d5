package org.gyrus.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gyrus.core.SpecError;
import org.gyrus.nesy.clutrr.ClutrrData;
import org.gyrus.nesy.clutrr.ClutrrTraining;
import org.gyrus.nesy.clutrr.CompositionTable;
import org.gyrus.nesy.clutrr.EpiGnn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gyrus clutrr}: CLUTRR kinship reasoning with an epistemic GNN or the MLP baseline. */
@Command(
    name = "clutrr",
    mixinStandardHelpOptions = true,
    description =
        "Train on a CLUTRR directory's training file (default 1.2,1.3_train.csv) and print the"
            + " accuracy on every *_test.csv per k; EpiGNN also prints its composition table.")
public final class ClutrrCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      description = "CLUTRR data directory, e.g. $GYRUS_DATA/clutrr/data_089907f8")
  Path dir;

  @Option(names = "--train", defaultValue = ClutrrData.DEFAULT_TRAIN, description = "training file")
  String trainFile;

  @Option(names = "--model", defaultValue = "epignn", description = "epignn or mean (baseline)")
  String model;

  @Option(names = "--seeds", defaultValue = "0", split = ",", description = "seeds, e.g. 0,1,2")
  List<Long> seeds;

  @Option(names = "--width", description = "latent states (epignn, default 40) or width (mean, 64)")
  Integer width;

  @Option(names = "--aggregation", defaultValue = "MIN", description = "MIN or MAX (epignn)")
  EpiGnn.Aggregation aggregation;

  @Option(names = "--free", description = "epignn: no anchored states (all latent states learned)")
  boolean free;

  @Option(
      names = "--consistency",
      defaultValue = "1",
      description = "epignn: weight of ||M_a M_b - M_c||^2 over the k=2 facts a∘b=c (0 = off)")
  double consistency;

  @Option(
      names = "--fact-length",
      defaultValue = "2",
      description =
          "epignn: the consistency loss uses the training chains of 2..this many edges as facts"
              + " r1∘...∘rk = answer (default: ${DEFAULT-VALUE})")
  int factLength;

  @Option(names = "--epochs", defaultValue = "10")
  int epochs;

  @Option(names = "--batch", defaultValue = "128")
  int batch;

  @Option(names = "--lr", description = "Adam rate (default 0.03 epignn, 0.003 mean)")
  Double lr;

  @Option(names = "--train-limit", defaultValue = "0", description = "training stories (0: all)")
  int trainLimit;

  @Option(names = "--json", description = "also write the results as JSON here")
  Path json;

  @Option(names = "--table", description = "print the learned composition table (epignn)")
  boolean table;

  @Option(names = "--errors", description = "print every wrong test answer with its story graph")
  boolean errors;

  @Override
  public Integer call() throws Exception {
    if (!model.equals("epignn") && !model.equals("mean")) {
      throw new SpecError("--model", "epignn or mean", model);
    }
    Flags.inRange("--epochs", epochs, 1, 100_000);
    Flags.inRange("--batch", batch, 1, 1 << 20);
    Flags.inRange("--train-limit", trainLimit, 0, Integer.MAX_VALUE);
    Flags.inRange("--consistency", consistency, 0, 1e6, false);
    Flags.inRange("--fact-length", factLength, 2, 16);
    boolean epi = model.equals("epignn");
    int w = width != null ? width : epi ? 40 : 64;
    double rate = lr != null ? lr : epi ? 0.03 : 0.003;
    Flags.inRange("--lr", rate, 0, 10, true);
    ClutrrData data = ClutrrData.load(dir, trainFile);
    List<String> runs = new ArrayList<>();
    for (long seed : seeds) {
      var cfg =
          new ClutrrTraining.Config(
              model,
              w,
              aggregation,
              !free,
              epi ? consistency : 0,
              factLength,
              epochs,
              batch,
              rate,
              seed,
              trainLimit);
      ClutrrTraining.Result r = ClutrrTraining.run(cfg, data, null);
      StringBuilder line = new StringBuilder(model + " seed " + seed + ":");
      for (int k : r.perK().keySet()) {
        line.append(String.format(Locale.ROOT, " k%d %.4f", k, r.accuracy(k)));
      }
      line.append(
          String.format(
              Locale.ROOT,
              " | loss %.4f wall %.1f s cpu %.1f s",
              r.finalLoss(),
              r.wallSeconds(),
              r.cpuSeconds()));
      System.out.println(line);
      if (errors) {
        r.errors().forEach(l -> System.out.println("  wrong: " + l));
      }
      if (r.table() != null) {
        int[] ag = r.table().agreement();
        System.out.println(
            "  composition table agrees with the k=2 data on " + ag[0] + "/" + ag[1] + " pairs");
        if (table) {
          r.table().lines().forEach(l -> System.out.println("  " + l));
        }
      }
      runs.add(json(r));
    }
    if (json != null) {
      Files.writeString(
          json, "{\"runs\": [\n" + String.join(",\n", runs) + "\n]}\n", StandardCharsets.UTF_8);
    }
    return 0;
  }

  private static String json(ClutrrTraining.Result r) {
    StringBuilder sb = new StringBuilder();
    var c = r.config();
    sb.append(
        String.format(
            Locale.ROOT,
            "{\"model\": \"%s\", \"seed\": %d, \"width\": %d, \"epochs\": %d, \"batch\": %d,"
                + " \"lr\": %s, \"anchored\": %s, \"consistency\": %s, \"fact_length\": %d,"
                + " \"aggregation\": \"%s\","
                + " \"final_loss\": %.5f, \"wall_seconds\": %.1f, \"cpu_seconds\": %.1f,"
                + " \"per_k\": {",
            c.model(),
            c.seed(),
            c.width(),
            c.epochs(),
            c.batch(),
            c.lr(),
            c.anchored(),
            c.consistency(),
            c.factLength(),
            c.aggregation(),
            r.finalLoss(),
            r.wallSeconds(),
            r.cpuSeconds()));
    List<String> ks = new ArrayList<>();
    for (var e : r.perK().entrySet()) {
      ks.add(
          String.format(
              Locale.ROOT, "\"%d\": [%d, %d]", e.getKey(), e.getValue()[0], e.getValue()[1]));
    }
    sb.append(String.join(", ", ks)).append("}");
    CompositionTable t = r.table();
    if (t != null) {
      int[] ag = t.agreement();
      sb.append(", \"table_agree\": ").append(ag[0]).append(", \"table_defined\": ").append(ag[1]);
      sb.append(", \"table\": [");
      List<String> rows = new ArrayList<>();
      for (String l : t.lines()) {
        rows.add("\"" + l.replace("\"", "'") + "\"");
      }
      sb.append(String.join(", ", rows)).append("]");
    }
    return sb.append("}").toString();
  }
}
