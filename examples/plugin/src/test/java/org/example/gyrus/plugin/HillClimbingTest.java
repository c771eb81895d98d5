package org.example.gyrus.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gyrus.core.Value;
import org.gyrus.core.Values;
import org.gyrus.search.Direction;
import org.gyrus.search.Metrics;
import org.gyrus.search.Study;
import org.gyrus.search.store.MemoryTrialStore;
import org.junit.jupiter.api.Test;

class HillClimbingTest {
  @Test
  void climbsToTheKnownOptimumOfAUnimodalGridAndIsFoundByName() {
    // 41 x 41 grid, optimum at (17, 5); random search would need ~1,700 trials on average
    Value space =
        Value.Node.of("p", "x", Values.intRange(0, 40, 1), "y", Values.intRange(0, 40, 1));
    for (long seed = 0; seed < 5; seed++) {
      try (Study st =
          Study.open(
              new MemoryTrialStore(),
              "climb",
              space,
              List.of(Direction.MAXIMIZE),
              Value.Node.of("hillclimb", "patience", 30),
              seed,
              Study.Options.DEFAULT)) {
        st.optimize(
            (concrete, ctx) -> {
              Value.Node n = (Value.Node) concrete;
              long x = n.intArg("x", 0);
              long y = n.intArg("y", 0);
              return Metrics.of(-((x - 17) * (x - 17) + (y - 5) * (y - 5)));
            },
            250,
            Study.TrialListener.NONE);
        assertThat(st.best().orElseThrow().value()).as("seed %d", seed).isEqualTo(0.0);
      }
    }
  }
}
