package org.gyrus.nas.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gyrus.core.Ranks;
import org.gyrus.core.SpecCodec;

/**
 * Writes bench/results/nas_proxies_seq.{json,md} from the models {@link SeqProxyBench} trained: per
 * proxy, Spearman rho against validation and test accuracy over the models it could score, how many
 * it could not (with the errors), and its median wall and CPU milliseconds per model.
 */
final class SeqProxyReport {
  private SeqProxyReport() {}

  /** One proxy's figures over the pool. */
  record Row(
      String proxy,
      int scored,
      int failed,
      int nonFinite,
      double rhoVal,
      double rhoTest,
      double rhoValAll,
      double medianMs,
      double medianCpuMs,
      Set<String> errors) {}

  static List<Row> rows(List<JsonNode> models) {
    List<String> names = new ArrayList<>();
    models.get(0).get("scores").fieldNames().forEachRemaining(names::add);
    List<Row> out = new ArrayList<>();
    for (String p : names) {
      List<double[]> ok = new ArrayList<>();
      List<double[]> ran = new ArrayList<>();
      int nonFinite = 0;
      Set<String> errors = new LinkedHashSet<>();
      double[] ms = new double[models.size()];
      double[] cpu = new double[models.size()];
      for (int i = 0; i < models.size(); i++) {
        JsonNode m = models.get(i);
        double s = m.get("scores").get(p).asDouble(Double.NaN);
        ms[i] = m.get("ms").get(p).asDouble();
        cpu[i] = m.get("cpu_ms").get(p).asDouble();
        double[] r = {s, m.get("accuracy").asDouble(), m.get("test_accuracy").asDouble()};
        if (m.path("errors").has(p)) {
          errors.add(m.get("errors").get(p).asText());
          continue;
        }
        ran.add(r);
        if (Double.isFinite(s)) {
          ok.add(r);
        } else {
          nonFinite++;
        }
      }
      out.add(
          new Row(
              p,
              ok.size(),
              models.size() - ran.size(),
              nonFinite,
              rho(ok, 1),
              rho(ok, 2),
              rho(ran, 1),
              Ranks.median(ms),
              Ranks.median(cpu),
              errors));
    }
    return out;
  }

  private static double rho(List<double[]> ok, int col) {
    if (ok.size() < 3) {
      return Double.NaN;
    }
    return Ranks.spearman(
        ok.stream().mapToDouble(r -> r[0]).toArray(),
        ok.stream().mapToDouble(r -> r[col]).toArray());
  }

  static List<JsonNode> read(Path pool) throws Exception {
    List<JsonNode> models = new ArrayList<>();
    for (String line : Files.readAllLines(pool)) {
      if (!line.isBlank()) {
        models.add(SpecCodec.json().readTree(line));
      }
    }
    return models;
  }

