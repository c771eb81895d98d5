package org.gyrus.nn.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link NapAnalysis.Result} as flat rows (one per class, one per ball radius and kind). */
public final class NapReport {
  private NapReport() {}

  /** Rows, each starting with {@code common} (data set, model, δ, ...) and a {@code kind}. */
  public static List<Map<String, Object>> rows(NapAnalysis.Result r, Map<String, Object> common) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (NapAnalysis.ClassResult c : r.classes()) {
      Map<String, Object> row = new LinkedHashMap<>(common);
      row.put("kind", "nap_class");
      row.put("class", c.cls());
      row.put("nap_size", c.napSize());
      row.put("test_count", c.testCount());
      row.put("coverage", c.coverage());
      row.put("matched", c.matched());
      row.put("precision", c.precision());
      row.put("median_covered_linf", c.medianCoveredDistance());
      row.put("verdict", c.verdict().status().name().toLowerCase());
      row.put("solver_seconds", c.verdict().seconds());
      row.put("decided_by", c.decidedBy());
      Verdict.Status[] rivals = c.verdict().rivals();
      if (rivals != null) {
        // B17's "c is never misclassified as j", one verdict and bound per rival j
        List<String> names = new ArrayList<>();
        List<Double> margins = new ArrayList<>();
        for (int j = 0; j < rivals.length; j++) {
          names.add(rivals[j] == null ? "target" : rivals[j].name().toLowerCase());
          double m = c.verdict().margins() == null ? Double.NaN : c.verdict().margins()[j];
          margins.add(Double.isFinite(m) ? m : null);
        }
        row.put("rival_verdicts", names);
        row.put("rival_bounds", margins);
        row.put("rivals_proven", c.verdict().rivalCount(Verdict.Status.PROVEN));
        row.put("rivals_refuted", c.verdict().rivalCount(Verdict.Status.REFUTED));
        row.put("rivals_unknown", c.verdict().rivalCount(Verdict.Status.UNKNOWN));
      }
      out.add(row);
    }
    for (NapAnalysis.BallResult b : r.balls()) {
      Map<String, Object> row = new LinkedHashMap<>(common);
      row.put("kind", "nap_ball");
      row.put("eps_pixels", b.epsPixels());
      row.put("with_nap", b.withNap());
      row.put("proven", b.proven());
      row.put("refuted", b.refuted());
      row.put("unknown", b.unknown());
      row.put("mean_seconds", b.seconds());
      out.add(row);
    }
    NapAnalysis.PairResult p = r.pairs();
    Map<String, Object> row = new LinkedHashMap<>(common);
    row.put("kind", "nap_pairs");
    row.put("pairs", p.pairs());
    row.put("disjoint", p.proven());
    row.put("disjoint_by_conflict", p.syntactic());
    row.put("overlapping", p.refuted());
    row.put("unknown", p.unknown());
    out.add(row);
    return out;
  }
}
