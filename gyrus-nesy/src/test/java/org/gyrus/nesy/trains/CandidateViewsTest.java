package org.gyrus.nesy.trains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.gyrus.logic.ilp.trains.Train;
import org.gyrus.logic.ilp.trains.TrainRules;
import org.gyrus.logic.ilp.trains.TrainTasks;
import org.gyrus.nesy.trains.CarPerception.Slot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The candidate programs of a round: readings drawn from the net, ranked by circuit loss. */
class CandidateViewsTest {
  @Test
  void sampledReadingsFollowTheNetsProbabilities() {
    // one car read 4,000 times: each colour's frequency matches the net's probability for it
    PerceptionPipeline.Encoded one =
        PerceptionPipeline.labelledCars(1, 5, 0.8); // much noise: the net is unsure
    PerceptionPipeline.LabelledCars labelled =
        PerceptionPipeline.LabelledCars.of(PerceptionPipeline.labelledCars(30, 6, 0.8), Set.of());
    PerceptionNet net =
        PerceptionPipeline.pretrain(
            labelled, new PerceptionPipeline.Config(30, 0.8, 16, 50, 0, 0.01, 1, 1, 1, 2, 0), 7);
    double[] p = net.forward(one.x()[0][0]).p;
    Slot colour = Slot.COLOR;
    double top = 0;
    for (int k = 0; k < colour.size(); k++) {
      top = Math.max(top, p[colour.offset + k]);
    }
    assertThat(top).as("the net must be unsure, or argmax would pass too").isLessThan(0.9);
    int[] counts = new int[colour.size()];
    SplittableRandom rnd = new SplittableRandom(8);
    int n = 4000;
    for (int i = 0; i < n; i++) {
      Train t = PerceptionPipeline.sampled(net, one, rnd).get(0);
      counts[CarPerception.gold(t.cars().get(0), colour)]++;
    }
    for (int k = 0; k < colour.size(); k++) {
      assertThat(counts[k] / (double) n)
          .as("colour " + k)
          .isCloseTo(p[colour.offset + k], within(0.03));
    }
  }

  @Test
  void theRuleExplainsTheLabelsBetterThanAWrongProgram(@TempDir Path dir) throws IOException {
    // with a net that reads roofs well, the rule "some car is closed" has a lower circuit loss on
    // its own trains than "some car is long", which fits them only by chance
    TrainRules rule =
        TrainCircuitTest.rule(dir, "closed", "eastbound(T):- has_car(T,C), closed(C).\n");
    TrainRules wrong =
        TrainCircuitTest.rule(dir, "long", "eastbound(T):- has_car(T,C), long(C).\n");
    List<Train> trains = TrainTasks.balanced(rule, 1, 50, 50);
    PerceptionPipeline.Encoded data =
        PerceptionPipeline.Encoded.of(trains, 0.2, new SplittableRandom(1));
    PerceptionPipeline.LabelledCars labelled =
        PerceptionPipeline.LabelledCars.of(PerceptionPipeline.labelledCars(200, 3, 0.2), Set.of());
    PerceptionNet net =
        PerceptionPipeline.pretrain(
            labelled, new PerceptionPipeline.Config(200, 0.2, 32, 300, 0, 0.01, 1, 1, 1, 2, 0), 4);
    PerceptionPipeline.Learned right =
        PerceptionPipeline.learn(trains, dir.resolve("right"), 30, false);
    List<Train> relabelled = TrainTasks.balanced(wrong, 9, 50, 50);
    PerceptionPipeline.Learned other =
        PerceptionPipeline.learn(relabelled, dir.resolve("other"), 30, false);
    double rightLoss = PerceptionPipeline.circuitLoss(right.program(), net, data);
    double otherLoss = PerceptionPipeline.circuitLoss(other.program(), net, data);
    assertThat(rightLoss).isLessThan(0.3);
    assertThat(otherLoss).isGreaterThan(rightLoss + 0.2);
  }
}
