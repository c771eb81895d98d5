package org.gyrus.nas.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.nas.AcceleratorModel;
import org.gyrus.nas.CoSearchEvaluator;
import org.gyrus.search.Constraint;
import org.gyrus.search.Direction;
import org.gyrus.search.Metrics;
import org.gyrus.search.Pareto;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialStore;
import org.gyrus.search.bench.NasBench201;
import org.gyrus.search.store.MemoryTrialStore;

/**
 * bench/nas_hardware's Java side. {@code table FILE L E A ACC_REF} writes the shared objectives
 * file; {@code run FILE ALGORITHM FIRST_SEED SEEDS TRIALS} prints one trace per seed (JSON lines:
 * every evaluated design's accuracy, latency, energy, area, and ask+tell times); {@code report FILE
 * TRACES BUDGETS JSON MD COMMAND} scores every trace (Gyrus's and Optuna's alike) by the
 * hypervolume of its feasible designs.
 */
public final class NasHardwareBench {
  private NasHardwareBench() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "table" ->
          table(Path.of(args[1]), specs(args[2], args[3], args[4]), Double.parseDouble(args[5]));
      case "run" ->
          run(
              HardwareTable.read(Path.of(args[1])),
              specsOf(Path.of(args[1])),
              args[2],
              Long.parseLong(args[3]),
              Integer.parseInt(args[4]),
              Integer.parseInt(args[5]));
      case "report" -> report(args);
      case "cpu" -> cpu(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      default -> throw new IllegalArgumentException("table, run or report: " + args[0]);
    }
  }

  private static Map<String, Double> specs(String l, String e, String a) {
    Map<String, Double> s = new LinkedHashMap<>();
    s.put("latency_ms", Double.parseDouble(l));
    s.put("energy_uj", Double.parseDouble(e));
    s.put("area_mm2", Double.parseDouble(a));
    return s;
  }

  static Map<String, Double> specsOf(Path file) throws Exception {
    JsonNode s = SpecCodec.json().readTree(file.toFile()).get("specs");
    return specs(
        s.get("latency_ms").asText(), s.get("energy_uj").asText(), s.get("area_mm2").asText());
  }

  /**
   * Writes the table with the specs and the accuracy reference, and the best reachable hypervolume:
   * that of the true Pareto set of the feasible designs, found exhaustively.
   */
  private static void table(Path out, Map<String, Double> specs, double accRef) throws Exception {
    HardwareTable t = HardwareTable.build(NasBench201.load(null), new AcceleratorModel(500));
    List<double[]> feasible = new ArrayList<>();
    long all = 0;
    for (int c = 0; c < t.cells().size(); c++) {
      for (int h = 0; h < t.hardware().size(); h++) {
        double[] o = t.objectives(c, h);
        all++;
        if (meets(o, specs)) {
          feasible.add(new double[] {o[0], -o[1], -o[2]});
        }
      }
    }
    double l = specs.get("latency_ms");
    double e = specs.get("energy_uj");
    double best =
        Pareto.hypervolume(feasible, new double[] {accRef, -l, -e}) / ((100 - accRef) * l * e);
    Map<String, Double> meta = new LinkedHashMap<>();
    meta.put("accuracy_reference", accRef);
    meta.put("optimal_hypervolume", best);
    meta.put("feasible_fraction", feasible.size() / (double) all);
    t.write(out, specs, meta);
    System.err.printf(
        Locale.ROOT,
        "wrote %s: %d cells x %d accelerators, %.2f%% of designs meet %s; best HV %.4f%n",
        out,
        t.cells().size(),
        t.hardware().size(),
        100.0 * feasible.size() / all,
        specs,
        best);
  }

  static boolean meets(double[] o, Map<String, Double> specs) {
    return o[1] <= specs.get("latency_ms")
        && o[2] <= specs.get("energy_uj")
        && o[3] <= specs.get("area_mm2");
  }

  private static void run(
      HardwareTable table, Map<String, Double> specs, String algo, long first, int seeds, int n) {
    List<Constraint> cs = new ArrayList<>();
    specs.forEach((k, v) -> cs.add(new Constraint(k, true, v)));
    Value space = new CoSearchEvaluator().defaultSpace(null);
    List<Direction> dirs = List.of(Direction.MAXIMIZE, Direction.MINIMIZE, Direction.MINIMIZE);
    for (long seed = first; seed < first + seeds; seed++) {
      ObjectNode line = SpecCodec.json().createObjectNode();
      line.put("system", "gyrus").put("algorithm", algo).put("seed", seed);
      ArrayNode points = line.putArray("points");
      double[] times = new double[n];
      try (TrialStore store = new MemoryTrialStore();
          Study s =
              Study.open(
                  store,
                  "bench",
                  space,
                  dirs,
                  new Value.StrVal(algo),
                  seed,
                  Study.Options.DEFAULT,
                  Map.of(Constraint.ATTR, Constraint.formatAll(cs)))) {
        for (int i = 0; i < n; i++) {
          long start = System.nanoTime();
          Trial t = s.ask();
          double[] o = table.objectives(t.params());
          Map<String, Double> extra =
              Map.of("latency_ms", o[1], "energy_uj", o[2], "area_mm2", o[3]);
          s.tell(t, new Metrics(List.of(o[0], o[1], o[2]), extra));
          times[i] = (System.nanoTime() - start) / 1e6;
          points.addArray().add(o[0]).add(o[1]).add(o[2]).add(o[3]);
        }
      }
      ArrayNode ts = line.putArray("ask_tell_ms");
      Arrays.stream(times).forEach(ts::add);
      System.out.println(line);
    }
  }

  /** Hypervolume of the feasible designs among the first {@code budget}, normalised to [0, 1]. */
  static double hypervolume(JsonNode points, int budget, Map<String, Double> specs, double accRef) {
    List<double[]> feasible = new ArrayList<>();
    for (int i = 0; i < Math.min(budget, points.size()); i++) {
      JsonNode p = points.get(i);
      double[] o = {
        p.get(0).asDouble(), p.get(1).asDouble(), p.get(2).asDouble(), p.get(3).asDouble()
      };
      if (meets(o, specs)) {
        feasible.add(new double[] {o[0], -o[1], -o[2]});
      }
    }
    double l = specs.get("latency_ms");
    double e = specs.get("energy_uj");
    double box = (100 - accRef) * l * e;
    return Pareto.hypervolume(feasible, new double[] {accRef, -l, -e}) / box;
  }

  /**
   * Measured CPU latency ({@code cpu_latency} cost model) of three NB201 networks: the all-skip
   * cell, the table's most accurate cell and the all-3x3 cell; one JSON line each.
   */
  private static void cpu(int warmup, int repeats) {
    NasBench201 nb = NasBench201.load(null);
    Map<String, Value> cells = new LinkedHashMap<>();
    cells.put("all skip_connect", cell("skip_connect", "skip_connect"));
    cells.put("all nor_conv_3x3", cell("nor_conv_3x3", "nor_conv_3x3"));
    org.gyrus.core.Space space = new org.gyrus.core.Space(NasBench201.space());
    Value[] best = {null};
    space.enumerate(
        d -> {
          Value c = space.materialise(d);
          if (best[0] == null || nb.accuracy(c) > nb.accuracy(best[0])) {
            best[0] = c;
          }
        });
    cells.put("table best", best[0]);
    org.gyrus.nas.CpuLatencyModel model = new org.gyrus.nas.CpuLatencyModel(warmup, repeats);
    cells.forEach(
        (name, c) -> {
          org.gyrus.nas.Network n = org.gyrus.nas.Nb201Macro.of(c);
          Map<String, Double> m = model.costs(n, null);
          ObjectNode line = SpecCodec.json().createObjectNode();
          line.put("cell", name).put("arch", NasBench201.archString(c));
          line.put("accuracy", nb.accuracy(c)).put("macs_m", n.macs() / 1e6);
          m.forEach(line::put);
          line.put("warmup", warmup).put("repeats", repeats);
          line.put("threads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
          System.out.println(line);
        });
  }

  private static Value cell(String op, String rest) {
    List<Value> edges = new ArrayList<>();
    for (int[] e : NasBench201.EDGES) {
      edges.add(Value.Node.of("edge", "from", e[1], "to", e[0], "op", e[1] == 0 ? op : rest));
    }
    return Value.Node.of("cell", "nodes", 4, "edges", edges);
  }

  private static void report(String[] args) throws Exception {
    Path tableFile = Path.of(args[1]);
    Map<String, Double> specs = specsOf(tableFile);
    List<JsonNode> traces = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[2]))) {
      if (!line.isBlank()) {
        traces.add(SpecCodec.json().readTree(line));
      }
    }
    int[] budgets = Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
    JsonNode meta = SpecCodec.json().readTree(tableFile.toFile()).get("meta");
    List<JsonNode> cpu = new ArrayList<>();
    if (args.length > 7 && Files.exists(Path.of(args[7]))) {
      for (String line : Files.readAllLines(Path.of(args[7]))) {
        if (!line.isBlank()) {
          cpu.add(SpecCodec.json().readTree(line));
        }
      }
    }
    NasHardwareReport.write(
        traces, budgets, specs, meta, cpu, Path.of(args[4]), Path.of(args[5]), args[6]);
  }
}
