package org.gyrus.app;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gyrus.core.Decision;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.search.Provenance;
import org.gyrus.search.Study;
import org.gyrus.search.StudyInfo;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;
import org.gyrus.search.TrialStore;
import org.gyrus.search.store.TrialStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gyrus study list|show|best|export}: look into stored studies. */
@Command(
    name = "study",
    mixinStandardHelpOptions = true,
    description = "Query and export stored studies.",
    subcommands = {
      StudyCommand.ListStudies.class,
      StudyCommand.Show.class,
      StudyCommand.Best.class,
      StudyCommand.Export.class,
      ReportCommand.class
    })
final class StudyCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Opens an existing store read-only: listing and exporting never change the file. */
  static TrialStore openExisting(String url) {
    requireExisting(url);
    return TrialStores.openReadOnly(url);
  }

  /** A store that must exist already, opened for writing (a worker joining a study). */
  static TrialStore openExistingForWriting(String url) {
    requireExisting(url);
    return TrialStores.open(url);
  }

  private static void requireExisting(String url) {
    if (url.startsWith("sqlite:") && !Files.exists(Path.of(url.substring("sqlite:".length())))) {
      throw new SpecError(
          "--storage",
          "an existing study database",
          "no file at " + url.substring("sqlite:".length()));
    }
  }

  /**
   * {@code study list} and {@code study best} with plain options, built without picocli (see {@code
   * Main}): picocli's own start (its classes predate Java 6, so the AppCDS archive cannot hold
   * them, and its model is built by reflection) is a third of such a command's CPU. Null for
   * anything else, which picocli then parses and reports.
   */
  static Runnable fromPlainArgs(String[] args) {
    if (args.length < 2 || !args[0].equals("study")) {
      return null;
    }
    switch (args[1]) {
      case "list" -> {
        Map<String, String> o = Cli.plainOptions(args, 2, Set.of("--storage"));
        if (o == null) {
          return null;
        }
        ListStudies c = new ListStudies();
        c.storage = StorageOption.of(o.get("--storage"));
        return c;
      }
      case "best" -> {
        Map<String, String> o = Cli.plainOptions(args, 2, Set.of("--storage", "--study", "--ref"));
        if (o == null || o.get("--study") == null) {
          return null;
        }
        Best c = new Best();
        c.storage = StorageOption.of(o.get("--storage"));
        c.study = o.get("--study");
        if (o.containsKey("--ref")) {
          try {
            String[] parts = o.get("--ref").split(",", -1);
            c.ref = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
              c.ref[i] = Double.parseDouble(parts[i]);
            }
          } catch (NumberFormatException e) {
            return null; // picocli's message names the option and the value
          }
        }
        return c;
      }
      default -> {
        return null;
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List studies with trial counts and best value.")
  static final class ListStudies implements Runnable {
    @Mixin StorageOption storage;

    @Override
    public void run() {
      try (TrialStore store = openExisting(storage.url)) {
        System.out.printf(
            Locale.ROOT,
            "%-32s %-9s %-8s %-8s %-6s %-8s %-6s %-12s%n",
            "study",
            "direction",
            "complete",
            "pruned",
            "failed",
            "running",
            "stale",
            "best");
        for (StudyInfo info : store.studies()) {
          Study s = Study.lazy(store, info.name());
          Map<TrialState, Long> counts = store.stateCounts(info.id());
          System.out.printf(
              Locale.ROOT,
              "%-32s %-9s %-8d %-8d %-6d %-8d %-6d %-12s%n",
              info.name(),
              info.directions().get(0).name().toLowerCase(Locale.ROOT),
              counts.getOrDefault(TrialState.COMPLETE, 0L),
              counts.getOrDefault(TrialState.PRUNED, 0L),
              counts.getOrDefault(TrialState.FAIL, 0L),
              counts.getOrDefault(TrialState.RUNNING, 0L),
              s.staleCount(),
              s.storedBest().map(TrialTable::value).orElse("-"));
        }
      }
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show every trial of a study.")
  static final class Show implements Runnable {
    @Mixin StorageOption storage;

    @Option(names = "--study", required = true)
    String study;

    @Override
    public void run() {
      try (TrialStore store = openExisting(storage.url)) {
        Study s = Study.lazy(store, study);
        Map<String, String> prov = store.studyAttrs(s.info().id());
        if (prov.containsKey(Provenance.SELECTION)) {
          System.out.println("selected on: " + prov.get(Provenance.SELECTION));
        }
        Map<TrialState, Long> counts = store.stateCounts(s.info().id());
        System.out.printf(
            Locale.ROOT,
            "trials: %d complete, %d pruned, %d failed, %d waiting, %d running (%d stale)%n",
            counts.getOrDefault(TrialState.COMPLETE, 0L),
            counts.getOrDefault(TrialState.PRUNED, 0L),
            counts.getOrDefault(TrialState.FAIL, 0L),
            counts.getOrDefault(TrialState.WAITING, 0L),
            counts.getOrDefault(TrialState.RUNNING, 0L),
            s.staleCount());
        TrialTable.all(s, System.out);
      }
    }
  }

  @Command(
      name = "best",
      mixinStandardHelpOptions = true,
      description =
          "Print the best trial and its concrete spec; for several objectives, the Pareto set"
              + " (trials meeting every constraint that no other dominates) and its hypervolume.")
  static final class Best implements Runnable {
    @Mixin StorageOption storage;

    @Option(names = "--study", required = true)
    String study;

    @Option(
        names = "--ref",
        split = ",",
        description =
            "Hypervolume reference point, one value per objective (default: the worst value of"
                + " each objective among the trials meeting every constraint).")
    double[] ref;

    @Override
    public void run() {
      try (TrialStore store = openExisting(storage.url)) {
        Study s = Study.lazy(store, study);
        if (s.info().directions().size() > 1) {
          paretoSet(s);
          return;
        }
        Trial t =
            s.storedBest()
                .orElseThrow(
                    () ->
                        new SpecError(
                            "--study",
                            s.history().constraints().isEmpty()
                                ? "a study with a complete trial"
                                : "a complete trial that meets " + s.history().constraints(),
                            "'" + study + "' has none"));
        printTrial(s.space().dnaSpec(), t);
      }
    }

    private static void printTrial(org.gyrus.core.DnaSpec spec, Trial t) {
      System.out.printf(
          Locale.ROOT,
          "# trial %d, value %s, seed %d, gyrus %s, host %s%n",
          t.number(),
          TrialTable.value(t),
          t.seed(),
          t.version(),
          t.host());
      System.out.println("# point: " + TrialTable.describe(spec, t));
      System.out.println("# dna: " + t.dna().toJson());
      System.out.print(SpecCodec.toYaml(t.params()));
    }

    private void paretoSet(Study s) {
      List<Trial> front = s.bestTrials();
      if (front.isEmpty()) {
        throw new SpecError(
            "--study",
            "a complete trial that meets " + s.history().constraints(),
            "'" + study + "' has none");
      }
      double[] r = ref == null ? nadir(s) : ref;
      System.out.printf(
          Locale.ROOT,
          "# Pareto set of %s: %d trials (directions %s%s); hypervolume %.6g above reference %s%n",
          study,
          front.size(),
          s.info().directions().stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList(),
          s.history().constraints().isEmpty() ? "" : "; all meet " + s.history().constraints(),
          s.hypervolume(r),
          java.util.Arrays.toString(r));
      for (Trial t : front) {
        System.out.println("---");
        printTrial(s.space().dnaSpec(), t);
      }
    }

    /** The worst value of each objective over the trials that meet every constraint. */
    private static double[] nadir(Study s) {
      List<org.gyrus.search.Direction> dirs = s.info().directions();
      double[] worst = new double[dirs.size()];
      java.util.Arrays.fill(worst, Double.NaN);
      for (Trial t : s.history().completed()) {
        if (!s.history().feasible(t)) {
          continue;
        }
        for (int i = 0; i < worst.length; i++) {
          double v = t.values().get(i);
          if (Double.isNaN(worst[i]) || dirs.get(i).orient(v) < dirs.get(i).orient(worst[i])) {
            worst[i] = v;
          }
        }
      }
      return worst;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Export a study's trials as CSV or JSON.")
  static final class Export implements java.util.concurrent.Callable<Integer> {
    @Mixin StorageOption storage;

    @Option(names = "--study", required = true)
    String study;

    @Option(
        names = "--format",
        defaultValue = "csv",
        description = "csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
        names = {"-o", "--output"},
        description = "Output file (default: standard output).")
    Path output;

    @Option(
        names = "--labels",
        description =
            "Name CSV parameter columns by decision name or readable label (param:stage1.conv2d"
                + ".filters) instead of DNA path (param:body[0][0][0].filters).")
    boolean labels;

    @Override
    public Integer call() throws IOException {
      if (!format.equals("csv") && !format.equals("json")) {
        throw new SpecError("--format", "csv or json", "'" + format + "'");
      }
      try (TrialStore store = openExisting(storage.url)) {
        Study s = Study.lazy(store, study); // trials are streamed a page at a time, never all held
        if (output == null) {
          Writer out =
              new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
          write(s, out);
          out.flush();
        } else {
          // written beside it and moved into place: a failure midway leaves no half file
          Path part = output.resolveSibling(output.getFileName() + ".part");
          try (Writer out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
            write(s, out);
          } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
          }
          Files.move(part, output, StandardCopyOption.REPLACE_EXISTING);
          System.err.println("wrote " + output);
        }
      }
      return 0;
    }

    private void write(Study s, Writer out) throws IOException {
      if (format.equals("csv")) {
        csv(s, labels, out);
      } else {
        json(s, out);
      }
    }

    static void csv(Study s, boolean labels, Writer out) throws IOException {
      List<Decision> decisions = s.space().dnaSpec().decisions();
      List<String> header = new ArrayList<>(List.of("number", "state"));
      for (int i = 0; i < s.info().directions().size(); i++) {
        header.add("value" + (i == 0 ? "" : Integer.toString(i)));
      }
      header.addAll(List.of("duration_s", "start", "end", "seed", "version", "host"));
      for (Decision d : decisions) {
        header.add("param:" + (labels ? s.space().dnaSpec().label(d.id()) : d.id()));
      }
      header.add("error");
      out.write(String.join(",", header.stream().map(Export::quote).toList()) + "\n");
      try {
        s.forEachTrial(t -> writeUnchecked(out, csvRow(s, decisions, t)));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }

    private static String csvRow(Study s, List<Decision> decisions, Trial t) {
      List<String> row = new ArrayList<>();
      row.add(Integer.toString(t.number()));
      row.add(t.state().name());
      for (int i = 0; i < s.info().directions().size(); i++) {
        row.add(i < t.values().size() ? Double.toString(t.values().get(i)) : "");
      }
      row.add(Double.isNaN(t.durationSeconds()) ? "" : Double.toString(t.durationSeconds()));
      row.add(t.start() == null ? "" : t.start().toString());
      row.add(t.end() == null ? "" : t.end().toString());
      row.add(Long.toString(t.seed()));
      row.add(String.valueOf(t.version()));
      row.add(String.valueOf(t.host()));
      for (Decision d : decisions) {
        Number v = t.dna().get(d.id());
        row.add(
            v == null
                ? ""
                : d instanceof Decision.Choice c ? c.labels().get(v.intValue()) : v.toString());
      }
      row.add(t.error() == null ? "" : t.error());
      return String.join(",", row.stream().map(Export::quote).toList()) + "\n";
    }

    private static void writeUnchecked(Writer out, String text) {
      try {
        out.write(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static String quote(String s) {
      if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
        return '"' + s.replace("\"", "\"\"") + '"';
      }
      return s;
    }

    /** The study as one JSON document, its trials written one at a time as they are read. */
    static void json(Study s, Writer out) throws IOException {
      JsonGenerator g =
          SpecCodec.json()
              .writerWithDefaultPrettyPrinter()
              .createGenerator(out)
              .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeObjectField("study", s.info().name());
      g.writeObjectField("directions", s.info().directions());
      g.writeObjectField("seed", s.info().seed());
      g.writeObjectField("algorithm", SpecCodec.toTree(s.info().algorithm()));
      g.writeObjectField("space", SpecCodec.toTree(s.info().space()));
      List<Map<String, String>> decisions = new ArrayList<>();
      s.space()
          .dnaSpec()
          .labels()
          .forEach((id, label) -> decisions.add(Map.of("id", id, "label", label)));
      g.writeObjectField("decisions", decisions); // the DNA paths of "dna" as people read them
      g.writeArrayFieldStart("trials");
      try {
        s.forEachTrial(t -> writeUnchecked(g, jsonRow(t)));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      out.write("\n");
    }

    private static Map<String, Object> jsonRow(Trial t) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("number", t.number());
      m.put("state", t.state().name());
      m.put("values", t.values());
      m.put("intermediate", t.intermediate());
      m.put("params", t.params() == null ? null : SpecCodec.toTree(t.params()));
      m.put("dna", t.dna().values());
      m.put("attrs", t.attrs());
      m.put("seed", t.seed());
      m.put("version", t.version());
      m.put("host", t.host());
      m.put("start", t.start() == null ? null : t.start().toString());
      m.put("end", t.end() == null ? null : t.end().toString());
      m.put("duration_s", Double.isNaN(t.durationSeconds()) ? null : t.durationSeconds());
      m.put("error", t.error());
      return m;
    }

    private static void writeUnchecked(JsonGenerator g, Map<String, Object> row) {
      try {
        g.writeObject(row);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
