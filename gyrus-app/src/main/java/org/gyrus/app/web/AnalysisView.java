package org.gyrus.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The analyses {@code gyrus analyse ... --study S --trial N} stored with a trial (attributes {@code
 * analysis.KIND}), as sections of the trial page. NAP results become tables per mining threshold;
 * any other analysis, or a value that does not parse, is shown as its escaped text.
 */
final class AnalysisView {
  static final String PREFIX = "analysis.";
  private static final ObjectMapper JSON = new ObjectMapper();

  private AnalysisView() {}

  /** The section for every stored analysis of the trial; empty when it has none. */
  static String sections(Map<String, String> attrs) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(attrs).entrySet()) {
      if (!e.getKey().startsWith(PREFIX)) {
        continue;
      }
      String kind = e.getKey().substring(PREFIX.length());
      sb.append("<section class=\"wide\" id=\"analysis-")
          .append(Html.esc(kind))
          .append("\"><h2>Analysis: ")
          .append(Html.esc(kind))
          .append("</h2>");
      String table = kind.equals("naps") ? naps(e.getValue()) : null;
      sb.append(table != null ? table : "<pre>" + Html.esc(e.getValue()) + "</pre>");
      sb.append("</section>");
    }
    return sb.toString();
  }

  /** B17 NAP rows: one table per mining threshold δ; null when the value is not such a result. */
  static String naps(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      return null;
    }
    if (root == null || !root.path("rows").isArray()) {
      return null;
    }
    Map<String, List<JsonNode>> byDelta = new LinkedHashMap<>();
    List<JsonNode> pairs = new ArrayList<>();
    for (JsonNode r : root.path("rows")) {
      String kind = r.path("kind").asText();
      if (kind.equals("nap_class")) {
        byDelta.computeIfAbsent(r.path("delta").asText(), d -> new ArrayList<>()).add(r);
      } else if (kind.equals("nap_pairs")) {
        pairs.add(r);
      }
    }
    StringBuilder sb = new StringBuilder("<p class=\"muted\">Neural activation patterns (B17) on ");
    sb.append(Html.esc(root.path("dataset").asText()))
        .append(", test accuracy ")
        .append(fmt(root.path("test_accuracy").asDouble(Double.NaN)))
        .append(", solver ")
        .append(Html.esc(root.path("solver").asText()))
        .append(", ")
        .append(fmt(root.path("timeout_s").asDouble(Double.NaN)))
        .append(" s per specification.</p>");
    for (Map.Entry<String, List<JsonNode>> d : byDelta.entrySet()) {
      sb.append(deltaTable(d.getKey(), d.getValue(), pairs));
    }
    return sb.toString();
  }

  private static String deltaTable(String delta, List<JsonNode> rows, List<JsonNode> pairs) {
    StringBuilder sb = new StringBuilder();
    long tests = 0;
    long covered = 0;
    Map<String, Integer> verdicts = new TreeMap<>();
    for (JsonNode r : rows) {
      tests += r.path("test_count").asLong();
      covered += Math.round(r.path("coverage").asDouble() * r.path("test_count").asLong());
      verdicts.merge(r.path("verdict").asText(), 1, Integer::sum);
    }
    sb.append("<h3>δ = ")
        .append(Html.esc(delta))
        .append("</h3><p class=\"nap-summary\">coverage ")
        .append(fmt(tests == 0 ? Double.NaN : (double) covered / tests))
        .append(" of ")
        .append(tests)
        .append(" test inputs; specifications 'NAP_c ⇒ c' ");
    verdicts.forEach((v, n) -> sb.append(Html.esc(v)).append(' ').append(n).append(' '));
    for (JsonNode p : pairs) {
      if (p.path("delta").asText().equals(delta)) {
        sb.append("; class pairs proven disjoint ")
            .append(p.path("disjoint").asInt())
            .append(" of ")
            .append(p.path("pairs").asInt());
      }
    }
    sb.append("</p><table class=\"nap\"><thead><tr><th>class</th><th>NAP size</th>")
        .append("<th>coverage</th><th>precision</th><th>verdict</th><th>decided by</th>")
        .append("<th>solver s</th></tr></thead><tbody>");
    for (JsonNode r : rows) {
      sb.append("<tr><td>")
          .append(Html.esc(r.path("class").asText()))
          .append("</td><td>")
          .append(r.path("nap_size").asInt())
          .append("</td><td>")
          .append(fmt(r.path("coverage").asDouble(Double.NaN)))
          .append("</td><td>")
          .append(fmt(r.path("precision").asDouble(Double.NaN)))
          .append("</td><td>")
          .append(Html.esc(r.path("verdict").asText()))
          .append("</td><td>")
          .append(Html.esc(r.path("decided_by").asText("-")))
          .append("</td><td>")
          .append(fmt(r.path("solver_seconds").asDouble(Double.NaN)))
          .append("</td></tr>");
    }
    return sb.append("</tbody></table>").toString();
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }
}
