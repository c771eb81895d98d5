package org.gyrus.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gyrus.core.Dna;

/**
 * What an algorithm sees of a study: its trials in number order and the objective directions. A
 * study keeps one History up to date incrementally, so reading it costs nothing per ask.
 */
public final class History {
  private final List<Direction> directions;
  private final List<Constraint> constraints;
  private final List<Trial> trials = new ArrayList<>();
  private final List<Trial> completed = new ArrayList<>();
  private final Map<String, Integer> live = new HashMap<>();
  private boolean completedDirty;
  private long completedRewrites;
  private final int[] stateCounts = new int[TrialState.values().length];
  private Trial best; // best()'s answer, kept as trials arrive; null with bestStale: recompute
  private boolean bestStale;

  public History(List<Direction> directions) {
    this(directions, List.of());
  }

  /** A history whose trials are judged feasible by {@code constraints} (hard specs). */
  public History(List<Direction> directions, List<Constraint> constraints) {
    this.directions = List.copyOf(directions);
    this.constraints = List.copyOf(constraints);
  }

  public static History of(List<Direction> directions, List<Trial> trials) {
    History h = new History(directions);
    trials.forEach(h::update);
    return h;
  }

  public List<Direction> directions() {
    return directions;
  }

  /** The study's hard specs; empty when every completed trial is feasible. */
  public List<Constraint> constraints() {
    return constraints;
  }

  /**
   * The sum of a trial's relative constraint violations ({@link Constraint#violation}); 0 for a
   * feasible trial, infinite when a constrained metric is missing.
   */
  public double violation(Trial t) {
    double sum = 0;
    for (Constraint c : constraints) {
      sum += c.violation(metric(t, c.metric()));
    }
    return sum;
  }

  public boolean feasible(Trial t) {
    return constraints.isEmpty() || violation(t) == 0;
  }

  /** A measured value of a trial: an extra metric, or {@code objectiveN}; NaN when absent. */
  public static double metric(Trial t, String name) {
    String stored = t.attrs().get("metric." + name);
    if (stored == null && name.startsWith("objective")) {
      try {
        int i = Integer.parseInt(name.substring("objective".length()));
        return i >= 0 && i < t.values().size() ? t.values().get(i) : Double.NaN;
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    try {
      return stored == null ? Double.NaN : Double.parseDouble(stored);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** All objective values of a trial, oriented so that larger is better. */
  public double[] oriented(Trial t) {
    double[] out = new double[directions.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = directions.get(i).orient(t.values().get(i));
    }
    return out;
  }

  /** Adds a trial or replaces the stored copy of it (same number). */
  public void update(Trial t) {
    while (trials.size() <= t.number()) {
      trials.add(null);
    }
    Trial old = trials.get(t.number());
    if (old != null && old.state() != TrialState.FAIL) {
      live.merge(old.dna().toJson(), -1, Integer::sum);
    }
    trials.set(t.number(), t);
    if (t.state() != TrialState.FAIL) {
      live.merge(t.dna().toJson(), 1, Integer::sum);
    }
    boolean wasComplete = old != null && old.state() == TrialState.COMPLETE;
    boolean isComplete = t.state() == TrialState.COMPLETE && !t.values().isEmpty();
    keepBest(old, t, wasComplete, isComplete);
    if (isComplete && !wasComplete) {
      if (!completed.isEmpty() && completed.get(completed.size() - 1).number() > t.number()) {
        completedDirty = true;
        completedRewrites++;
      }
      completed.add(t);
    } else if (wasComplete && isComplete && !completedDirty) {
      int at = indexOfCompleted(t.number());
      if (at >= 0) {
        completed.set(at, t);
      } else {
        completedDirty = true;
      }
      if (at < 0 || !old.values().equals(t.values()) || !old.dna().equals(t.dna())) {
        completedRewrites++; // (a stored copy of the same result, as every tell gives, is not)
      }
    } else if (wasComplete) {
      completedDirty = true;
      completedRewrites++;
    }
    stateCounts[t.state().ordinal()]++;
    if (old != null) {
      stateCounts[old.state().ordinal()]--;
    }
  }

  private void keepBest(Trial old, Trial t, boolean wasComplete, boolean isComplete) {
    if (wasComplete
        && (!isComplete || !old.values().equals(t.values()) || feasible(old) != feasible(t))) {
      bestStale = true; // a result changed or went away: recompute on the next best()
    } else if (best != null && best.number() == t.number()) {
      best = t; // the same result read again, perhaps with more attributes
    } else if (isComplete && !wasComplete && !bestStale) {
      best = better(best, t);
    }
  }

  /** The better of two COMPLETE trials for {@link #best}: higher score, else lower number. */
  private Trial better(Trial a, Trial b) {
    if (!feasible(b)) {
      return a;
    }
    if (a == null) {
      return b;
    }
    int c = Double.compare(score(b), score(a));
    return c > 0 || (c == 0 && b.number() < a.number()) ? b : a;
  }

  /**
   * The COMPLETE trial with the best first objective among those that meet every constraint (the
   * lowest number on a tie); kept as trials arrive, so asking after every trial costs nothing.
   */
  public Optional<Trial> best() {
    if (bestStale) {
      best = null;
      for (Trial t : completed()) {
        best = better(best, t);
      }
      bestStale = false;
    }
    return Optional.ofNullable(best);
  }

  private int indexOfCompleted(int number) {
    int lo = 0;
    int hi = completed.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int n = completed.get(mid).number();
      if (n == number) {
        return mid;
      } else if (n < number) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return -1;
  }

  /** How many trials are not FAIL. */
  public int liveCount() {
    int live = 0;
    for (TrialState s : TrialState.values()) {
      live += s == TrialState.FAIL ? 0 : stateCounts[s.ordinal()];
    }
    return live;
  }

  /** How many trials are in this state. */
  public int count(TrialState state) {
    return stateCounts[state.ordinal()];
  }

  /** All trials by number (a trial number not yet seen here is null). */
  public List<Trial> trials() {
    return Collections.unmodifiableList(trials);
  }

  /** COMPLETE trials with values, in number order. */
  public List<Trial> completed() {
    if (completedDirty) {
      completed.clear();
      for (Trial t : trials) {
        if (t != null && t.state() == TrialState.COMPLETE && !t.values().isEmpty()) {
          completed.add(t);
        }
      }
      completedDirty = false;
    }
    return Collections.unmodifiableList(completed);
  }

  /**
   * How many times {@link #completed()} changed other than by appending: while this stays the same,
   * what a caller derived from positions {@code 0..k-1} of that list still holds.
   */
  public long completedRewrites() {
    return completedRewrites;
  }

  /** Whether a trial that is not FAIL already holds the point with this {@link Dna#toJson()}. */
  public boolean containsJson(String dnaJson) {
    return live.getOrDefault(dnaJson, 0) > 0;
  }

  /** The first objective, oriented so that larger is better. */
  public double score(Trial t) {
    return directions.get(0).orient(t.value());
  }

  /** Whether a trial that is not FAIL already holds this point. */
  public boolean contains(Dna dna) {
    return live.getOrDefault(dna.toJson(), 0) > 0;
  }

  public int size() {
    return trials.size();
  }
}
