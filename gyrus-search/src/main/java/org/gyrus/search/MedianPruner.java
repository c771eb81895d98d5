package org.gyrus.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.plugin.Register;

/**
 * Stops a trial whose best intermediate value so far is worse than the median of what finished
 * trials had reached by the same step (Optuna's MedianPruner).
 */
public record MedianPruner(int startupTrials, long warmupSteps) implements Pruner {
  @Override
  public boolean shouldPrune(Trial running, long step, History history) {
    if (step < warmupSteps) {
      return false;
    }
    Direction dir = history.directions().get(0);
    List<Double> others = new ArrayList<>();
    for (Trial t : history.trials()) {
      if (t == null
          || t.number() == running.number()
          || !(t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED)) {
        continue;
      }
      double best = Double.NEGATIVE_INFINITY;
      boolean any = false;
      for (var e : t.intermediate().headMap(step + 1).entrySet()) {
        best = Math.max(best, dir.orient(e.getValue()));
        any = true;
      }
      if (any) {
        others.add(best);
      }
    }
    if (others.size() < startupTrials) {
      return false;
    }
    double mine = Double.NEGATIVE_INFINITY;
    for (double v : running.intermediate().headMap(step + 1).values()) {
      mine = Math.max(mine, dir.orient(v));
    }
    Collections.sort(others);
    int n = others.size();
    double median =
        n % 2 == 1 ? others.get(n / 2) : (others.get(n / 2 - 1) + others.get(n / 2)) / 2;
    return mine < median;
  }

  /** {@code median}: the registered factory. */
  @Register
  public static final class Factory implements PrunerFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "median",
          "stop a trial below the median of earlier trials at the same step (Optuna's)",
          ArgSpec.optional("startup", Kind.INT, 5).min(0).doc("finished trials before pruning"),
          ArgSpec.optional("warmup", Kind.INT, 0).min(0).doc("steps before a trial can stop"));
    }

    @Override
    public MedianPruner create(Args a) {
      return new MedianPruner(a.smallInt("startup"), a.integer("warmup"));
    }
  }
}
