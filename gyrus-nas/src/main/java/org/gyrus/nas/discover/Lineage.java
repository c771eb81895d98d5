package org.gyrus.nas.discover;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every candidate proposed so far with what became of it: the score of its completed trial, the
 * error of a recorded failure, or neither while it is pending (running, waiting, or killed and not
 * yet retried). Built from the study's trials; what the analyst and proposer read.
 */
public final class Lineage {
  /** One candidate and its outcome; {@code score} NaN unless it completed. */
  public record Entry(Candidate candidate, Set<String> motifs, double score, String error) {
    public boolean completed() {
      return !Double.isNaN(score);
    }

    public boolean failed() {
      return error != null;
    }

    public int number() {
      return candidate.number();
    }
  }

  private final Map<Integer, Entry> byNumber = new LinkedHashMap<>();

  public Lineage(List<Entry> entries) {
    for (Entry e : entries) {
      Entry had = byNumber.get(e.number());
      // a completed or failed outcome wins over a pending attempt of the same candidate
      if (had == null || (!had.completed() && !had.failed())) {
        byNumber.put(e.number(), e);
      }
    }
  }

  public List<Entry> entries() {
    List<Entry> out = new ArrayList<>(byNumber.values());
    out.sort(Comparator.comparingInt(Entry::number));
    return Collections.unmodifiableList(out);
  }

  public Optional<Entry> get(int number) {
    return Optional.ofNullable(byNumber.get(number));
  }

  public int size() {
    return byNumber.size();
  }

  /** The number the next candidate gets. */
  public int nextNumber() {
    return byNumber.keySet().stream().mapToInt(i -> i).max().orElse(-1) + 1;
  }

  public List<Entry> completed() {
    return entries().stream().filter(Entry::completed).toList();
  }

  /** Completed candidates, best first. */
  public List<Entry> ranked() {
    List<Entry> c = new ArrayList<>(completed());
    c.sort(Comparator.comparingDouble(Entry::score).reversed());
    return c;
  }

  /** The canonical programs already proposed (to avoid proposing one twice). */
  public boolean contains(org.gyrus.core.Value program) {
    String key = org.gyrus.core.SpecCodec.toCompactJson(program);
    return byNumber.values().stream()
        .anyMatch(e -> org.gyrus.core.SpecCodec.toCompactJson(e.candidate().program()).equals(key));
  }
}
