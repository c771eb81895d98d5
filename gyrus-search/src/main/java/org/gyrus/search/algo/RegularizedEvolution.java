package org.gyrus.search.algo;

import java.util.List;
import java.util.random.RandomGenerator;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.Dna;
import org.gyrus.core.NodeType;
import org.gyrus.core.Space;
import org.gyrus.core.plugin.Register;
import org.gyrus.search.Algorithm;
import org.gyrus.search.AlgorithmFactory;
import org.gyrus.search.History;
import org.gyrus.search.Trial;

/**
 * Regularised (aging) evolution, Real et al. 2019: the population is the {@code population} most
 * recent completed trials; a parent is the best of {@code sample} drawn from it; the child is a
 * one-decision mutation of the parent. The oldest member leaves as each new one arrives.
 */
public record RegularizedEvolution(int population, int sample) implements Algorithm {

  /** {@code evolution}: the registered factory. */
  @Register
  public static final class Factory implements AlgorithmFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "evolution",
          "regularised (aging) evolution, Real et al. 2019",
          ArgSpec.optional("population", Kind.INT, 16).min(2).doc("recent trials kept"),
          ArgSpec.optional("sample", Kind.INT, 8).min(1).doc("tournament size"));
    }

    @Override
    public RegularizedEvolution create(Args a) {
      int p = a.smallInt("population");
      return new RegularizedEvolution(p, Math.min(a.smallInt("sample"), p));
    }
  }

  @Override
  public Dna propose(Space space, History history, RandomGenerator rng) {
    List<Trial> done = history.completed();
    if (done.size() < population) {
      return new RandomSearch().propose(space, history, rng);
    }
    List<Trial> pop = done.subList(done.size() - population, done.size());
    Trial parent = null;
    for (int i = 0; i < sample; i++) {
      Trial t = pop.get(rng.nextInt(pop.size()));
      if (parent == null || history.score(t) > history.score(parent)) {
        parent = t;
      }
    }
    Dna child = space.mutate(parent.dna(), rng);
    for (int i = 0; i < 16 && history.contains(child); i++) {
      child = space.mutate(parent.dna(), rng);
    }
    return child;
  }
}
