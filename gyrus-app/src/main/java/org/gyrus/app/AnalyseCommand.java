package org.gyrus.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gyrus.core.DataDir;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Value.Node;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.explain.ConceptAnalysis;
import org.gyrus.nn.explain.GuidedTraining;
import org.gyrus.nn.explain.MlpTraining;
import org.gyrus.nn.explain.NapAnalysis;
import org.gyrus.nn.explain.NapReport;
import org.gyrus.nn.explain.ReluMlp;
import org.gyrus.nn.explain.SpecVerifier;
import org.gyrus.nn.explain.Verdict;
import org.gyrus.nn.train.Recipe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Explain and verify trained networks (issue 22). */
@Command(
    name = "analyse",
    mixinStandardHelpOptions = true,
    description = "Explain and verify trained networks.",
    subcommands = {
      AnalyseCommand.Naps.class,
      AnalyseCommand.Concepts.class,
      AnalyseCommand.Guided.class
    })
public final class AnalyseCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new SpecError("analyse", "a subcommand: naps, concepts or guided");
  }

  /** B17: neural activation patterns mined per class and verified by a solver. */
  @Command(
      name = "naps",
      mixinStandardHelpOptions = true,
      description =
          "Mine per-class neural activation patterns (NAPs) of a ReLU MLP (trained here, kept by"
              + " a study's trial: --study + --trial, or --spec + --weights) and verify 'NAP_c =>"
              + " class c' and L-inf balls with a MILP (or Z3) solver. With --study the result is"
              + " stored with the trial (attribute analysis.naps) and shown on the dashboard's"
              + " trial page.")
  static final class Naps implements Callable<Integer> {
    @Option(names = "--data", description = "data directory (default $GYRUS_DATA)")
    Path data;

    @Option(
        names = "--dataset",
        description = "mnist or fashion-mnist (default mnist; with --study, the study's data)")
    String dataset;

    @Mixin StorageOption storage;

    @Option(
        names = "--study",
        description =
            "a stored study (with --trial): analyse the network its trial kept (keep_weights) on"
                + " the study's data, and store the result with the trial")
    String study;

    @Option(names = "--trial", description = "the trial number (with --study)")
    Integer trialNumber;

    @Option(names = "--hidden", defaultValue = "32,32", description = "hidden widths to train")
    String hidden;

    @Option(names = "--epochs", defaultValue = "2", description = "1..1000")
    int epochs;

    @Option(names = "--spec", description = "a kept trial's model spec (dense ReLU layers)")
    Path spec;

    @Option(names = "--weights", description = "the trial's kept weights (keep_weights)")
    Path weights;

    @Option(
        names = "--delta",
        defaultValue = "0.99",
        description = "mining thresholds, each in (0.5, 1]; balls use the first")
    String delta;

    @Option(
        names = "--solver",
        defaultValue = "milp",
        description = "milp, milp-lp, crown, crown-long, crown-deep, crown-only or z3")
    String solver;

    @Option(
        names = "--timeout",
        defaultValue = "20",
        description = "solver seconds per spec, (0, 86400]")
    double timeout;

    @Option(
        names = "--attack",
        defaultValue = "0",
        description =
            "steps of a gradient search for counterexamples inside each NAP before the solver"
                + " (per seed and rival; 0 = none), 0..100000")
    int attack;

    @Option(names = "--balls", defaultValue = "2", description = "test points per class, 0..10000")
    int balls;

    @Option(
        names = "--eps",
        defaultValue = "0.02,0.05",
        description = "ball radii, pixel units, each in (0, 1]")
    String eps;

    @Option(names = "--seed", defaultValue = "0")
    long seed;

    @Option(
        names = "--l1-activations",
        defaultValue = "0",
        description =
            "when training: this times the mean hidden activation added to the loss (sparse"
                + " ReLUs, larger NAPs), 0..100")
    double l1Activations;

    @Option(
        names = "--l1-layers",
        description =
            "with --l1-activations: a weight per hidden layer (e.g. 0,0,1,1: only the deep"
                + " layers), each 0..100; default 1 for every layer")
    String l1Layers;

    @Option(
        names = "--net-cache",
        description =
            "network file: read it when it exists (no training), else train and write it there")
    Path netCache;

    @Option(names = "--json", description = "also write the rows as JSON lines here")
    Path json;

    @Override
    public Integer call() throws IOException {
      if (dataset != null && !List.of("mnist", "fashion-mnist").contains(dataset)) {
        throw new SpecError("--dataset", "mnist or fashion-mnist", dataset);
      }
      if ((study == null) != (trialNumber == null)) {
        throw new SpecError("--study/--trial", "both or neither");
      }
      if (study != null && (spec != null || weights != null || netCache != null)) {
        throw new SpecError(
            "--study", "no --spec, --weights or --net-cache with it (the trial names its network)");
      }
      if (study != null && dataset != null) {
        throw new SpecError("--dataset", "none with --study (the study names its data)", dataset);
      }
      if ((spec == null) != (weights == null)) {
        throw new SpecError("--spec/--weights", "both or neither");
      }
      Flags.inRange("--epochs", epochs, 1, 1000);
      if (!SpecVerifier.ENGINES.contains(solver)) {
        throw new SpecError("--solver", SpecVerifier.engineList(), solver);
      }
      double[] deltas = numbers("--delta", delta);
      for (double d : deltas) {
        Flags.inRange("--delta", d, 0.5, 1, true);
      }
      Flags.inRange("--timeout", timeout, 0, 86400, true);
      Flags.inRange("--balls", balls, 0, 10000);
      Flags.inRange("--attack", attack, 0, 100000);
      double[] radii = numbers("--eps", eps);
      for (double r : radii) {
        Flags.inRange("--eps", r, 0, 1, true);
      }
      Flags.inRange("--l1-activations", l1Activations, 0, 100, false);
      int[] widths = ints("--hidden", hidden);
      double[] layerWeights = l1Layers == null ? null : numbers("--l1-layers", l1Layers);
      if (layerWeights != null) {
        if (layerWeights.length != widths.length) {
          throw new SpecError(
              "--l1-layers", "one weight per hidden layer (" + widths.length + ")", l1Layers);
        }
        for (double w : layerWeights) {
          Flags.inRange("--l1-layers", w, 0, 100, false);
        }
      }
      if (study != null) {
        return onTrial(deltas, radii);
      }
      dataset = dataset == null ? "mnist" : dataset;
      DataSplits splits = Datasets.idx(dataDir(), dataset, 1 / 12.0, seed);
      MlpTraining.Trained t;
      if (netCache != null && Files.exists(netCache)) {
        ReluMlp net = ReluMlp.read(netCache);
        double acc = net.accuracy(MlpTraining.rows(splits.test()), splits.test().y());
        t = new MlpTraining.Trained(net, null, acc, null);
        System.out.println("network read from " + netCache);
      } else if (spec != null) {
        t = MlpTraining.restore(SpecCodec.read(spec), splits, weights);
      } else {
        Value s = MlpTraining.spec(widths);
        t =
            MlpTraining.train(
                s,
                Recipe.from(Node.of("recipe", "epochs", epochs, "seed", seed)),
                splits,
                l1Activations,
                layerWeights);
      }
      if (netCache != null && !Files.exists(netCache)) {
        t.net().write(netCache);
      }
      double[][] testRows = MlpTraining.rows(splits.test());
      StringBuilder perLayer = new StringBuilder();
      for (double f : MlpTraining.activeFractions(t.net(), testRows)) {
        perLayer
            .append(perLayer.length() == 0 ? "" : " ")
            .append(String.format(Locale.ROOT, "%.3f", f));
      }
      System.out.printf(
          Locale.ROOT,
          "%s test accuracy %.4f, active hidden units %.4f (per layer %s)%n",
          dataset,
          t.testAccuracy(),
          MlpTraining.activeFraction(t.net(), testRows),
          perLayer);
      String model =
          spec != null
              ? spec.toString()
              : "784-"
                  + hidden.replace(',', '-')
                  + "-10 relu, "
                  + epochs
                  + " epochs"
                  + (l1Activations > 0 ? ", activation L1 " + l1Activations : "")
                  + (l1Activations > 0 && l1Layers != null ? " per layer " + l1Layers : "");
      sweep(t, splits, deltas, radii, model);
      return 0;
    }

    /**
     * The network a study's trial kept, on the data its study used; the rows of every threshold go
     * to the trial as one attribute, written only after the whole analysis ran, so a failure on the
     * way leaves the store as it was.
     */
    private Integer onTrial(double[] deltas, double[] radii) throws IOException {
      AnalysedTrial at = AnalysedTrial.load(storage.url, study, trialNumber);
      DataSplits splits = at.splits(DataDir.resolve(data));
      MlpTraining.Trained t = MlpTraining.restore(at.spec(), splits, at.weights());
      dataset = at.data();
      System.out.printf(
          Locale.ROOT,
          "trial %d of %s on %s: test accuracy %.4f%n",
          at.number(),
          study,
          dataset,
          t.testAccuracy());
      List<Map<String, Object>> rows =
          sweep(t, splits, deltas, radii, "study " + study + ", trial " + at.number());
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("analysis", "naps");
      result.put("dataset", dataset);
      result.put("test_accuracy", t.testAccuracy());
      result.put("deltas", deltas);
      result.put("solver", solver);
      result.put("timeout_s", timeout);
      result.put("attack_steps", attack);
      result.put("rows", rows);
      at.store(storage.url, "naps", new ObjectMapper().writeValueAsString(result));
      System.out.printf(
          Locale.ROOT,
          "stored as attribute %snaps of trial %d of %s%n",
          AnalysedTrial.PREFIX,
          at.number(),
          study);
      return 0;
    }

    /** One NAP analysis per mining threshold; the rows of all thresholds (also to --json). */
    private List<Map<String, Object>> sweep(
        MlpTraining.Trained t, DataSplits splits, double[] deltas, double[] radii, String model)
        throws IOException {
      List<Integer> layers = new ArrayList<>();
      for (int l = 0; l < t.net().hiddenLayers(); l++) {
        layers.add(l);
      }
      List<Map<String, Object>> all = new ArrayList<>();
      double[][] trainX = MlpTraining.rows(splits.train());
      double[][] testX = MlpTraining.rows(splits.test());
      for (int k = 0; k < deltas.length; k++) {
        // the sweep repeats only the class specifications; balls once, at the first delta
        NapAnalysis.Options o =
            new NapAnalysis.Options(
                layers,
                deltas[k],
                solver,
                (long) (timeout * 1000),
                k == 0 ? balls : 0,
                radii,
                attack);
        System.out.printf(Locale.ROOT, "delta %s%n", deltas[k]);
        NapAnalysis.Result r =
            NapAnalysis.run(
                t.net(), trainX, splits.train().y(), testX, splits.test().y(), o, System.out);
        System.out.printf(
            Locale.ROOT,
            "delta %s coverage %.4f proven %d refuted %d unknown %d%n",
            deltas[k],
            r.coverage(),
            r.count(Verdict.Status.PROVEN),
            r.count(Verdict.Status.REFUTED),
            r.count(Verdict.Status.UNKNOWN));
        Map<String, Object> common = new LinkedHashMap<>();
        common.put("dataset", dataset);
        common.put("model", model);
        common.put("test_accuracy", t.testAccuracy());
        common.put("delta", deltas[k]);
        common.put("solver", solver);
        common.put("timeout_s", timeout);
        common.put("attack_steps", attack);
        common.put("seed", seed);
        List<Map<String, Object>> rows = NapReport.rows(r, common);
        all.addAll(rows);
        if (json != null && k == 0) {
          write(json, rows);
        } else if (json != null) {
          append(json, rows);
        }
      }
      return all;
    }

    private Path dataDir() {
      if (data != null) {
        return data;
      }
      String env = System.getenv("GYRUS_DATA");
      if (env == null) {
        throw new SpecError("--data", "a data directory (or GYRUS_DATA)");
      }
      return Path.of(env);
    }
  }

  /** B18: concept labels for the units of a CNN trained on synthetic scenes. */
  @Command(
      name = "concepts",
      mixinStandardHelpOptions = true,
      description =
          "Train a small CNN on synthetic scenes (shape x colour) and label every convolution unit"
              + " with the concept (shape, colour, position, texture) of highest mutual"
              + " information; planted colour units check the labels.")
  static final class Concepts implements Callable<Integer> {
    @Option(names = "--train", defaultValue = "4000", description = "training images, 100..60000")
    int train;

    @Option(names = "--probes", defaultValue = "300", description = "probe images, 10..10000")
    int probes;

    @Option(names = "--epochs", defaultValue = "3", description = "1..1000")
    int epochs;

    @Option(names = "--quantile", defaultValue = "0.85", description = "activation threshold")
    double quantile;

    @Option(names = "--seed", defaultValue = "0")
    long seed;

    @Option(names = "--json", description = "also write the rows as JSON lines here")
    Path json;

    @Override
    public Integer call() throws IOException {
      if (!(quantile > 0 && quantile < 1)) {
        throw new SpecError("--quantile", "a number in (0, 1)", "" + quantile);
      }
      Flags.inRange("--train", train, 100, 60000);
      Flags.inRange("--probes", probes, 10, 10000);
      Flags.inRange("--epochs", epochs, 1, 1000);
      ConceptAnalysis.Result r = ConceptAnalysis.run(train, probes, epochs, quantile, seed);
      System.out.printf(Locale.ROOT, "test accuracy %.4f%n", r.testAccuracy());
      List<Map<String, Object>> rows = new ArrayList<>();
      for (ConceptAnalysis.Unit u : r.units()) {
        System.out.printf(
            Locale.ROOT,
            "%s unit %d label %s MI %.4f IoU %.3f%s%n",
            u.layer(),
            u.index(),
            u.label().name(),
            u.label().mutualInformation(),
            u.label().iou(),
            u.planted() == null ? "" : " planted " + u.planted());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", "concept_unit");
        row.put("test_accuracy", r.testAccuracy());
        row.put("layer", u.layer());
        row.put("unit", u.index());
        row.put("label", u.label().name());
        row.put("mi_bits", u.label().mutualInformation());
        row.put("iou", u.label().iou());
        row.put("planted", u.planted());
        row.put("seed", seed);
        rows.add(row);
      }
      write(json, rows);
      return 0;
    }
  }

  /** N5: attribution alignment with a parts knowledge graph, with and without guided training. */
  @Command(
      name = "guided",
      mixinStandardHelpOptions = true,
      description =
          "Train a CNN on the synthetic parts task with and without the misalignment penalty;"
              + " report test accuracy and how much attribution mass (gradient x input,"
              + " integrated gradients, occlusion) falls on the parts the knowledge graph names.")
  static final class Guided implements Callable<Integer> {
    @Option(names = "--lambda", defaultValue = "0,1", description = "penalty weights to compare")
    String lambdas;

    @Option(names = "--train", defaultValue = "3000", description = "1..1000000")
    int train;

    @Option(names = "--test", defaultValue = "300", description = "1..1000000")
    int test;

    @Option(names = "--epochs", defaultValue = "4", description = "1..1000")
    int epochs;

    @Option(names = "--lr", defaultValue = "0.003", description = "learning rate, (0, 10]")
    double lr;

    @Option(
        names = "--marker",
        defaultValue = "1.0",
        description =
            "how often the spurious marker names the label in training (test: chance), [0, 1]")
    double marker;

    @Option(names = "--seed", defaultValue = "0")
    long seed;

    @Option(names = "--json", description = "also write the rows as JSON lines here")
    Path json;

    @Override
    public Integer call() throws IOException {
      double[] weights = numbers("--lambda", lambdas);
      for (double lambda : weights) {
        Flags.inRange("--lambda", lambda, 0, 1e6, false);
      }
      Flags.inRange("--train", train, 1, 1_000_000);
      Flags.inRange("--test", test, 1, 1_000_000);
      Flags.inRange("--epochs", epochs, 1, 1000);
      Flags.inRange("--lr", lr, 0, 10, true);
      Flags.inRange("--marker", marker, 0, 1, false);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (double lambda : weights) {
        GuidedTraining.Result r = GuidedTraining.run(lambda, train, test, epochs, lr, marker, seed);
        System.out.printf(
            Locale.ROOT,
            "lambda %.3g accuracy %.4f alignment grad_x_input %.3f integrated_gradients %.3f"
                + " occlusion %.3f (mask share %.3f) %.0fs%n",
            lambda,
            r.accuracy(),
            r.gradInput(),
            r.integrated(),
            r.occlusion(),
            r.maskShare(),
            r.seconds());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", "guided");
        row.put("lambda", lambda);
        row.put("accuracy", r.accuracy());
        row.put("align_grad_x_input", r.gradInput());
        row.put("align_integrated_gradients", r.integrated());
        row.put("align_occlusion", r.occlusion());
        row.put("mask_share", r.maskShare());
        row.put("seconds", r.seconds());
        row.put("train", train);
        row.put("epochs", epochs);
        row.put("marker_agreement_train", marker);
        row.put("seed", seed);
        rows.add(row);
      }
      write(json, rows);
      return 0;
    }
  }

  static void write(Path json, List<Map<String, Object>> rows) throws IOException {
    if (json == null) {
      return;
    }
    Files.writeString(json, lines(rows));
  }

  /** Adds rows to a JSON-lines file written by {@link #write}. */
  static void append(Path json, List<Map<String, Object>> rows) throws IOException {
    Files.writeString(json, lines(rows), java.nio.file.StandardOpenOption.APPEND);
  }

  private static String lines(List<Map<String, Object>> rows) throws IOException {
    ObjectMapper m = new ObjectMapper();
    StringBuilder sb = new StringBuilder();
    for (Map<String, Object> row : rows) {
      sb.append(m.writeValueAsString(row)).append('\n');
    }
    return sb.toString();
  }

  static double[] numbers(String option, String text) {
    String[] p = text.split(",");
    double[] v = new double[p.length];
    try {
      for (int i = 0; i < p.length; i++) {
        v[i] = Double.parseDouble(p[i].trim());
      }
    } catch (NumberFormatException e) {
      throw new SpecError(option, "comma-separated numbers", text);
    }
    return v;
  }

  static int[] ints(String option, String text) {
    double[] d = numbers(option, text);
    int[] v = new int[d.length];
    for (int i = 0; i < d.length; i++) {
      v[i] = (int) d[i];
      if (v[i] != d[i] || v[i] < 1) {
        throw new SpecError(option, "comma-separated positive integers", text);
      }
    }
    return v;
  }
}
