package org.gyrus.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gyrus.core.Value;
import org.gyrus.core.plugin.Registry;
import org.gyrus.nesy.clutrr.ClutrrData;
import org.gyrus.nesy.clutrr.ClutrrTraining;
import org.gyrus.nesy.clutrr.CompositionTable;
import org.gyrus.nesy.clutrr.StoryLearnerFactory;
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

  @Option(
      names = "--model",
      defaultValue = "epignn",
      description = "a registered CLUTRR learner (gyrus types): epignn or mean_gnn")
  String model;

  @Option(names = "--seeds", defaultValue = "0", split = ",", description = "seeds, e.g. 0,1,2")
  List<Long> seeds;

  @Option(names = "--width", description = "latent states (epignn, 40) or width (mean_gnn, 64)")
  Integer width;

  @Option(names = "--aggregation", description = "epignn: min or max (default min)")
  String aggregation;

  @Option(names = "--free", description = "epignn: no anchored states (all latent states learned)")
  boolean free;

  @Option(
      names = "--consistency",
      description = "epignn: weight of ||M_a M_b - M_c||^2 over the k=2 facts a∘b=c (default 1)")
  Double consistency;

  @Option(
      names = "--fact-length",
      description = "epignn: training chains of 2..this many edges are consistency facts (2)")
  Integer factLength;

  @Option(names = "--epochs", description = "default 10")
  Integer epochs;

  @Option(names = "--batch", description = "default 128")
  Integer batch;

  @Option(names = "--lr", description = "Adam rate (default 0.03 epignn, 0.003 mean_gnn)")
  Double lr;

  @Option(names = "--train-limit", description = "training stories (default 0: all)")
  Integer trainLimit;

  @Option(names = "--json", description = "also write the results as JSON here")
  Path json;

  @Option(names = "--table", description = "print the learned composition table (epignn)")
  boolean table;

  @Option(names = "--errors", description = "print every wrong test answer with its story graph")
  boolean errors;

  /** The learner's spec from the flags given; its factory declares defaults and ranges once. */
  Value.Node spec() {
    Map<String, Value> args = new LinkedHashMap<>();
    boolean epi = model.equals("epignn");
    put(args, epi ? "states" : "width", width == null ? null : new Value.IntVal(width));
    put(args, "aggregation", aggregation == null ? null : new Value.StrVal(aggregation));
    put(args, "anchored", free ? new Value.BoolVal(false) : null);
    put(args, "consistency", consistency == null ? null : new Value.FloatVal(consistency));
    put(args, "fact_length", factLength == null ? null : new Value.IntVal(factLength));
    put(args, "epochs", epochs == null ? null : new Value.IntVal(epochs));
    put(args, "batch", batch == null ? null : new Value.IntVal(batch));
    put(args, "lr", lr == null ? null : new Value.FloatVal(lr));
    put(args, "train_limit", trainLimit == null ? null : new Value.IntVal(trainLimit));
    return new Value.Node(model, args);
  }

  private static void put(Map<String, Value> args, String name, Value v) {
    if (v != null) {
      args.put(name, v);
    }
  }

  @Override
  public Integer call() throws Exception {
    Registry.Resolved<StoryLearnerFactory> learner =
        StoryLearnerFactory.registry().resolve(spec(), "--model");
    ClutrrData data = ClutrrData.load(dir, trainFile);
    List<String> runs = new ArrayList<>();
    for (long seed : seeds) {
      var cfg = learner.component().configure(learner.args(), seed);
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
