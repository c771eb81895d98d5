package org.gyrus.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.gyrus.core.Dna;
import org.junit.jupiter.api.Test;

/**
 * The best trial and the state counts a history keeps as trials arrive (out of number order, read
 * again, failed after completing, rewritten with new values, as many workers' changes come) equal
 * what a full scan of its trials gives after every update.
 */
class HistoryBestTest {
  private static final TrialState[] STATES = TrialState.values();

  @Test
  void keptBestAndCountsMatchAFullScanAfterEveryUpdate() {
    for (int run = 0; run < 200; run++) {
      Random rng = new Random(run);
      boolean constrained = run % 2 == 1;
      History h =
          new History(
              List.of(run % 3 == 0 ? Direction.MINIMIZE : Direction.MAXIMIZE),
              constrained ? List.of(Constraint.parse("cost <= 2", "test")) : List.of());
      int size = 1 + rng.nextInt(30);
      for (int step = 0; step < 120; step++) {
        h.update(randomTrial(rng, rng.nextInt(size)));
        assertThat(h.best()).as("run %d step %d", run, step).isEqualTo(scanBest(h));
        for (TrialState s : STATES) {
          long n = h.trials().stream().filter(t -> t != null && t.state() == s).count();
          assertThat(h.count(s)).as("%s, run %d step %d", s, run, step).isEqualTo(n);
        }
      }
    }
  }

  /** What Study.best computed before the history kept it: the first maximum in number order. */
  private static Optional<Trial> scanBest(History h) {
    return h.completed().stream().filter(h::feasible).max(Comparator.comparingDouble(h::score));
  }

  private static Trial randomTrial(Random rng, int number) {
    TrialState state = STATES[rng.nextInt(STATES.length)];
    boolean done = state == TrialState.COMPLETE;
    // few distinct values, so ties are common; now and then a NaN
    List<Double> values =
        done ? List.of(rng.nextInt(8) == 0 ? Double.NaN : (double) rng.nextInt(5)) : List.of();
    return new Trial(
        number + 1,
        number,
        state,
        Dna.EMPTY,
        null,
        values,
        new java.util.TreeMap<>(),
        Map.of("metric.cost", Integer.toString(rng.nextInt(4))),
        0,
        "v",
        "h",
        Instant.EPOCH,
        done ? Instant.EPOCH : null,
        null,
        null);
  }
}
