package org.gyrus.logic.ilp.trains;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.gyrus.logic.ilp.Background;
import org.gyrus.logic.ilp.Learner;
import org.gyrus.logic.ilp.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planted rules over generated trains, written in V-LoL's vocabulary (labels by {@link
 * TrainRules}), learned in the learner's vocabulary under a small bias and checked equivalent on
 * fresh trains: two cars sharing a load index ({@code has_load}, as in multi's third clause) and a
 * comparison between numeric attributes of two cars.
 */
class PlantedTrainRulesTest {
  @TempDir Path dir;

  private static final String BIAS =
      """
      max_vars(5).
      max_body(6).
      max_clauses(2).
      head_pred(eastbound,1).
      type(eastbound,(train,)).
      direction(eastbound,(in,)).
      body_pred(has_car,2).
      type(has_car,(train,car)).
      direction(has_car,(in,out)).
      body_pred(short,1).
      type(short,(car,)).
      direction(short,(in,)).
      body_pred(long,1).
      type(long,(car,)).
      direction(long,(in,)).
      body_pred(load_num,2).
      type(load_num,(car,num)).
      direction(load_num,(in,out)).
      body_pred(has_load,2).
      type(has_load,(car,num)).
      direction(has_load,(in,out)).
      body_pred(behind,2).
      type(behind,(car,car)).
      direction(behind,(in,out)).
      body_pred(lt,2).
      type(lt,(num,num)).
      direction(lt,(in,in)).
      """;

  /**
   * Learns the rule from {@code 2 * half} trains and returns its errors on 2,000 fresh ones (the
   * sample must hold trains that tell the rule from its smaller look-alikes: a west train with an
   * unloaded long car behind a long one is ~6% of west trains).
   */
  private int learnAndCount(String rule, int half, String expectedProgram) throws IOException {
    Path file = dir.resolve("planted_rule.pl");
    Files.writeString(file, rule);
    TrainRules planted = TrainRules.read(file);
    Path task = dir.resolve("task");
    TrainTasks.writePopper(task, TrainTasks.balanced(planted, 11, half, half));
    Files.writeString(task.resolve("bias.pl"), BIAS);
    Task t = Task.readPopper(task);
    Learner.Result r = Learner.learn(t, new Learner.Options(60, false));
    assertThat(r.status()).isEqualTo(Learner.Status.SOLVED);
    assertThat(r.programText().strip()).isEqualTo(expectedProgram);
    List<Train> fresh = TrainTasks.balanced(planted, 12, 1000, 1000);
    boolean[] truth = planted.label(fresh);
    Set<List<Object>> east =
        Learner.covered(
            t.bias(), Background.asRules(TrainFacts.forLearning(fresh, "t")), r.program());
    int errors = 0;
    for (int i = 0; i < fresh.size(); i++) {
      errors += east.contains(List.of(TrainFacts.trainId("t", i))) == truth[i] ? 0 : 1;
    }
    return errors;
  }

  @Test
  void recoversTwoCarsSharingALoadIndex() throws IOException {
    // two long cars, one behind the other, both loaded: a shared load index K says "both loaded"
    String rule =
        "eastbound(T) :- has_car(T,C,N), has_car(T,D,M), N < M, long(C), long(D),"
            + " has_load(C,K), has_load(D,K).\n";
    int errors =
        learnAndCount(
            rule,
            100,
            "eastbound(A):- has_car(A,B), long(B), has_load(B,C), behind(B,D), long(D),"
                + " has_load(D,C).");
    assertThat(errors).isZero();
  }

  @Test
  void recoversAComparisonBetweenTwoCarsLoadCounts() throws IOException {
    String rule =
        "eastbound(T) :- has_car(T,C), load_num(C,N), has_car(T,D), long(D), load_num(D,M),"
            + " N < M.\n";
    int errors =
        learnAndCount(
            rule,
            30,
            "eastbound(A):- has_car(A,B), has_car(A,C), long(B), load_num(B,D), load_num(C,E),"
                + " lt(E,D).");
    assertThat(errors).isZero();
  }
}
