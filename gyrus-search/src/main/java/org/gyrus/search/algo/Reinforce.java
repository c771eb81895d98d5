package org.gyrus.search.algo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.Decision;
import org.gyrus.core.Dna;
import org.gyrus.core.DnaSpec;
import org.gyrus.core.NodeType;
import org.gyrus.core.Space;
import org.gyrus.core.plugin.Register;
import org.gyrus.search.Algorithm;
import org.gyrus.search.AlgorithmFactory;
import org.gyrus.search.History;
import org.gyrus.search.Trial;

/**
 * REINFORCE with an LSTM controller (ENAS, Pham et al. 2018; Zoph and Le 2017): the controller
 * proposes the space's discrete decisions one after another; after each completed trial it takes
 * one Adam step on −(r − b)·log π(point) − entropy·H(π), with b a moving average of the rewards.
 * Holding no state between calls, it replays the completed trials in trial-number order from a
 * fixed initialisation on every proposal, so a resumed study proposes what an uninterrupted one
 * would (a cache continues from the last replay when the history extends it, so a study costs one
 * update per trial). Real-valued decisions and those with over 1,024 values are left to uniform
 * sampling.
 */
public final class Reinforce implements Algorithm {
  private static final int MAX_OPTIONS = 1024;
  private final int hidden;
  private final double lr;
  private final double entropy;
  private final double baselineDecay;

  /**
   * The controller after the last replay and the trials it has seen: when the next history extends
   * that sequence, training continues from here instead of from the start. The same arithmetic in
   * the same order, so proposals are exactly those of a full replay.
   */
  private Replay cache;

  public Reinforce(int hidden, double lr, double entropy, double baselineDecay) {
    this.hidden = hidden;
    this.lr = lr;
    this.entropy = entropy;
    this.baselineDecay = baselineDecay;
  }

  private static final class Replay {
    final DnaSpec spec;
    final LstmPolicy policy;
    final List<Long> seen = new ArrayList<>();
    final double[] m;
    final double[] v;
    double baseline = Double.NaN;
    long step;

    Replay(DnaSpec spec, LstmPolicy policy) {
      this.spec = spec;
      this.policy = policy;
      m = new double[policy.w.length];
      v = new double[policy.w.length];
    }
  }

  /** {@code reinforce}: the registered factory. */
  @Register
  public static final class Factory implements AlgorithmFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "reinforce",
          "REINFORCE with an LSTM controller (ENAS), moving-average baseline, entropy bonus",
          ArgSpec.optional("hidden", Kind.INT, 32).min(1).doc("LSTM width"),
          ArgSpec.optional("lr", Kind.FLOAT, 0.02).doc("Adam step of the controller"),
          ArgSpec.optional("entropy", Kind.FLOAT, 1e-3).doc("entropy bonus weight"),
          ArgSpec.optional("baseline_decay", Kind.FLOAT, 0.9).doc("moving-average baseline decay"));
    }

    @Override
    public Reinforce create(Args a) {
      return new Reinforce(
          a.smallInt("hidden"), a.number("lr"), a.number("entropy"), a.number("baseline_decay"));
    }
  }

  @Override
  public synchronized Dna propose(Space space, History history, RandomGenerator rng) {
    DnaSpec spec = space.dnaSpec();
    List<Decision> discrete = new ArrayList<>();
    for (Decision d : spec.decisions()) {
      if (spec.cardinality(d) <= MAX_OPTIONS) {
        discrete.add(d);
      }
    }
    if (discrete.isEmpty()) {
      return new RandomSearch().propose(space, history, rng);
    }
    int[] sizes = new int[discrete.size()];
    for (int t = 0; t < sizes.length; t++) {
      sizes[t] = (int) spec.cardinality(discrete.get(t));
    }
    LstmPolicy policy = train(spec, discrete, sizes, history);
    Dna dna = null;
    for (int i = 0; i < 16 && (dna == null || history.contains(dna)); i++) {
      int[] actions = policy.sample(rng);
      Map<String, Number> partial = new LinkedHashMap<>();
      for (int t = 0; t < actions.length; t++) {
        partial.put(discrete.get(t).id(), spec.valueAt(discrete.get(t), actions[t]));
      }
      dna = space.complete(partial, rng);
    }
    return dna;
  }

  /** The controller after one update per completed trial, in trial-number order. */
  LstmPolicy train(DnaSpec spec, List<Decision> discrete, int[] sizes, History history) {
    List<Trial> done = new ArrayList<>(history.completed());
    done.sort(Comparator.comparingInt(Trial::number));
    Replay r = cache;
    if (r == null || r.spec != spec || !extends_(done, r.seen)) {
      r = new Replay(spec, new LstmPolicy(sizes, hidden, 0x5EED));
    }
    double[] grad = new double[r.policy.w.length];
    for (Trial t : done.subList(r.seen.size(), done.size())) {
      r.seen.add(t.id());
      double reward = history.score(t);
      if (!Double.isFinite(reward)) {
        continue;
      }
      r.baseline = Double.isNaN(r.baseline) ? reward : r.baseline;
      java.util.Arrays.fill(grad, 0);
      r.policy.lossAndGradient(
          actions(spec, discrete, t.dna()), reward - r.baseline, entropy, grad);
      r.baseline = baselineDecay * r.baseline + (1 - baselineDecay) * reward;
      r.step++;
      adam(r.policy.w, grad, r.m, r.v, r.step);
    }
    cache = r;
    return r.policy;
  }

  private static boolean extends_(List<Trial> done, List<Long> seen) {
    if (seen.size() > done.size()) {
      return false;
    }
    for (int i = 0; i < seen.size(); i++) {
      if (done.get(i).id() != seen.get(i)) {
        return false;
      }
    }
    return true;
  }

  private void adam(double[] w, double[] g, double[] m, double[] v, long t) {
    double b1 = 0.9;
    double b2 = 0.999;
    double c1 = 1 - Math.pow(b1, t);
    double c2 = 1 - Math.pow(b2, t);
    for (int i = 0; i < w.length; i++) {
      m[i] = b1 * m[i] + (1 - b1) * g[i];
      v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
      w[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
    }
  }

  /** Each decision's option index in {@code dna}, −1 where the point does not use it. */
  static int[] actions(DnaSpec spec, List<Decision> discrete, Dna dna) {
    int[] a = new int[discrete.size()];
    for (int t = 0; t < a.length; t++) {
      Decision d = discrete.get(t);
      Number value = dna.values().get(d.id());
      a[t] = -1;
      if (value != null) {
        long k = spec.cardinality(d);
        for (int i = 0; i < k; i++) {
          if (spec.valueAt(d, i).doubleValue() == value.doubleValue()) {
            a[t] = i;
            break;
          }
        }
      }
    }
    return a;
  }
}
