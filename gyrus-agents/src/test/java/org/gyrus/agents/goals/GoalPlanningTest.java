package org.gyrus.agents.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class GoalPlanningTest {
  @Test
  void thePlannerSolvesSceneGoalsAndTheValidatorChecksThemAgainstTheTrueGoal() {
    for (GoalScenes.Pair p : GoalScenes.generate(20, 3, 7, 9)) {
      GoalPlanning.Outcome o = GoalPlanning.plan(p.init(), p.goal(), p.init(), p.goal(), 10);
      assertThat(o.solved()).isTrue();
      assertThat(o.validForGiven()).isTrue();
      assertThat(o.reachesTrueGoal()).isTrue();
      assertThat(o.plan()).isNotEmpty();
    }
  }

  @Test
  void aPlanForAWrongGoalIsValidForItButFailsTheTrueGoal() {
    GoalScenes.Pair p = GoalScenes.generate(1, 4, 4, 2).get(0);
    GoalPlanning.Outcome o = GoalPlanning.plan(p.init(), p.init(), p.init(), p.goal(), 10);
    assertThat(o.validForGiven()).isTrue();
    assertThat(o.reachesTrueGoal()).isFalse();
    List<String> truncated =
        new ArrayList<>(GoalPlanning.plan(p.init(), p.goal(), p.init(), p.goal(), 10).plan());
    truncated.remove(truncated.size() - 1);
    assertThat(
            org.gyrus.logic.plan.Validator.validate(
                    GoalPlanning.domain(), GoalPlanning.problem(p.init(), p.goal()), truncated)
                .valid())
        .isFalse();
  }

  @Test
  void theShippedDomainIsTheIpcBlocksDomain() throws Exception {
    String data = System.getenv("GYRUS_DATA");
    Assumptions.assumeTrue(data != null, "GYRUS_DATA not set: skipping the domain comparison");
    Path ipc = Path.of(data, "pddl-ipc/ipc-2000/blocks-strips-typed/domain.pddl");
    Assumptions.assumeTrue(Files.exists(ipc), ipc + " absent");
    assertThat(GoalPlanning.domainText()).isEqualTo(Files.readString(ipc));
  }
}
