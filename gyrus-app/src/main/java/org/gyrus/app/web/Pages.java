package org.gyrus.app.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gyrus.core.Decision;
import org.gyrus.core.SpecCodec;
import org.gyrus.search.StudyInfo;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;

/** The dashboard's server-rendered pages; every stored string is escaped. */
final class Pages {
  private Pages() {}

  /** One line of the study list. */
  record StudyRow(StudyInfo info, Map<TrialState, Integer> counts, String best) {}

  static String studies(String location, List<StudyRow> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append("<h1>Studies</h1><p class=\"muted\">in ").append(Html.esc(location)).append("</p>");
    if (rows.isEmpty()) {
      sb.append("<p>No studies yet. Run <code>gyrus search</code> with this storage.</p>");
    }
    sb.append("<table id=\"studies\"><thead><tr><th>study</th><th>directions</th>")
        .append("<th>trials</th><th>complete</th><th>pruned</th><th>failed</th><th>running</th>")
        .append("<th>best</th><th>created</th></tr></thead><tbody>");
    for (StudyRow r : rows) {
      int total = r.counts().values().stream().mapToInt(Integer::intValue).sum();
      sb.append("<tr><td><a href=\"/study?name=")
          .append(Html.esc(Html.url(r.info().name())))
          .append("\">")
          .append(Html.esc(r.info().name()))
          .append("</a></td><td>")
          .append(Html.esc(r.info().directions().toString().toLowerCase(Locale.ROOT)))
          .append("</td><td>")
          .append(total);
      for (TrialState s :
          List.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL, TrialState.RUNNING)) {
        sb.append("</td><td>").append(r.counts().getOrDefault(s, 0));
      }
      sb.append("</td><td>")
          .append(Html.esc(r.best()))
          .append("</td><td>")
          .append(Html.esc(String.valueOf(r.info().created())))
          .append("</td></tr>");
    }
    sb.append("</tbody></table>");
    return Html.page("studies", "", sb.toString(), false);
  }

  /** The study page: a shell the script fills from /api/study and keeps live through /events. */
  static String study(String name) {
    String body =
        "<h1 id=\"study-name\">"
            + Html.esc(name)
            + "</h1><p class=\"muted\"><span id=\"live\">connecting…</span> · "
            + "<span id=\"summary\"></span></p>"
            + "<div class=\"grid\">"
            + "<section><h2>Best so far</h2><div id=\"chart-history\" class=\"chart\"></div>"
            + "</section>"
            + "<section><h2>Intermediate values</h2><div id=\"chart-intermediate\" "
            + "class=\"chart\"></div></section>"
            + "<section class=\"wide\"><h2>Parallel coordinates <select id=\"topk\""
            + " aria-label=\"decisions shown\" title=\"decisions shown, by importance\">"
            + "<option value=\"4\">top 4</option><option value=\"8\" selected>top 8</option>"
            + "<option value=\"12\">top 12</option><option value=\"16\">top 16</option>"
            + "<option value=\"0\">all decisions</option></select></h2>"
            + "<div id=\"chart-parallel\" class=\"chart\"></div></section>"
            + "<section><h2>Parameter importance</h2><div id=\"chart-importance\" "
            + "class=\"chart\"></div></section>"
            + "<section id=\"pareto-section\" hidden><h2>Pareto front</h2>"
            + "<div id=\"chart-pareto\" class=\"chart\"></div></section>"
            + "</div><section class=\"wide\"><h2>Trials</h2><div class=\"filters\">"
            + "<input id=\"filter\" type=\"search\" aria-label=\"filter rows (text)\" title=\"filter rows (text)\">"
            + "<select id=\"state-filter\"><option value=\"\">all states</option>"
            + "<option value=\"COMPLETE\">COMPLETE</option><option value=\"PRUNED\">PRUNED</option>"
            + "<option value=\"FAIL\">FAIL</option><option value=\"RUNNING\">RUNNING</option>"
            + "<option value=\"WAITING\">WAITING</option></select>"
            + " <span id=\"row-count\"></span> <button id=\"show-all\" hidden>show all rows"
            + "</button> <button id=\"compare\" disabled>compare selected (2–4)</button></div>"
            + "<table id=\"trials\"><thead></thead><tbody></tbody></table></section>"
            + "<div id=\"diagram-tip\" class=\"tip\" hidden></div>"
            + "<div id=\"axis-tip\" class=\"tip\" hidden></div>";
    return Html.page(name, " data-study=\"" + Html.esc(name) + "\"", body, true);
  }

  /** A trial; {@code diagramSvg} is its architecture, already drawn (escaped) or empty. */
  static String trial(StudyData data, Trial t, String diagramSvg) {
    StringBuilder sb = new StringBuilder();
    String study = data.info().name();
    sb.append("<h1>")
        .append(Html.esc(study))
        .append(" · trial ")
        .append(t.number())
        .append("</h1><p><a href=\"/study?name=")
        .append(Html.esc(Html.url(study)))
        .append("\">back to the study</a>")
        .append(
            t.attrs().containsKey("candidate") // a discovery candidate: its lineage tree
                ? " · <a href=\"/lineage?study=" + Html.esc(Html.url(study)) + "\">lineage</a>"
                : "")
        .append("</p><div class=\"grid\"><section><h2>Result</h2>")
        .append("<table class=\"kv\">");
    kv(sb, "state", t.state().name());
    kv(sb, "values", t.values().toString());
    kv(sb, "duration (s)", Double.isNaN(t.durationSeconds()) ? "-" : fmt(t.durationSeconds()));
    for (Decision d : data.decisions()) {
      String v = data.shown(d, t);
      kv(sb, data.label(d), v == null ? "(inactive)" : v);
    }
    sb.append("</table>");
    if (t.error() != null) {
      sb.append("<h2>Error</h2><pre id=\"error\" class=\"error\">")
          .append(Html.esc(t.error()))
          .append("</pre>");
    }
    if (!t.intermediate().isEmpty()) {
      sb.append("<h2>Intermediate values</h2><table class=\"kv\">");
      t.intermediate().forEach((step, v) -> kv(sb, "step " + step, fmt(v)));
      sb.append("</table>");
    }
    sb.append("</section><section><h2>Provenance</h2><table class=\"kv\">");
    kv(sb, "trial id", Long.toString(t.id()));
    kv(sb, "seed", Long.toString(t.seed()));
    kv(sb, "gyrus version", String.valueOf(t.version()));
    kv(sb, "host", String.valueOf(t.host()));
    kv(sb, "start", String.valueOf(t.start()));
    kv(sb, "end", String.valueOf(t.end()));
    kv(sb, "last heartbeat", String.valueOf(t.heartbeat()));
    for (Map.Entry<String, String> e : t.attrs().entrySet()) {
      if (!e.getKey().startsWith(AnalysisView.PREFIX)) { // shown as sections below
        kv(sb, "attr " + e.getKey(), e.getValue());
      }
    }
    sb.append("</table><h2>DNA</h2><pre id=\"dna\">")
        .append(Html.esc(t.dna().toJson()))
        .append("</pre></section></div><div class=\"grid\"><section><h2>Spec</h2><pre id=\"spec\">")
        .append(Html.esc(t.params() == null ? "(none)" : SpecCodec.toYaml(t.params())))
        .append("</pre></section><section><h2>Architecture</h2><div id=\"diagram\">");
    sb.append(diagramSvg);
    sb.append("</div></section></div>");
    String analyses = AnalysisView.sections(t.attrs());
    if (!analyses.isEmpty()) {
      sb.append("<div class=\"grid\">").append(analyses).append("</div>");
    }
    return Html.page(study + " · trial " + t.number(), "", sb.toString(), false);
  }

  /**
   * 2–4 trials side by side: metrics and decisions in one table (rows that differ marked {@code
   * diff}), the diagrams with differing parts highlighted ({@code svgs}, already drawn), and the
   * learning curves, which the page script draws from {@code data-curves}.
   */
  static String compare(StudyData data, List<Trial> ts, List<String> svgs) {
    String study = data.info().name();
    StringBuilder sb = new StringBuilder();
    sb.append("<h1>").append(Html.esc(study)).append(" · compare trials ");
    sb.append(String.join(", ", ts.stream().map(t -> Integer.toString(t.number())).toList()));
    sb.append("</h1><p><a href=\"/study?name=")
        .append(Html.esc(Html.url(study)))
        .append("\">back to the study</a> · <span class=\"muted\">highlighted: what differs</span>")
        .append("</p><section><table id=\"compare-table\" class=\"kv\"><thead><tr><th></th>");
    for (Trial t : ts) {
      sb.append("<th><a href=\"/trial?study=")
          .append(Html.esc(Html.url(study)))
          .append("&amp;number=")
          .append(t.number())
          .append("\">trial ")
          .append(t.number())
          .append("</a></th>");
    }
    sb.append("</tr></thead><tbody>");
    compareRow(sb, "state", ts.stream().map(t -> t.state().name()).toList(), false);
    compareRow(sb, "values", ts.stream().map(t -> t.values().toString()).toList(), false);
    compareRow(sb, "architecture", ts.stream().map(StudyData::architecture).toList(), true);
    for (String attr : List.of("metric.params", "metric.flops")) {
      List<String> vs = ts.stream().map(t -> t.attrs().get(attr)).toList();
      if (vs.stream().anyMatch(v -> v != null)) {
        compareRow(sb, attr.substring("metric.".length()), vs, false);
      }
    }
    for (Decision d : data.decisions()) {
      List<String> vs = new java.util.ArrayList<>();
      for (Trial t : ts) {
        String v = data.shown(d, t);
        vs.add(v == null ? "(absent)" : v);
      }
      compareRow(sb, data.label(d), vs, true);
    }
    sb.append("</tbody></table></section><div class=\"compare\" style=\"grid-template-columns:")
        .append(" repeat(")
        .append(ts.size())
        .append(", minmax(0, 1fr))\">");
    for (int i = 0; i < ts.size(); i++) {
      sb.append("<section class=\"diagram\" data-number=\"")
          .append(ts.get(i).number())
          .append("\"><h2>Trial ")
          .append(ts.get(i).number())
          .append("</h2>")
          .append(svgs.get(i))
          .append("</section>");
    }
    sb.append("</div><section><h2>Learning curves</h2><div id=\"chart-compare\" class=\"chart\"")
        .append(" data-curves=\"")
        .append(Html.esc(curves(ts)))
        .append("\"></div></section>");
    return Html.page(study + " · compare", "", sb.toString(), true);
  }

  /** A row of the compare table, marked {@code diff} when {@code mark} and the values differ. */
  private static void compareRow(StringBuilder sb, String name, List<String> vs, boolean mark) {
    boolean differs = vs.stream().distinct().count() > 1;
    sb.append(mark && differs ? "<tr class=\"diff\">" : "<tr>")
        .append("<th>")
        .append(Html.esc(name))
        .append("</th>");
    for (String v : vs) {
      sb.append("<td>").append(Html.esc(v == null ? "-" : v)).append("</td>");
    }
    sb.append("</tr>");
  }

  /** {"trial N": [[step, value], ...], ...} for the compare page's chart. */
  private static String curves(List<Trial> ts) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < ts.size(); i++) {
      Trial t = ts.get(i);
      sb.append(i == 0 ? "" : ",").append("\"trial ").append(t.number()).append("\":[");
      int[] j = {0};
      t.intermediate()
          .forEach(
              (step, v) ->
                  sb.append(j[0]++ == 0 ? "" : ",")
                      .append('[')
                      .append(step)
                      .append(',')
                      .append(Double.isFinite(v) ? Double.toString(v) : "null")
                      .append(']'));
      sb.append(']');
    }
    return sb.append('}').toString();
  }

  private static void kv(StringBuilder sb, String k, String v) {
    sb.append("<tr><th>").append(Html.esc(k)).append("</th><td>").append(Html.esc(v));
    sb.append("</td></tr>");
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
