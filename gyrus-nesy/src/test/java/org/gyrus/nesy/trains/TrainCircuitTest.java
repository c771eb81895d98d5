package org.gyrus.nesy.trains;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.logic.ilp.trains.Train;
import org.gyrus.logic.ilp.trains.TrainRules;
import org.gyrus.logic.ilp.trains.TrainTasks;
import org.gyrus.nesy.trains.CarPerception.Slot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCircuitTest {
  static final String EASY =
      "eastbound(T):- has_car(T,C), has_car(T,D), short(C), long(D), car_color(C,A),"
          + " car_color(D,A).\n";

  static TrainRules rule(Path dir, String name, String text) throws IOException {
    Path f = dir.resolve(name + "_rule.pl");
    Files.writeString(f, text);
    return TrainRules.read(f);
  }

  /** One-hot probabilities of the cars' gold attributes, in circuit order. */
  static double[][] oneHot(List<Train> trains) {
    return trains.stream()
        .flatMap(t -> t.cars().stream())
        .map(
            c -> {
              double[] p = new double[CarPerception.OUTPUTS];
              for (Slot s : Slot.values()) {
                int g = CarPerception.gold(c, s);
                p[s.offset + Math.max(g, 0)] = 1;
              }
              return p;
            })
        .toArray(double[][]::new);
  }

  @Test
  void goldOneHotFactsReproduceTheRuleThatTheProgramWasLearnedFrom(@TempDir Path dir)
      throws IOException {
    TrainRules easy = rule(dir, "easy", EASY);
    List<Train> train = TrainTasks.balanced(easy, 3, 15, 15);
    PerceptionPipeline.Learned l = PerceptionPipeline.learn(train, dir.resolve("task"), 30, false);
    assertThat(l.program()).isNotEmpty();
    List<Train> test = TrainTasks.balanced(easy, 4, 40, 40);
    TrainCircuit c = TrainCircuit.compile(l.program(), test);
    double[][] p = oneHot(test);
    boolean[] truth = easy.label(test);
    for (int t = 0; t < test.size(); t++) {
      assertThat(c.probability(t, p)).as("train %d", t).isEqualTo(truth[t] ? 1.0 : 0.0);
    }
  }

  @Test
  void lossGradientMatchesFiniteDifferences(@TempDir Path dir) throws IOException {
    TrainRules easy = rule(dir, "easy", EASY);
    List<Train> trains = TrainTasks.balanced(easy, 5, 4, 4);
    PerceptionPipeline.Learned l = PerceptionPipeline.learn(trains, dir.resolve("task"), 30, false);
    TrainCircuit c = TrainCircuit.compile(l.program(), trains);
    SplittableRandom rnd = new SplittableRandom(11);
    double[][] p = oneHot(trains);
    for (double[] car : p) {
      for (int k = 0; k < car.length; k++) {
        car[k] = 0.05 + 0.9 * rnd.nextDouble(); // independent fact probabilities
      }
    }
    boolean[] east = easy.label(trains);
    double[][] grad = new double[p.length][CarPerception.OUTPUTS];
    for (int t = 0; t < trains.size(); t++) {
      double q = c.probability(t, p);
      c.backward(t, p, east[t] ? -1 / q : 1 / (1 - q), grad);
    }
    int checked = 0;
    for (int car = 0; car < p.length; car++) {
      for (int k = 0; k < CarPerception.OUTPUTS; k++) {
        double keep = p[car][k];
        p[car][k] = keep + 1e-6;
        double up = loss(c, p, east);
        p[car][k] = keep - 1e-6;
        double down = loss(c, p, east);
        p[car][k] = keep;
        double fd = (up - down) / 2e-6;
        assertThat(grad[car][k]).as("car %d output %d", car, k).isCloseTo(fd, within(fd));
        checked += fd != 0 ? 1 : 0;
      }
    }
    assertThat(checked).as("facts the loss depends on").isGreaterThan(10);
  }

  private static org.assertj.core.data.Offset<Double> within(double fd) {
    return org.assertj.core.data.Offset.offset(1e-5 + 1e-4 * Math.abs(fd));
  }

  private static double loss(TrainCircuit c, double[][] p, boolean[] east) {
    double l = 0;
    for (int t = 0; t < east.length; t++) {
      double q = c.probability(t, p);
      l -= east[t] ? Math.log(q) : Math.log(1 - q);
    }
    return l;
  }

  @Test
  void differentValuesOfOneSlotNeverMeetInAGrounding(@TempDir Path dir) throws IOException {
    TrainRules easy = rule(dir, "easy", EASY);
    List<Train> trains = TrainTasks.balanced(easy, 7, 5, 5);
    PerceptionPipeline.Learned l = PerceptionPipeline.learn(trains, dir.resolve("task"), 30, false);
    TrainCircuit c = TrainCircuit.compile(l.program(), trains);
    int total = 0;
    for (int t = 0; t < c.trains(); t++) {
      total += c.groundings(t);
    }
    // every train has cars of some colour pair, so each has groundings; none impossible
    assertThat(total).isGreaterThan(trains.size());
    for (int t = 0; t < c.trains(); t++) {
      assertThat(c.groundings(t)).isPositive();
    }
  }
}
