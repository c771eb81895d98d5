package org.gyrus.nas.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gyrus.core.SpecCodec;

/** Mean (and spread of) best accuracy found within each query budget, per search method. */
final class RobotReport {
  private RobotReport() {}

  static String table(List<String> lines, int[] budgets, ArrayNode out) throws Exception {
    Map<String, List<JsonNode>> byMethod = new LinkedHashMap<>();
    for (String l : lines) {
      if (!l.isBlank()) {
        JsonNode n = SpecCodec.json().readTree(l);
        byMethod.computeIfAbsent(n.get("method").asText(), k -> new ArrayList<>()).add(n);
      }
    }
    StringBuilder t = new StringBuilder("| method | seeds |");
    for (int b : budgets) {
      t.append(" best @").append(b).append(" mean ± sd |");
    }
    t.append(" ask ms |\n|---|---|").append("---|".repeat(budgets.length)).append("---|\n");
    for (var e : byMethod.entrySet()) {
      ObjectNode row = out.addObject().put("method", e.getKey()).put("seeds", e.getValue().size());
      row.put("algorithm", e.getValue().get(0).get("algorithm").asText());
      t.append("| ").append(e.getKey()).append(" | ").append(e.getValue().size()).append(" |");
      double ask = 0;
      for (int b : budgets) {
        double[] best = new double[e.getValue().size()];
        for (int r = 0; r < best.length; r++) {
          JsonNode accs = e.getValue().get(r).get("accuracy");
          best[r] = Double.NEGATIVE_INFINITY;
          for (int q = 0; q < Math.min(b, accs.size()); q++) {
            best[r] = Math.max(best[r], accs.get(q).asDouble());
          }
        }
        double mean = 0;
        for (double v : best) {
          mean += v / best.length;
        }
        double var = 0;
        for (double v : best) {
          var += (v - mean) * (v - mean) / Math.max(1, best.length - 1);
        }
        row.put("best_at_" + b + "_mean", mean).put("best_at_" + b + "_sd", Math.sqrt(var));
        t.append(String.format(Locale.ROOT, " %.2f ± %.2f |", mean, Math.sqrt(var)));
      }
      for (JsonNode run : e.getValue()) {
        ask += run.get("ask_ms_mean").asDouble() / e.getValue().size();
      }
      row.put("ask_ms_mean", ask);
      t.append(String.format(Locale.ROOT, " %.1f |\n", ask));
    }
    return t.toString();
  }
}
