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
import org.gyrus.core.Ranks;
import org.gyrus.core.SpecCodec;

/** Writes bench/results/nas_hardware.{json,md} from the traces of every system. */
final class NasHardwareReport {
  private NasHardwareReport() {}

  static void write(
      List<JsonNode> traces,
      int[] budgets,
      Map<String, Double> specs,
      JsonNode meta,
      List<JsonNode> cpu,
      Path json,
      Path md,
      String command)
      throws Exception {
    Map<String, List<JsonNode>> bySystem = new LinkedHashMap<>();
    for (JsonNode t : traces) {
      String key = t.get("system").asText() + " " + t.get("algorithm").asText();
      bySystem.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
    }
    ObjectNode root = SpecCodec.json().createObjectNode();
    ArrayNode rows = root.putArray("rows");
    ObjectNode detail = root.putObject("detail");
    double accRef = meta.get("accuracy_reference").asDouble();
    double optimum = meta.get("optimal_hypervolume").asDouble();
    detail.putPOJO("specs", specs);
    detail.set("table", meta);
    detail.put(
        "hypervolume",
        "of the designs meeting every spec among the first N evaluated, objectives (accuracy max,"
            + " latency_ms min, energy_uj min), reference ("
            + accRef
            + ", latency spec, energy"
            + " spec), divided by the box (100 - "
            + accRef
            + ") x latency spec x energy spec");
    Map<String, double[]> medians = new LinkedHashMap<>();
    StringBuilder table = new StringBuilder();
    table.append("| system | seeds |");
    for (int b : budgets) {
      table.append(" HV@").append(b).append(" median (min–max) |");
    }
    table.append(" ask+tell ms/trial (median) |\n|---|---|");
    table.append("---|".repeat(budgets.length)).append("---|\n");
    for (Map.Entry<String, List<JsonNode>> e : bySystem.entrySet()) {
      String id = e.getKey().replace(' ', '.');
      double[] med = new double[budgets.length];
      table.append("| ").append(e.getKey()).append(" | ").append(e.getValue().size()).append(" |");
      ObjectNode d = detail.putObject(e.getKey());
      for (int k = 0; k < budgets.length; k++) {
        double[] hv = new double[e.getValue().size()];
        for (int i = 0; i < hv.length; i++) {
          hv[i] =
              NasHardwareBench.hypervolume(
                  e.getValue().get(i).get("points"), budgets[k], specs, accRef);
        }
        Arrays.sort(hv);
        med[k] = Ranks.median(hv);
        ArrayNode all = d.putArray("hv@" + budgets[k]);
        Arrays.stream(hv).forEach(all::add);
        table.append(
            String.format(Locale.ROOT, " %.4f (%.4f–%.4f) |", med[k], hv[0], hv[hv.length - 1]));
      }
      medians.put(e.getKey(), med);
      double askTell = medianAskTell(e.getValue());
      d.put("ask_tell_ms_median", askTell);
      table.append(String.format(Locale.ROOT, " %.3f |%n", askTell));
      for (int k = 0; k < budgets.length; k++) {
        ObjectNode r = rows.addObject();
        r.put("id", "hv." + id + "@" + budgets[k]);
        r.put(
            "metric",
            "hypervolume of feasible designs at "
                + budgets[k]
                + " evaluations, median over "
                + e.getValue().size()
                + " seeds");
        r.put("value", med[k]);
        r.put("unit", "fraction of the spec box");
        r.put("anchor", "goal: Gyrus nsga2 >= Optuna NSGAIISampler at every budget");
        r.put("command", command);
      }
      ObjectNode r = rows.addObject();
      r.put("id", "ask_tell_ms." + id);
      r.put("metric", "ask+tell wall time per trial, median over all trials and seeds");
      r.put("value", askTell);
      r.put("unit", "ms");
      r.put("anchor", "goal < 1 ms");
      r.put("command", command);
    }
    ObjectNode opt = rows.addObject();
    opt.put("id", "hv.optimum");
    opt.put("metric", "hypervolume of the true feasible Pareto set (exhaustive search)");
    opt.put("value", optimum);
    opt.put("unit", "fraction of the spec box");
    opt.put("anchor", "upper bound for every system");
    opt.put("command", command);
    StringBuilder out =
        new StringBuilder("# NAS × accelerator co-search (S6): Gyrus vs Optuna\n\n");
    out.append("Specs (hard): ")
        .append(specs)
        .append("; objectives: accuracy (max), latency_ms (min), energy_uj (min).\n");
    out.append(
        String.format(
            Locale.ROOT,
            "%.2f%% of the 3,375,000 designs meet every spec; the true feasible Pareto set"
                + " (exhaustive) has HV %.4f. HV as defined in the JSON's detail.hypervolume;"
                + " both sides read one objectives file.%n%n",
            100 * meta.get("feasible_fraction").asDouble(),
            optimum));
    out.append(table).append('\n');
    double[] g = medians.get("gyrus nsga2");
    double[] o = medians.get("optuna nsga2");
    if (g != null && o != null) {
      for (int k = 0; k < budgets.length; k++) {
        String verdict = g[k] >= o[k] ? "met" : "MISSED";
        out.append(
            String.format(
                Locale.ROOT,
                "- HV@%d: Gyrus nsga2 %.4f vs Optuna NSGAIISampler %.4f (ratio %.3f): %s%n",
                budgets[k],
                g[k],
                o[k],
                g[k] / o[k],
                verdict));
        ObjectNode r = rows.addObject();
        r.put("id", "hv_ratio.gyrus_over_optuna@" + budgets[k]);
        r.put("metric", "median hypervolume ratio Gyrus nsga2 / Optuna NSGAIISampler");
        r.put("value", g[k] / o[k]);
        r.put("unit", "ratio");
        r.put("anchor", "goal >= 1");
        r.put("command", command);
      }
    }
    if (!cpu.isEmpty()) {
      out.append(
          "\nMeasured CPU latency of the compiled NB201 network (cost model cpu_latency; median of"
              + " timed forward passes after warm-up, one engine thread, on a shared 2-core machine: noisy):\n\n"
              + "| cell | accuracy | MACs (M) | batch 1 (ms) | batch 64 (ms) |\n|---|---|---|---|---|\n");
      for (JsonNode c : cpu) {
        out.append(
            String.format(
                Locale.ROOT,
                "| %s `%s` | %.2f | %.1f | %.2f | %.1f |%n",
                c.get("cell").asText(),
                c.get("arch").asText().replace("|", "\\|"), // a pipe ends a table cell
                c.get("accuracy").asDouble(),
                c.get("macs_m").asDouble(),
                c.get("latency_b1_ms").asDouble(),
                c.get("latency_b64_ms").asDouble()));
        for (String b : new String[] {"1", "64"}) {
          ObjectNode r = rows.addObject();
          r.put("id", "cpu_latency_b" + b + "." + c.get("cell").asText().replace(' ', '_'));
          r.put(
              "metric", "measured forward latency at batch " + b + " of " + c.get("arch").asText());
          r.put("value", c.get("latency_b" + b + "_ms").asDouble());
          r.put("unit", "ms");
          r.put("anchor", "this machine, 1 engine thread; no published anchor");
          r.put("command", command);
        }
      }
      detail.putPOJO("cpu_latency", cpu);
    }
    out.append("\nCommand: `").append(command).append("`\n");
    Files.createDirectories(json.toAbsolutePath().getParent());
    Files.writeString(
        json, SpecCodec.json().writerWithDefaultPrettyPrinter().writeValueAsString(root));
    Files.writeString(md, out.toString());
    System.out.print(out);
  }

  private static double medianAskTell(List<JsonNode> traces) {
    List<Double> all = new ArrayList<>();
    for (JsonNode t : traces) {
      t.get("ask_tell_ms").forEach(x -> all.add(x.asDouble()));
    }
    return Ranks.median(all.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
