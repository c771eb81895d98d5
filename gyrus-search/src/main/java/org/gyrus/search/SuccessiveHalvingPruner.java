package org.gyrus.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Asynchronous successive halving: rungs sit at steps {@code minResource * eta^k}; a trial reaching
 * a rung goes on only if its value there is in the top {@code 1/eta} of all trials that reached it.
 */
public record SuccessiveHalvingPruner(long minResource, int eta) implements Pruner {
  @Override
  public boolean shouldPrune(Trial running, long step, History history) {
    long rung = minResource;
    while (rung * eta <= step) {
      rung *= eta;
    }
    if (step != rung) {
      return false; // decide only on arrival at a rung
    }
    Double mine = running.intermediate().get(step);
    if (mine == null) {
      return false;
    }
    Direction dir = history.directions().get(0);
    List<Double> atRung = new ArrayList<>();
    for (Trial t : history.trials()) {
      if (t != null && t.number() != running.number()) {
        Double v = t.intermediate().get(step);
        if (v != null) {
          atRung.add(dir.orient(v));
        }
      }
    }
    atRung.add(dir.orient(mine));
    int keep = Math.max(1, atRung.size() / eta);
    atRung.sort(java.util.Comparator.reverseOrder());
    return atRung.size() >= eta && dir.orient(mine) < atRung.get(keep - 1);
  }
}