  static void write(Path pool, Path json, Path md, String setting, String command)
      throws Exception {
    List<JsonNode> models = read(pool);
    List<Row> rows = rows(models);
    double[] val = models.stream().mapToDouble(m -> m.get("accuracy").asDouble()).toArray();
    double[] trainMs = models.stream().mapToDouble(m -> m.get("train_ms").asDouble()).toArray();
    double[] trainCpu =
        models.stream().mapToDouble(m -> m.get("train_cpu_ms").asDouble()).toArray();
    ObjectNode root = SpecCodec.json().createObjectNode();
    root.put("setting", setting);
    root.put("command", command);
    root.put("models", models.size());
    root.put("val_accuracy_min", java.util.Arrays.stream(val).min().orElse(Double.NaN));
    root.put("val_accuracy_median", Ranks.median(val));
    root.put("val_accuracy_max", java.util.Arrays.stream(val).max().orElse(Double.NaN));
    root.put("train_ms_median", Ranks.median(trainMs));
    root.put("train_cpu_ms_median", Ranks.median(trainCpu));
    ArrayNode arr = root.putArray("proxies");
    for (Row r : rows) {
      ObjectNode o = arr.addObject();
      o.put("proxy", r.proxy());
      o.put("scored", r.scored());
      o.put("cannot_run", r.failed());
      o.put("non_finite", r.nonFinite());
      o.put("rho_val", r.rhoVal());
      o.put("rho_test", r.rhoTest());
      o.put("rho_val_non_finite_last", r.rhoValAll());
      o.put("median_ms", r.medianMs());
      o.put("median_cpu_ms", r.medianCpuMs());
      ArrayNode e = o.putArray("errors");
      r.errors().forEach(e::add);
    }
    Files.createDirectories(json.toAbsolutePath().getParent());
    Files.writeString(
        json, SpecCodec.json().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    List<Boolean> nonFinite = new ArrayList<>();
    for (JsonNode m : models) {
      boolean any = false;
      for (var e : (Iterable<java.util.Map.Entry<String, JsonNode>>) m.get("scores")::fields) {
        any |=
            !m.path("errors").has(e.getKey())
                && !Double.isFinite(e.getValue().asDouble(Double.NaN));
      }
      nonFinite.add(any);
    }
    Files.writeString(
        md, markdown(models.size(), nonFinite, val, trainMs, trainCpu, rows, setting, command));
  }

  private static String markdown(
      int n,
      List<Boolean> nonFiniteAnywhere,
      double[] val,
      double[] trainMs,
      double[] trainCpu,
      List<Row> rows,
      String setting,
      String command) {
    StringBuilder s = new StringBuilder();
    s.append("# Training-free proxies on a recurrent / attention space (issue 14 §1, S10)\n\n");
    s.append("Setting: ").append(setting).append("\n\n");
    s.append(
        f(
            "%d models trained; validation accuracy min %.4f, median %.4f, max %.4f; training"
                + " median %.1f s wall, %.1f s CPU per model.\n\n",
            n,
            java.util.Arrays.stream(val).min().orElse(Double.NaN),
            Ranks.median(val),
            java.util.Arrays.stream(val).max().orElse(Double.NaN),
            Ranks.median(trainMs) / 1e3,
            Ranks.median(trainCpu) / 1e3));
    s.append("ρ over the models with a finite score; ρ* with non-finite scores ranked last.\n\n");
    s.append("| proxy | finite | non-finite | cannot run | ρ (val acc) | ρ (test acc) |");
    s.append(" ρ* (val acc) | median ms | median CPU ms |\n");
    s.append("|---|---|---|---|---|---|---|---|---|\n");
    Map<String, Set<String>> failures = new LinkedHashMap<>();
    for (Row r : rows) {
      s.append(
          f(
              "| %s | %d | %d | %d | %s | %s | %s | %.1f | %.1f |\n",
              r.proxy(),
              r.scored(),
              r.nonFinite(),
              r.failed(),
              num(r.rhoVal()),
              num(r.rhoTest()),
              num(r.rhoValAll()),
              r.medianMs(),
              r.medianCpuMs()));
      if (!r.errors().isEmpty()) {
        failures.put(r.proxy(), r.errors());
      }
    }
    if (!failures.isEmpty()) {
      s.append("\nWhere a proxy cannot run (an exception; left out of both ρ):\n\n");
      failures.forEach((p, e) -> s.append("- ").append(p).append(": ").append(e).append('\n'));
    }
    List<String> diverged = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (nonFiniteAnywhere.get(i)) {
        diverged.add(f("%.3f", val[i]));
      }
    }
    if (!diverged.isEmpty()) {
      s.append(
          f(
              "\n%d models have a non-finite score under some proxy (their untrained output is not"
                  + " finite); their validation accuracy: %s.\n",
              diverged.size(), String.join(", ", diverged)));
    }
    s.append("\nCommand: `").append(command).append("`\n");
    return s.toString();
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "—" : f("%.3f", v);
  }

  private static String f(String fmt, Object... args) {
    return String.format(Locale.ROOT, fmt, args);
  }
}
