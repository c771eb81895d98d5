package org.gyrus.search.algo;

import java.util.List;
import java.util.random.RandomGenerator;
import org.gyrus.core.Args;
import org.gyrus.core.Dna;
import org.gyrus.core.NodeType;
import org.gyrus.core.Space;
import org.gyrus.core.SpecError;
import org.gyrus.core.plugin.Register;
import org.gyrus.search.Algorithm;
import org.gyrus.search.AlgorithmFactory;
import org.gyrus.search.History;

/** Every point of a finite space in enumeration order; then it starts over. */
public final class GridSearch implements Algorithm {
  private Space cachedSpace;
  private List<Dna> points;

  @Override
  public synchronized Dna propose(Space space, History history, RandomGenerator rng) {
    if (space != cachedSpace) {
      if (space.size().isEmpty()) {
        throw new SpecError(
            "algorithm", "a finite space for grid search (no floatRange)", "an infinite space");
      }
      points = space.enumerate();
      cachedSpace = space;
    }
    // Trials so far index the grid; skip points a concurrent process already took.
    for (int i = 0; i < points.size(); i++) {
      Dna d = points.get((history.size() + i) % points.size());
      if (!history.contains(d)) {
        return d;
      }
    }
    return points.get(history.size() % points.size());
  }

  /** {@code grid}: the registered factory. */
  @Register
  public static final class Factory implements AlgorithmFactory {
    @Override
    public NodeType type() {
      return NodeType.of("grid", "every point of a finite space in enumeration order");
    }

    @Override
    public GridSearch create(Args a) {
      return new GridSearch();
    }
  }
}
