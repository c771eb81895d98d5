package org.gyrus.app.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gyrus.core.Decision;
import org.gyrus.core.DnaSpec;
import org.gyrus.core.Space;
import org.gyrus.nn.blocks.Notation;
import org.gyrus.search.Direction;
import org.gyrus.search.StudyInfo;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;

/**
 * Everything the study page and the report show, computed once from the stored trials: the rows of
 * the trial table, best-so-far history, intermediate curves, parameter importance and the Pareto
 * front. Parameters are shown by label (a choice) or number.
 */
public record StudyData(StudyInfo info, DnaSpec spec, List<Trial> trials, long version) {

  public StudyData {
    trials = List.copyOf(trials);
  }

  public static StudyData of(StudyInfo info, List<Trial> trials, long version) {
    return new StudyData(info, new Space(info.space()).dnaSpec(), trials, version);
  }

  /** The space's decisions, parents before children. */
  public List<Decision> decisions() {
    return spec.decisions();
  }

  /** What people read for a decision: its name, or a label derived from the spec. */
  public String label(Decision d) {
    return spec.label(d.id());
  }

  public Direction direction() {
    return info.directions().get(0);
  }

  /** A parameter's shown value in a trial, or null when it is inactive there. */
  public String shown(Decision d, Trial t) {
    Number v = t.dna().get(d.id());
    if (v == null) {
      return null;
    }
    if (d instanceof Decision.Choice c) {
      int i = v.intValue();
      return i >= 0 && i < c.labels().size() ? c.labels().get(i) : v.toString();
    }
    return v.toString();
  }

  public List<Trial> complete() {
    return trials.stream()
        .filter(t -> t.state() == TrialState.COMPLETE && !t.values().isEmpty())
        .toList();
  }

  /**
   * (trial number, best first-objective value so far, number of the trial that holds it) over
   * COMPLETE trials in number order.
   */
  public List<double[]> bestSoFar() {
    List<double[]> out = new ArrayList<>();
    double best = Double.NaN;
    int holder = -1;
    for (Trial t : complete()) {
      double v = t.value();
      if (Double.isNaN(best) || direction().orient(v) > direction().orient(best)) {
        best = v;
        holder = t.number();
      }
      out.add(new double[] {t.number(), best, holder});
    }
    return out;
  }

  /** Importance of each decision for the first objective, in decision order. */
  public double[] importance() {
    List<Trial> done = complete();
    List<Decision> decisions = decisions();
    double[][] x = new double[done.size()][decisions.size()];
    double[] y = new double[done.size()];
    for (int i = 0; i < done.size(); i++) {
      Trial t = done.get(i);
      for (int j = 0; j < decisions.size(); j++) {
        Number v = t.dna().get(decisions.get(j).id());
        x[i][j] = v == null ? -1 : v.doubleValue();
      }
      y[i] = t.value();
    }
    return done.size() < 4 ? new double[decisions.size()] : Importance.standard().estimate(x, y);
  }

  /** Numbers of the COMPLETE trials on the Pareto front (empty for a single objective). */
  public List<Integer> paretoFront() {
    if (info.directions().size() < 2) {
      return List.of();
    }
    List<Trial> done =
        complete().stream().filter(t -> t.values().size() == info.directions().size()).toList();
    List<double[]> pts = new ArrayList<>();
    for (Trial t : done) {
      double[] p = new double[t.values().size()];
      for (int k = 0; k < p.length; k++) {
        p[k] = info.directions().get(k).orient(t.values().get(k));
      }
      pts.add(p);
    }
    List<Integer> out = new ArrayList<>();
    for (int i : Pareto.front(pts)) {
      out.add(done.get(i).number());
    }
    return out;
  }

  /** The JSON document the study page's script renders. */
  public Map<String, Object> toJson() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("name", info.name());
    doc.put("version", version);
    List<String> dirs = new ArrayList<>();
    for (Direction d : info.directions()) {
      dirs.add(d.name().toLowerCase(Locale.ROOT));
    }
    doc.put("directions", dirs);
    List<Map<String, Object>> params = new ArrayList<>();
    double[] imp = importance();
    List<Decision> decisions = decisions();
    for (int j = 0; j < decisions.size(); j++) {
      Decision d = decisions.get(j);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", d.id());
      m.put("label", label(d));
      m.put("labels", d instanceof Decision.Choice c ? c.labels() : null);
      m.put("conditional", d.when() != null);
      m.put("importance", imp[j]);
      params.add(m);
    }
    doc.put("params", params);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Trial t : trials) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("number", t.number());
      m.put("state", t.state().name());
      m.put("values", t.values());
      m.put("duration", Double.isNaN(t.durationSeconds()) ? null : t.durationSeconds());
      Map<String, String> shownParams = new LinkedHashMap<>();
      for (Decision d : decisions) {
        shownParams.put(d.id(), shown(d, t));
      }
      m.put("params", shownParams);
      m.put("arch", architecture(t));
      List<double[]> curve = new ArrayList<>();
      t.intermediate().forEach((step, v) -> curve.add(new double[] {step, v}));
      m.put("intermediate", curve);
      rows.add(m);
    }
    doc.put("trials", rows);
    doc.put("best", bestSoFar());
    doc.put("pareto", paretoFront());
    return doc;
  }

  /** A trial's architecture in the compact notation, or null when it has no spec. */
  public static String architecture(Trial t) {
    if (t.params() == null) {
      return null;
    }
    try {
      return Notation.of(t.params());
    } catch (RuntimeException e) { // a spec the notation does not read: the table shows nothing
      return null;
    }
  }
}
