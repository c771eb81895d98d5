package org.gyrus.nas.discover;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the analyst learnt from the lineage, per motif: how often it appears, fails, was introduced
 * by a child, the mean score change over the parent when it was, and its coefficient in a ridge
 * regression of scores on motif indicators. {@link #weight} is what the proposer reads.
 */
public record Memory(Map<String, Stat> motifs, int candidates, int completed) {
  /** One motif's statistics; {@code meanGain} and {@code coefficient} are 0 without evidence. */
  public record Stat(
      String motif,
      int present,
      int failed,
      int introduced,
      double meanGain,
      int removed,
      double meanRemovalGain,
      double coefficient) {

    /** The gain credited to the motif, shrunk toward 0 while the evidence is thin. */
    public double weight() {
      double gain = introduced * meanGain / (introduced + 2.0);
      double regression = present * coefficient / (present + 2.0);
      double failRate = present == 0 ? 0 : failed / (double) present;
      return gain + 0.5 * regression - 0.05 * failRate;
    }
  }

  public static final Memory EMPTY = new Memory(Map.of(), 0, 0);

  public Memory {
    motifs = Collections.unmodifiableMap(new TreeMap<>(motifs));
  }

  /** The motif's weight; 0 for a motif never seen. */
  public double weight(String motif) {
    Stat s = motifs.get(motif);
    return s == null ? 0 : s.weight();
  }

  public boolean seen(String motif) {
    return motifs.containsKey(motif);
  }

  /** The motifs by weight, best first. */
  public List<Stat> ranked() {
    return motifs.values().stream()
        .sorted(Comparator.comparingDouble(Stat::weight).reversed())
        .toList();
  }

  /** The memory as JSON: counts and the {@code top} motifs at each end of the ranking. */
  public String toJson(int top) {
    List<Stat> r = ranked();
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT, "{\"candidates\": %d, \"completed\": %d", candidates, completed));
    b.append(", \"best_motifs\": ").append(stats(r.subList(0, Math.min(top, r.size()))));
    List<Stat> worst = new java.util.ArrayList<>(r.subList(Math.max(0, r.size() - top), r.size()));
    Collections.reverse(worst);
    b.append(", \"worst_motifs\": ").append(stats(worst)).append('}');
    return b.toString();
  }

  private static String stats(List<Stat> list) {
    StringBuilder b = new StringBuilder("[");
    for (Stat s : list) {
      if (b.length() > 1) {
        b.append(", ");
      }
      b.append(
          String.format(
              Locale.ROOT,
              "{\"motif\": \"%s\", \"weight\": %.5f, \"present\": %d, \"failed\": %d,"
                  + " \"introduced\": %d, \"mean_gain\": %.5f, \"coefficient\": %.5f}",
              s.motif(),
              s.weight(),
              s.present(),
              s.failed(),
              s.introduced(),
              s.meanGain(),
              s.coefficient()));
    }
    return b.append(']').toString();
  }
}
