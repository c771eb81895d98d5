package org.gyrus.agents.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SubgoalAgentTest {
  @Test
  void solvesSeededTasksOfEveryLevelUnderPartialView() {
    for (int level = 1; level <= Scenario.MAX_LEVEL; level++) {
      for (int seed = 1; seed <= 3; seed++) {
        Scenario s = Scenario.generate(seed, level);
        World w = new World(s);
        SubgoalAgent.Episode e =
            new SubgoalAgent(false, SubgoalPlanner.Mode.FIRST)
                .run(w, HouseholdBench.maxSteps(level));
        assertThat(e.solved()).as("%s: %s", s, e).isTrue();
        assertThat(w.solved()).isTrue();
        if (level >= 4) {
          assertThat(e.trace()).as("%s", s).anyMatch(t -> t.startsWith("wash"));
        }
        if (level == 3 || level == 4) {
          assertThat(e.trace()).anyMatch(t -> t.startsWith("open"));
        }
      }
    }
  }

  @Test
  void theFullViewOracleNeedsNoExplorationAndIsNoSlower() {
    int agentSteps = 0;
    int oracleSteps = 0;
    for (int seed = 1; seed <= 4; seed++) {
      Scenario s = Scenario.generate(seed, 4);
      SubgoalAgent.Episode o =
          new SubgoalAgent(true, SubgoalPlanner.Mode.OPTIMAL).run(new World(s), 500);
      SubgoalAgent.Episode a =
          new SubgoalAgent(false, SubgoalPlanner.Mode.FIRST).run(new World(s), 500);
      assertThat(o.solved()).isTrue();
      assertThat(o.explores()).isZero();
      agentSteps += a.steps();
      oracleSteps += o.steps();
    }
    assertThat(oracleSteps).isLessThan(agentSteps);
  }

  @Test
  void replansWhenAnItemIsMovedAfterBeingSeen() {
    int surprised = 0;
    for (int seed = 1; seed <= 4; seed++) {
      Scenario s = Scenario.generate(seed, 3);
      HouseholdBench.Run calm = HouseholdBench.symbolic(s, false, null);
      HouseholdBench.Run moved = HouseholdBench.symbolic(s, false, new SplittableRandom(seed));
      assertThat(moved.solved()).as("%s", s).isTrue();
      if (moved.surprises() > 0) {
        surprised++;
        assertThat(moved.replans()).isGreaterThan(1);
      }
      assertThat(calm.surprises()).isZero();
    }
    assertThat(surprised).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aMovedItemIsMarkedLostAndSearchedFor() {
    Scenario s = Scenario.generate(2, 2);
    World w = new World(s);
    SemanticMap m = new SemanticMap();
    m.update(w.observeAll());
    int item = 0;
    int from = w.itemAt(item);
    int to = -1;
    for (House.Furniture f : s.house().furniture()) {
      boolean free = true;
      for (int i = 0; i < s.items(); i++) {
        free &= w.itemAt(i) != f.id();
      }
      if (free && f.room() != House.roomOf(s.agentCell())) {
        to = f.id();
      }
    }
    w.moveItem(item, to);
    m.update(w.observe());
    boolean fromInView = w.observe().contents().stream().anyMatch(c -> c.furniture() == from);
    if (fromInView) {
      assertThat(m.items().get(item).at()).isEqualTo(SemanticMap.LOST);
      assertThat(m.surprises()).isEqualTo(1);
      assertThat(m.searched(to)).isFalse();
    } else {
      assertThat(m.items().get(item).at()).isEqualTo(from); // not seen missing yet
    }
  }
}
