package org.gyrus.search;

import java.time.Instant;
import java.util.List;
import org.gyrus.core.Value;

/**
 * A stored study: its name, objective directions, the space (a spec with hypers), the algorithm
 * spec that proposes points, and the seed.
 */
public record StudyInfo(
    long id,
    String name,
    List<Direction> directions,
    Value space,
    Value algorithm,
    long seed,
    Instant created) {
  public StudyInfo {
    directions = List.copyOf(directions);
  }
}
