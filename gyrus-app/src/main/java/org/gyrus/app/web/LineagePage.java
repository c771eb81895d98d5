package org.gyrus.app.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;

/**
 * The lineage tree of a discovery study, from the trial attributes {@code candidate}, {@code
 * parents} (first = the parent mutated, a second = crossover partner) and {@code operator}: each
 * candidate under its first parent, with its score, the best-so-far steps marked and the winner
 * starred. Attempts a dead process left (heartbeat lost) are hidden behind their re-run.
 */
public final class LineagePage {
  private LineagePage() {}

  private record Node(int candidate, Trial trial, List<Integer> parents, String operator) {}

  public static String html(StudyData data) {
    Map<Integer, Node> nodes = new TreeMap<>();
    for (Trial t : data.trials()) {
      String c = t.attrs().get("candidate");
      boolean stale =
          t.state() == TrialState.FAIL && String.valueOf(t.error()).contains("heartbeat lost");
      if (c == null || (stale && nodes.containsKey(Integer.parseInt(c)))) {
        continue;
      }
      List<Integer> parents = new ArrayList<>();
      for (String p : t.attrs().getOrDefault("parents", "").split(",")) {
        if (!p.isBlank()) {
          parents.add(Integer.parseInt(p.trim()));
        }
      }
      nodes.put(
          Integer.parseInt(c),
          new Node(Integer.parseInt(c), t, parents, t.attrs().getOrDefault("operator", "")));
    }
    double best = Double.NEGATIVE_INFINITY;
    List<Integer> steps = new ArrayList<>();
    int winner = -1;
    for (Node n : nodes.values()) {
      if (n.trial().state() == TrialState.COMPLETE && n.trial().value() > best) {
        best = n.trial().value();
        steps.add(n.candidate());
        winner = n.candidate();
      }
    }
    Map<Integer, List<Node>> children = new TreeMap<>();
    List<Node> roots = new ArrayList<>();
    for (Node n : nodes.values()) {
      if (n.parents().isEmpty() || !nodes.containsKey(n.parents().get(0))) {
        roots.add(n);
      } else {
        children.computeIfAbsent(n.parents().get(0), k -> new ArrayList<>()).add(n);
      }
    }
    StringBuilder sb = new StringBuilder();
    String name = data.info().name();
    sb.append("<h1>")
        .append(Html.esc(name))
        .append(" — lineage</h1><p class=\"muted\">")
        .append(nodes.size())
        .append(" candidates; <b>bold</b>: a new best so far (")
        .append(steps.size())
        .append(" steps); ★ the best; × a crossover partner. <a href=\"/study?name=")
        .append(Html.url(name))
        .append("\">study page</a></p><ul class=\"lineage\">");
    for (Node r : roots) {
      item(sb, r, children, steps, winner, name);
    }
    return Html.page(name + " lineage", "", sb.append("</ul>").toString(), false);
  }

  private static void item(
      StringBuilder sb,
      Node n,
      Map<Integer, List<Node>> children,
      List<Integer> steps,
      int winner,
      String study) {
    Trial t = n.trial();
    String score =
        t.state() == TrialState.COMPLETE
            ? String.format(Locale.ROOT, "%.4f", t.value())
            : t.state() + (t.error() == null ? "" : ": " + t.error());
    String label =
        "#"
            + n.candidate()
            + " "
            + n.operator()
            + (n.parents().size() > 1 ? " × " + n.parents().get(1) : "")
            + " — "
            + score;
    sb.append("<li>").append(n.candidate() == winner ? "★ " : "");
    sb.append("<a href=\"/trial?study=")
        .append(Html.url(study))
        .append("&amp;number=")
        .append(t.number())
        .append("\">")
        .append(steps.contains(n.candidate()) ? "<b>" + Html.esc(label) + "</b>" : Html.esc(label))
        .append("</a>");
    List<Node> kids = children.getOrDefault(n.candidate(), List.of());
    if (!kids.isEmpty()) {
      sb.append("<ul>");
      for (Node k : kids) {
        item(sb, k, children, steps, winner, study);
      }
      sb.append("</ul>");
    }
    sb.append("</li>");
  }
}
