package org.gyrus.app;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.gyrus.app.draw.Diagrams;
import org.gyrus.app.draw.ShapeInference;
import org.gyrus.app.web.Html;
import org.gyrus.app.web.StudyData;
import org.gyrus.core.Decision;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.nn.blocks.BlockTypes;
import org.gyrus.search.Provenance;
import org.gyrus.search.StudyInfo;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gyrus study report}: a folder with PNG plots and an {@code index.html} that embeds them
 * (as data URIs) and the best architecture (inline SVG), so it opens anywhere without a server.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Write a self-contained HTML report with PNG plots for a study.")
final class ReportCommand implements Callable<Integer> {
  @Mixin StorageOption storage;

  @Option(names = "--study", required = true)
  String study;

  @Option(
      names = {"-o", "--output"},
      required = true,
      description = "Directory for index.html and the PNGs.")
  Path dir;

  private String selection; // what the study selects models on, from its provenance

  /** Decisions the parallel-coordinates chart shows: the most important, as on the dashboard. */
  static final int TOP_K = 8;

  /** Architectures drawn at the end of the report: the best trials'. */
  static final int TOP_DIAGRAMS = 5;

  /** The {@code k} decisions of highest importance, in importance order (ties: space order). */
  static List<Decision> topDecisions(StudyData data, double[] importance, int k) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < importance.length; i++) {
      order.add(i);
    }
    order.sort((a, b) -> Double.compare(importance[b], importance[a]));
    return order.stream().limit(k).map(i -> data.decisions().get(i)).toList();
  }

  @Override
  public Integer call() throws IOException {
    StudyData data;
    try (TrialStore store = StudyCommand.openExisting(storage.url)) {
      StudyInfo info =
          store
              .study(study)
              .orElseThrow(
                  () ->
                      new SpecError("--study", "a stored study", "no study named '" + study + "'"));
      data = StudyData.load(store, info);
      selection = store.studyAttrs(info.id()).get(Provenance.SELECTION);
    }
    Files.createDirectories(dir);
    ShapeInference shapes = ShapeInference.discover();
    List<String> images = new ArrayList<>();
    List<Trial> done = data.complete();
    List<double[]> points = new ArrayList<>();
    for (Trial t : done) {
      points.add(new double[] {t.number(), t.value()});
    }
    Plots.chart(
        dir.resolve("history.png"),
        "Best so far: " + study,
        "trial",
        data.direction().name().toLowerCase(Locale.ROOT) + " objective",
        false,
        List.of(
            new Plots.Series("trial", points, new Color(150, 170, 210), false),
            new Plots.Series("best so far", data.bestSoFar(), new Color(200, 40, 40), true)));
    images.add("history.png");
    images.addAll(paretoCharts(data));
    double[] importance = data.importance();
    List<Decision> ds = topDecisions(data, importance, TOP_K);
    List<String> axes = new ArrayList<>();
    List<String[]> ticks = new ArrayList<>();
    for (Decision d : ds) {
      axes.add(data.label(d));
      ticks.add(d instanceof Decision.Choice c ? c.labels().toArray(new String[0]) : null);
    }
    axes.add("objective");
    ticks.add(null);
    List<double[]> rows = new ArrayList<>();
    for (Trial t : done) {
      double[] r = new double[ds.size() + 1];
      for (int j = 0; j < ds.size(); j++) {
        Number v = t.dna().get(ds.get(j).id());
        r[j] = v == null ? Double.NaN : v.doubleValue(); // drawn on the axis' "(absent)" mark
      }
      r[ds.size()] = t.value();
      rows.add(r);
    }
    String shown =
        ds.size() < data.decisions().size()
            ? " (top " + ds.size() + " of " + data.decisions().size() + " decisions by importance)"
            : "";
    ReportCharts.parallel(
        dir.resolve("parallel.png"), "Parallel coordinates: " + study + shown, axes, rows, ticks);
    images.add("parallel.png");
    List<String> names = data.decisions().stream().map(data::label).toList();
    ReportCharts.bars(
        dir.resolve("importance.png"),
        "Parameter importance (random forest, " + done.size() + " trials)",
        names,
        importance);
    images.add("importance.png");
    Trial best =
        done.stream()
            .max(Comparator.comparingDouble((Trial t) -> data.direction().orient(t.value())))
            .orElse(null);
    String svg = "";
    if (best != null && best.params() != null) {
      ImageIO.write(
          Diagrams.image(best.params(), shapes.annotateOrNone(best.params())),
          "png",
          dir.resolve("best-architecture.png").toFile());
      images.add("best-architecture.png");
      svg =
          Diagrams.svg(
              best.params(), shapes.annotateOrNone(best.params()), "best trial " + best.number());
      Files.writeString(dir.resolve("best-architecture.svg"), svg, StandardCharsets.UTF_8);
    }
    Files.writeString(dir.resolve("index.html"), html(data, best, images), StandardCharsets.UTF_8);
    System.err.println("wrote " + dir.resolve("index.html") + " and " + images.size() + " PNGs");
    return 0;
  }

  /** The diagrams of the best trials, side by side (inline SVG: the report stays one file). */
  private static void topDiagrams(StringBuilder sb, StudyData data, List<Trial> ranked) {
    List<Trial> top = ranked.stream().filter(t -> t.params() != null).limit(TOP_DIAGRAMS).toList();
    if (top.isEmpty()) {
      return;
    }
    ShapeInference shapes = ShapeInference.discover();
    sb.append("<h2>Top ")
        .append(top.size())
        .append(" architectures</h2><div id=\"top-diagrams\" style=\"display:flex;gap:12px;")
        .append("align-items:flex-start;overflow-x:auto\">");
    for (Trial t : top) {
      sb.append("<figure style=\"margin:0\"><figcaption>trial ")
          .append(t.number())
          .append(" · ")
          .append(Html.esc(TrialTable.value(t)))
          .append("</figcaption>")
          .append(
              Diagrams.svg(t.params(), shapes.annotateOrNone(t.params()), "trial " + t.number()))
          .append("</figure>");
    }
    sb.append("</div>");
  }

  /**
   * For several objectives: the first objective against each other one, every complete trial in
   * grey and the Pareto set (trials meeting every constraint that none dominates) in red.
   */
  private List<String> paretoCharts(StudyData data) throws IOException {
    List<org.gyrus.search.Direction> dirs = data.info().directions();
    List<String> out = new ArrayList<>();
    java.util.Set<Integer> front = new java.util.HashSet<>(data.paretoFront());
    for (int k = 1; k < dirs.size(); k++) {
      List<double[]> all = new ArrayList<>();
      List<double[]> best = new ArrayList<>();
      for (Trial t : data.complete()) {
        if (t.values().size() == dirs.size()) {
          double[] p = {t.values().get(0), t.values().get(k)};
          (front.contains(t.number()) ? best : all).add(p);
        }
      }
      String name = "pareto-0-" + k + ".png";
      Plots.chart(
          dir.resolve(name),
          "Pareto set (" + front.size() + " trials" + specs(data) + "): " + study,
          "objective 0 (" + dirs.get(0).name().toLowerCase(Locale.ROOT) + ")",
          "objective " + k + " (" + dirs.get(k).name().toLowerCase(Locale.ROOT) + ")",
          false,
          List.of(
              new Plots.Series("trial", all, new Color(170, 170, 170), false),
              new Plots.Series("Pareto set", best, new Color(200, 40, 40), false)));
      out.add(name);
    }
    return out;
  }

  private static String specs(StudyData data) {
    return data.constraints().isEmpty() ? "" : ", meeting " + data.constraints();
  }

  private String html(StudyData data, Trial best, List<String> images) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(Html.esc(study))
        .append(" · gyrus report</title><style>body{font-family:sans-serif;margin:24px;color:#222}")
        .append("table{border-collapse:collapse;font-size:13px}td,th{border-bottom:1px solid #ddd;")
        .append("padding:3px 8px;text-align:left}img{max-width:100%;border:1px solid #eee}")
        .append("pre{background:#f5f5f5;padding:8px}</style></head><body><h1>Study ")
        .append(Html.esc(study))
        .append("</h1><p>")
        .append(data.trials().size())
        .append(" trials, ")
        .append(data.complete().size())
        .append(" complete; directions ")
        .append(Html.esc(data.info().directions().toString().toLowerCase(Locale.ROOT)))
        .append("; seed ")
        .append(data.info().seed())
        .append(selection == null ? "" : "; models selected on " + Html.esc(selection))
        .append("</p>");
    if (best != null) {
      sb.append("<h2>Best trial: ")
          .append(best.number())
          .append(" (value ")
          .append(Html.esc(TrialTable.value(best)))
          .append(")</h2><pre>")
          .append(Html.esc(best.params() == null ? "" : SpecCodec.toYaml(best.params())))
          .append("</pre>");
    }
    for (String img : images) {
      byte[] png = Files.readAllBytes(dir.resolve(img));
      sb.append("<h2>")
          .append(Html.esc(img.replace(".png", "").replace('-', ' ')))
          .append("</h2><img alt=\"")
          .append(Html.esc(img))
          .append("\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(png))
          .append("\">");
    }
    sb.append("<h2>Top trials</h2><table><tr><th>trial</th><th>state</th><th>value</th>")
        .append("<th>secs</th><th>point</th></tr>");
    List<Trial> ranked = new ArrayList<>(data.complete());
    ranked.sort(
        Comparator.comparingDouble((Trial t) -> data.direction().orient(t.value())).reversed());
    org.gyrus.core.DnaSpec decisions = data.spec();
    List<String> blocks = BlockTypes.standard().names();
    for (Trial t : ranked.subList(0, Math.min(25, ranked.size()))) {
      sb.append("<tr><td>")
          .append(t.number())
          .append("</td><td>")
          .append(t.state())
          .append("</td><td>")
          .append(Html.esc(TrialTable.value(t)))
          .append("</td><td>")
          .append(String.format(Locale.ROOT, "%.2f", t.durationSeconds()))
          .append("</td><td>")
          .append(Html.esc(TrialTable.architecture(decisions, t, blocks)))
          .append("</td></tr>");
    }
    sb.append("</table>");
    topDiagrams(sb, data, ranked);
    sb.append("</body></html>\n");
    return sb.toString();
  }
}
