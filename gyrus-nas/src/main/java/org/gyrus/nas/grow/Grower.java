package org.gyrus.nas.grow;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.gyrus.nas.grow.Outcome.Applied;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.train.Recipe;

/**
 * A meta-controller in the manner of EAS (Cai et al. 2018), reduced to its core: a softmax policy
 * over morphisms trained by REINFORCE (reward = the child's validation accuracy minus its parent's,
 * moving-average baseline). Each round it samples {@code children} transformations of the current
 * network (a random site per draw; refused sites are redrawn), trains each child for {@code
 * recipe.epochs()} from the inherited weights, and keeps the best child when it beats the parent.
 * Weights are always inherited, never retrained from scratch.
 */
public final class Grower {
  private final List<Morphism> actions;
  private final double[] logits;
  private final double policyLr;
  private double baseline = 0;

  public Grower(List<Morphism> actions, double policyLr) {
    this.actions = List.copyOf(actions);
    this.logits = new double[actions.size()];
    this.policyLr = policyLr;
  }

  /** One round's record. */
  public record Step(
      int round, String action, String what, double parentVal, double childVal, boolean kept) {}

  /** The grown network, its validation accuracy, the epochs on its lineage and in total. */
  public record Result(Net net, double val, int lineageEpochs, int totalEpochs, List<Step> steps) {}

  public Result grow(
      Net seedNet,
      double seedVal,
      int seedEpochs,
      int rounds,
      int children,
      Recipe recipe,
      DataSplits data,
      SplittableRandom rng,
      Consumer<Step> log) {
    Net current = seedNet;
    double val = seedVal;
    int lineage = seedEpochs;
    int total = seedEpochs;
    List<Step> steps = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      Net best = null;
      double bestVal = -1;
      for (int c = 0; c < children; c++) {
        int a = sample(rng);
        Applied child = applyAnywhere(actions.get(a), current, rng);
        if (child == null) {
          reinforce(a, -0.01);
          continue;
        }
        NetIo.Trained t = NetIo.train(child.net(), recipe, data, p -> false);
        total += recipe.epochs();
        double childVal = t.result().valAccuracy();
        reinforce(a, childVal - val);
        Step s = new Step(round, actions.get(a).name(), child.what(), val, childVal, false);
        if (childVal > bestVal) {
          bestVal = childVal;
          best = t.net();
        }
        steps.add(s);
        log.accept(s);
      }
      if (best != null && bestVal > val) {
        current = best;
        val = bestVal;
        lineage += recipe.epochs();
        Step last = steps.get(steps.size() - 1);
        steps.add(new Step(round, "keep", "kept best child", last.parentVal(), bestVal, true));
      }
    }
    return new Result(current, val, lineage, total, steps);
  }

  /** The policy's action probabilities. */
  public double[] policy() {
    double max = Double.NEGATIVE_INFINITY;
    for (double l : logits) {
      max = Math.max(max, l);
    }
    double[] p = new double[logits.length];
    double z = 0;
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.exp(logits[i] - max);
      z += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= z;
    }
    return p;
  }

  private int sample(SplittableRandom rng) {
    double[] p = policy();
    double u = rng.nextDouble();
    for (int i = 0; i < p.length; i++) {
      u -= p[i];
      if (u <= 0) {
        return i;
      }
    }
    return p.length - 1;
  }

  /** REINFORCE for a categorical policy: θ += lr·(R − b)·(onehot(a) − π). */
  private void reinforce(int a, double reward) {
    double[] p = policy();
    double adv = reward - baseline;
    for (int i = 0; i < logits.length; i++) {
      logits[i] += policyLr * adv * ((i == a ? 1 : 0) - p[i]);
    }
    baseline = 0.8 * baseline + 0.2 * reward;
  }

  private static Applied applyAnywhere(Morphism m, Net net, SplittableRandom rng) {
    List<String> sites = new ArrayList<>(m.sites(net));
    while (!sites.isEmpty()) {
      String site = sites.remove(rng.nextInt(sites.size()));
      Outcome o = m.apply(net, site, rng);
      if (o instanceof Applied a) {
        return a;
      }
    }
    return null;
  }
}
