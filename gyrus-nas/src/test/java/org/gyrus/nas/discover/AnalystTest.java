package org.gyrus.nas.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gyrus.core.Value;
import org.junit.jupiter.api.Test;

/**
 * A constructed lineage whose scores are exactly additive in the motifs: score = 0.3 + 0.2·[A] −
 * 0.1·[B] + 0.05·[C]. Every child adds one motif to its parent, so the per-motif mean gain and the
 * regression coefficient are both known exactly.
 */
class AnalystTest {
  static double score(Set<String> m) {
    return 0.3
        + (m.contains("A") ? 0.2 : 0)
        - (m.contains("B") ? 0.1 : 0)
        + (m.contains("C") ? 0.05 : 0);
  }

  static Lineage lineage(boolean withFailure) {
    List<Set<String>> subsets = new ArrayList<>();
    for (int mask = 0; mask < 8; mask++) {
      Set<String> s = new TreeSet<>(Set.of("base"));
      for (int b = 0; b < 3; b++) {
        if ((mask & (1 << b)) != 0) {
          s.add("ABC".substring(b, b + 1));
        }
      }
      subsets.add(s);
    }
    List<Lineage.Entry> entries = new ArrayList<>();
    for (int mask = 0; mask < 8; mask++) {
      // parent: the same set without its highest motif (the root has none)
      List<Integer> parents = mask == 0 ? List.of() : List.of(mask & ~Integer.highestOneBit(mask));
      Candidate c = new Candidate(mask, new Value.StrVal("p" + mask), parents, "test");
      entries.add(new Lineage.Entry(c, subsets.get(mask), score(subsets.get(mask)), null));
    }
    if (withFailure) {
      Candidate f = new Candidate(8, new Value.StrVal("broken"), List.of(0), "test");
      entries.add(new Lineage.Entry(f, Set.of("base", "B"), Double.NaN, "compile: nope"));
    }
    return new Lineage(entries);
  }

  @Test
  void meanGainsAndRegressionRecoverTheAdditiveEffects() {
    Memory m = new Analyst(1e-9).analyse(lineage(false));
    assertThat(m.motifs().get("A").meanGain()).isCloseTo(0.2, within(1e-12));
    assertThat(m.motifs().get("B").meanGain()).isCloseTo(-0.1, within(1e-12));
    assertThat(m.motifs().get("C").meanGain()).isCloseTo(0.05, within(1e-12));
    assertThat(m.motifs().get("A").introduced()).isEqualTo(1); // only mask 1 = {A} adds A last
    assertThat(m.motifs().get("C").introduced()).isEqualTo(4); // masks 4..7 add C
    assertThat(m.motifs().get("A").coefficient()).isCloseTo(0.2, within(1e-6));
    assertThat(m.motifs().get("B").coefficient()).isCloseTo(-0.1, within(1e-6));
    assertThat(m.motifs().get("C").coefficient()).isCloseTo(0.05, within(1e-6));
    assertThat(m.motifs().get("base").coefficient()).isCloseTo(0, within(1e-9));
    assertThat(m.ranked().get(0).motif()).isEqualTo("A");
    assertThat(m.ranked().get(m.ranked().size() - 1).motif()).isEqualTo("B");
  }

  @Test
  void failuresCountAgainstTheirMotifsAndTheExplanationNamesWhatChanged() {
    Lineage l = lineage(true);
    Analyst a = new Analyst(1e-9);
    Memory withFail = a.analyse(l);
    Memory without = a.analyse(lineage(false));
    assertThat(withFail.motifs().get("B").failed()).isEqualTo(1);
    assertThat(withFail.weight("B")).isLessThan(without.weight("B"));
    String why = a.explain(l.get(5).orElseThrow(), l, withFail); // {A, C} from parent 1 = {A}
    assertThat(why)
        .contains("\"parent\": 1")
        .contains("\"delta\": 0.05000")
        .contains("\"introduced\": [\"C\"]");
  }
}
