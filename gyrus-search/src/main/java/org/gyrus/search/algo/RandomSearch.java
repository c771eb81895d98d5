package org.gyrus.search.algo;

import java.util.random.RandomGenerator;
import org.gyrus.core.Dna;
import org.gyrus.core.Space;
import org.gyrus.search.Algorithm;
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
}
