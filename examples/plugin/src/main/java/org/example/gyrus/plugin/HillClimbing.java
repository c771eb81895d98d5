package org.example.gyrus.plugin;

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
 * Greedy hill climbing with random restarts: mutate the best point of the current climb; after
 * {@code patience} proposals without improvement, start a new climb from a random point. The climb
 * is read from the history (the trials since the last restart), so a resumed study goes on where it
 * stopped.
 */
public record HillClimbing(int patience) implements Algorithm {
  @Override
  public Dna propose(Space space, History history, RandomGenerator rng) {
    List<Trial> done = history.completed();
    Trial best = null;
    int sinceBest = 0;
    for (Trial t : done) {
      if (best == null || history.score(t) > history.score(best)) {
        best = t;
        sinceBest = 0;
      } else if (++sinceBest >= patience) {
        best = null; // restart: the next completed trial starts a new climb
        sinceBest = 0;
      }
    }
    if (best == null) {
      return space.sample(rng);
    }
    Dna child = space.mutate(best.dna(), rng);
    for (int i = 0; i < 16 && history.contains(child); i++) {
      child = space.mutate(best.dna(), rng);
    }
    return history.contains(child) ? space.sample(rng) : child;
  }

  /** {@code hillclimb}: the registered factory. */
  @Register
  public static final class Factory implements AlgorithmFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "hillclimb",
          "greedy hill climbing with random restarts (example plug-in)",
          ArgSpec.optional("patience", Kind.INT, 8)
              .min(1)
              .doc("proposals without improvement before a restart"));
    }

    @Override
    public HillClimbing create(Args a) {
      return new HillClimbing(a.smallInt("patience"));
    }
  }
}
