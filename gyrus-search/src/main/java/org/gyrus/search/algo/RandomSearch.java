package org.gyrus.search.algo;

import java.util.random.RandomGenerator;
import org.gyrus.core.Args;
import org.gyrus.core.Dna;
import org.gyrus.core.NodeType;
import org.gyrus.core.Space;
import org.gyrus.core.plugin.Register;
import org.gyrus.search.Algorithm;
import org.gyrus.search.AlgorithmFactory;
import org.gyrus.search.History;

/** Uniform samples, avoiding points already tried when a few draws allow it. */
public final class RandomSearch implements Algorithm {
  @Override
  public Dna propose(Space space, History history, RandomGenerator rng) {
    Dna dna = space.sample(rng);
    for (int i = 0; i < 16 && history.contains(dna); i++) {
      dna = space.sample(rng);
    }
    return dna;
  }

  @Override
  public boolean needsFreshHistory() {
    return false; // the store refuses a point another worker took since the last look
  }

  /** {@code random}: the registered factory. */
  @Register
  public static final class Factory implements AlgorithmFactory {
    @Override
    public NodeType type() {
      return NodeType.of("random", "uniform samples of the space");
    }

    @Override
    public RandomSearch create(Args a) {
      return new RandomSearch();
    }
  }
}
