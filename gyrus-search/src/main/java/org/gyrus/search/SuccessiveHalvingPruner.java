package org.gyrus.search;

import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.plugin.Register;

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

  /** {@code successive_halving}: the registered factory. */
  @Register
  public static final class Factory implements PrunerFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "successive_halving",
          "asynchronous successive halving: keep the top 1/eta at each rung",
          ArgSpec.optional("min_resource", Kind.INT, 1).min(1).doc("step of the first rung"),
          ArgSpec.optional("eta", Kind.INT, 3).min(2).doc("reduction factor between rungs"));
    }

    @Override
    public SuccessiveHalvingPruner create(Args a) {
      return new SuccessiveHalvingPruner(a.integer("min_resource"), a.smallInt("eta"));
    }
  }
}
