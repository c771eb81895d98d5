package org.gyrus.search;

import java.util.random.RandomGenerator;
import org.gyrus.core.Dna;
import org.gyrus.core.Space;

/**
 * Proposes the next point of a space from the study's history. An algorithm knows nothing about
 * networks or evaluators, and holds no state between calls beyond what it derives from the history,
 * so a resumed or shared study proposes exactly what an uninterrupted one would.
 */
public interface Algorithm {
  Dna propose(Space space, History history, RandomGenerator rng);
}
