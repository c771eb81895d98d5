package org.gyrus.search;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gyrus.core.Dna;
import org.gyrus.core.Value;

/**
 * One evaluation of a point of a study's space, with everything needed to re-run it: the DNA, the
 * concrete spec, the seed, the Gyrus version and host (provenance), and what it produced.
 *
 * @param id the store's id, unique across studies
 * @param number the trial's number within its study, from 0
 * @param params the concrete spec the DNA materialises to
 * @param values the objective values (one per direction) once COMPLETE; empty otherwise
 * @param intermediate values reported while running, by step
 * @param attrs user attributes and extra metrics
 * @param error the failure message of a FAIL trial, else null
 */
public record Trial(
    long id,
    int number,
    TrialState state,
    Dna dna,
    Value params,
    List<Double> values,
    SortedMap<Long, Double> intermediate,
    Map<String, String> attrs,
    long seed,
    String version,
    String host,
    Instant start,
    Instant end,
    Instant heartbeat,
    String error) {

  public Trial {
    values = List.copyOf(values);
    intermediate = Collections.unmodifiableSortedMap(new TreeMap<>(intermediate));
    attrs = Collections.unmodifiableMap(new java.util.TreeMap<>(attrs));
  }

  /** The first objective value; NaN when there is none. */
  public double value() {
    return values.isEmpty() ? Double.NaN : values.get(0);
  }

  /** Wall time in seconds, or NaN while unfinished. */
  public double durationSeconds() {
    return start == null || end == null
        ? Double.NaN
        : (end.toEpochMilli() - start.toEpochMilli()) / 1000.0;
  }

  public Trial withState(TrialState s, List<Double> vals, Instant endTime, String err) {
    return new Trial(
        id,
        number,
        s,
        dna,
        params,
        vals,
        intermediate,
        attrs,
        seed,
        version,
        host,
        start,
        endTime,
        heartbeat,
        err);
  }

  public Trial withIntermediate(long step, double v) {
    TreeMap<Long, Double> m = new TreeMap<>(intermediate);
    m.put(step, v);
    return new Trial(
        id, number, state, dna, params, values, m, attrs, seed, version, host, start, end,
        heartbeat, error);
  }

  public Trial withAttr(String key, String v) {
    TreeMap<String, String> m = new TreeMap<>(attrs);
    m.put(key, v);
    return new Trial(
        id,
        number,
        state,
        dna,
        params,
        values,
        intermediate,
        m,
        seed,
        version,
        host,
        start,
        end,
        heartbeat,
        error);
  }

  public Trial withHeartbeat(Instant t) {
    return new Trial(
        id,
        number,
        state,
        dna,
        params,
        values,
        intermediate,
        attrs,
        seed,
        version,
        host,
        start,
        end,
        t,
        error);
  }

  public Trial started(Instant t, String runHost) {
    return new Trial(
        id,
        number,
        TrialState.RUNNING,
        dna,
        params,
        values,
        intermediate,
        attrs,
        seed,
        version,
        runHost,
        t,
        end,
        t,
        error);
  }
}
