package org.gyrus.nas.oneshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The memory buffer of sampled architectures (S4): while the controller trains, every sampled cell
 * is offered with its reward; the buffer keeps the {@code capacity} distinct cells with the highest
 * reward seen so far (a cell seen again keeps its best reward), so it always equals the top {@code
 * capacity} of all cells sampled, by best reward. Rewards come from weights that kept changing, so
 * at the end {@link #rerank} scores every kept cell again with the final weights on the same data.
 */
final class ArchBuffer {
  record Entry(Genotype cell, double reward) {}

  private final int capacity;
  private final Map<Genotype, Double> best = new LinkedHashMap<>();

  ArchBuffer(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("buffer capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** Offers a sampled cell with its reward; evicts the lowest (the oldest among equals). */
  void offer(Genotype cell, double reward) {
    Double old = best.get(cell);
    if (old != null) {
      best.put(cell, Math.max(old, reward));
      return;
    }
    if (best.size() < capacity) {
      best.put(cell, reward);
      return;
    }
    Genotype lowest = null;
    double low = Double.POSITIVE_INFINITY;
    for (Map.Entry<Genotype, Double> e : best.entrySet()) {
      if (e.getValue() < low) {
        low = e.getValue();
        lowest = e.getKey();
      }
    }
    if (reward > low) {
      best.remove(lowest);
      best.put(cell, reward);
    }
  }

  int size() {
    return best.size();
  }

  /** The kept cells, best reward first (equal rewards: the earlier kept first). */
  List<Entry> ranked() {
    List<Entry> out = new ArrayList<>();
    best.forEach((g, r) -> out.add(new Entry(g, r)));
    out.sort(Comparator.comparingDouble(Entry::reward).reversed());
    return out;
  }

  /** The kept cells scored again by {@code score}, best first (ties keep {@link #ranked} order). */
  List<Entry> rerank(ToDoubleFunction<Genotype> score) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : ranked()) {
      out.add(new Entry(e.cell(), score.applyAsDouble(e.cell())));
    }
    out.sort(Comparator.comparingDouble(Entry::reward).reversed());
    return out;
  }
}
