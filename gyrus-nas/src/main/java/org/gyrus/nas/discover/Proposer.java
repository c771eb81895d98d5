package org.gyrus.nas.discover;

import java.util.SplittableRandom;

/**
 * Writes the next candidate block program from the lineage and the analyst's memory. The loop's
 * researcher: {@link MotifProposer} is the working non-LLM one; a language-model proposer would
 * implement the same method (reading the memory as its context) once a model is reachable.
 */
public interface Proposer {
  Candidate propose(int number, Lineage lineage, Memory memory, SplittableRandom rng);
}
