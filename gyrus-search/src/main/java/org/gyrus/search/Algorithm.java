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

  /**
   * Whether a proposal should see the other workers' latest trials. An algorithm that only avoids
   * points already tried says no: its study then reads the store's changes before an ask at most
   * once a second (and after the store refuses a point), which spares each of many workers reading
   * every other worker's trials before each of its own.
   */
  default boolean needsFreshHistory() {
    return true;
  }
}
