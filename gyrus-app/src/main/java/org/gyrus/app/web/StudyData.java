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
import org.gyrus.search.Constraint;
import org.gyrus.search.Direction;
import org.gyrus.search.History;
import org.gyrus.search.StudyInfo;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialSample;
import org.gyrus.search.TrialState;
import org.gyrus.search.TrialStore;

/**
 * Everything the study page and the report show, computed once from the stored trials: the rows of
 * the trial table, best-so-far history, intermediate curves, parameter importance and the Pareto
 * front. Parameters are shown by label (a choice) or number. A study of more than {@link #MAX_SENT}
 * trials is read as a {@link TrialSample} of {@link #SAMPLE_SENT} (the best fifth, an even spread
 * of the rest): {@code total} and {@code completeTotal} count the whole study.
 */
public record StudyData(
    StudyInfo info,
    DnaSpec spec,
    List<Trial> trials,
    long version,
    List<Constraint> constraints,
    int total,
    int completeTotal) {

  public StudyData {
    trials = List.copyOf(trials);
    constraints = List.copyOf(constraints);
  }

  public static StudyData of(StudyInfo info, List<Trial> trials, long version) {
    return of(info, trials, version, List.of());
  }

  /** With the study's hard specs: only trials that meet them make the Pareto front. */
  public static StudyData of(
      StudyInfo info, List<Trial> trials, long version, List<Constraint> constraints) {
    int complete =
        (int)
            trials.stream()
                .filter(t -> t.state() == TrialState.COMPLETE && !t.values().isEmpty())
                .count();
    return new StudyData(
        info,
        new Space(info.space()).dnaSpec(),
        trials,
        version,
        constraints,
        trials.size(),
        complete);
  }

  /** The stored study's data, hard specs included; a sample of a large study. */
  public static StudyData load(TrialStore store, StudyInfo info) {
    long version = store.version(info.id());
    List<Constraint> specs = Constraint.parseAll(store.studyAttrs(info.id()).get(Constraint.ATTR));
    int count = store.trialCount(info.id());
    if (count <= MAX_SENT) {
      return of(info, store.trials(info.id()), version, specs);
    }
    List<Trial> sample =
        new TrialSample(SAMPLE_SENT / 5, 0, SAMPLE_SENT - SAMPLE_SENT / 5)
            .read(store, info, count, 0);
    Long complete = store.stateCounts(info.id()).get(TrialState.COMPLETE);
    return new StudyData(
        info,
        new Space(info.space()).dnaSpec(),
        sample,
        version,
        specs,
        count,
        complete == null ? 0 : complete.intValue());
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

  /** Complete trials the importance forest learns from at most (an even sample beyond). */
  static final int IMPORTANCE_ROWS = 300;

  /** Trials the study page receives at most: the best and an even sample of the rest beyond. */
  static final int MAX_SENT = 5000;

  /**
   * Trials read from a study of more than {@link #MAX_SENT}: the best fifth and an even spread.
   * Reading and sending each trial is most of the first page's cost on a study of millions (5,000
   * took 1.8 CPU s in a fresh server at 1,000,000 trials), and a thousand points already show the
   * charts' shape.
   */
  static final int SAMPLE_SENT = 1000;

  /** Importance of each decision for the first objective, in decision order. */
  public double[] importance() {
    List<Trial> done = evenSample(complete(), IMPORTANCE_ROWS);
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
    if (done.size() < 4) {
      return new double[decisions.size()];
    }
    // A sampled study gets half the trees: the forest is the page's slowest part.
    Importance forest =
        done.size() < complete().size() ? new Importance(32, 8, 2, 0) : Importance.standard();
    return forest.estimate(x, y);
  }

  /** At most {@code max} of {@code items}, evenly spaced, in their order. */
  static <T> List<T> evenSample(List<T> items, int max) {
    if (items.size() <= max) {
      return items;
    }
    List<T> out = new ArrayList<>(max);
    for (int i = 0; i < max; i++) {
      out.add(items.get((int) ((long) i * items.size() / max)));
    }
    return out;
  }

  /**
   * The trials the page gets: all of them up to {@code max}; beyond, the best fifth of {@code max}
   * by the first objective, then an even sample of the others, in number order.
   */
  List<Trial> sent(int max) {
    if (trials.size() <= max) {
      return trials;
    }
    List<Trial> ranked = new ArrayList<>(complete());
    ranked.sort(
        java.util.Comparator.comparingDouble((Trial t) -> direction().orient(t.value()))
            .reversed());
    java.util.Set<Integer> keep = new java.util.HashSet<>();
    ranked.stream().limit(max / 5).forEach(t -> keep.add(t.number()));
    List<Trial> others = trials.stream().filter(t -> !keep.contains(t.number())).toList();
    evenSample(others, max - keep.size()).forEach(t -> keep.add(t.number()));
    return trials.stream().filter(t -> keep.contains(t.number())).toList();
  }

  /**
   * Numbers of the COMPLETE trials that meet every constraint and are on the Pareto front of those
   * (empty for a single objective).
   */
  public List<Integer> paretoFront() {
    if (info.directions().size() < 2) {
      return List.of();
    }
    History specs = new History(info.directions(), constraints);
    List<Trial> done =
        complete().stream()
            .filter(t -> t.values().size() == info.directions().size())
            .filter(specs::feasible)
            .toList();
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
    return toJson(MAX_SENT);
  }

  /** As {@link #toJson()}, sending at most {@code maxSent} trials. */
  Map<String, Object> toJson(int maxSent) {
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
    List<Trial> sent = sent(maxSent);
    if (sent.size() < total) {
      doc.put("sampled", Map.of("shown", sent.size(), "total", total));
    }
    doc.put("complete", completeTotal);
    doc.put("importanceFrom", Math.min(complete().size(), IMPORTANCE_ROWS));
    for (Trial t : sent) {
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
    doc.put("best", steps(bestSoFar()));
    doc.put("pareto", paretoFront());
    return doc;
  }

  /** The points where the best so far changes, and the last: the same step line, fewer points. */
  static List<double[]> steps(List<double[]> best) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < best.size(); i++) {
      if (i == 0 || i == best.size() - 1 || best.get(i)[2] != best.get(i - 1)[2]) {
        out.add(best.get(i));
      }
    }
    return out;
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
