package org.gyrus.agents.goals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoalPipelineTest {
  @Test
  void aShortlyTrainedReaderBeatsThePriorOnScenesWithMoreBlocksThanItWasTrainedOn() {
    GoalExperiment.Setup s =
        new GoalExperiment.Setup(2000, 100, 3, 5, 6, 7, GoalTraining.Config.of(6, 1), false, 10.0);
    GoalExperiment.Result r = GoalExperiment.run(s, System.out);
    GoalMetrics net = r.larger().get("network");
    GoalMetrics prior = r.larger().get("prior");
    assertThat(net.atomF1()).isGreaterThan(prior.atomF1() + 0.1);
    assertThat(net.exactGoal()).isGreaterThan(prior.exactGoal() + 0.1);
    assertThat(r.sameSize().get("network").exactGoal()).isGreaterThan(0.5);
    // decoded goals are always consistent, so the planner solves every one and the plan validates
    assertThat(net.planValid()).isEqualTo(1.0);
    // a plan reaches the true goal exactly when the predicted goal is the true goal
    assertThat(net.taskSuccess()).isEqualTo(net.exactGoal());
    assertThat(r.larger().get("copy_initial").taskSuccess()).isZero();
  }
}
