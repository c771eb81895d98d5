package org.gyrus.logic.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator rejects wrong plans precisely; the ADL features plan and validate end to end. */
class ValidatorAndFeaturesTest {
  static final String PROBLEM =
      "(define (problem p) (:domain b) (:objects a b c t - block)\n"
          + " (:init (on a t) (on b a) (on c t) (clear b) (clear c))\n"
          + " (:goal (and (on a b))))";

  final Pddl.Domain blocks = PddlParser.parseDomain(PddlParserTest.BLOCKS, "b.pddl");
  final Pddl.Problem problem = PddlParser.parseProblem(PROBLEM, "p.pddl", blocks);

  @Test
  void acceptsAGoodPlanAndRejectsBadOnes() {
    List<String> good = List.of("(move b a c)", "(move a t b)");
    assertThat(Validator.validate(blocks, problem, good).valid()).isTrue();
    assertThat(Validator.validate(blocks, problem, good).cost()).isEqualTo(2);

    Validator.Verdict swapped =
        Validator.validate(blocks, problem, List.of("(move a t b)", "(move b a c)"));
    assertThat(swapped.valid()).isFalse();
    assertThat(swapped.failedStep()).isEqualTo(1);
    assertThat(swapped.error())
        .isEqualTo("step 1: (move a t b): precondition (clear a) does not hold");

    Validator.Verdict shortPlan = Validator.validate(blocks, problem, List.of("(move b a c)"));
    assertThat(shortPlan.error()).isEqualTo("goal (on a b) does not hold after the plan");

    assertThat(Validator.validate(blocks, problem, List.of("(fly a b)")).error())
        .isEqualTo("step 1: unknown action 'fly'");
    assertThat(Validator.validate(blocks, problem, List.of("(move b a)")).error())
        .isEqualTo("step 1: 3 arguments for 'move', got 2");
    assertThat(Validator.validate(blocks, problem, List.of("(move b a zz)")).error())
        .startsWith("step 1: (move b a zz): argument 'zz' is not an object");
  }

  @Test
  void plannerPlansAreValidAndMutatedPlansAreNot() {
    Planner.Result r = Planner.solve(blocks, problem, Planner.Options.satisficing(10));
    assertThat(r.status()).isEqualTo(Planner.Status.SOLVED);
    assertThat(Validator.validate(blocks, problem, r.plan()).valid()).isTrue();
    for (int i = 0; i < r.plan().size(); i++) {
      List<String> dropped = new ArrayList<>(r.plan());
      dropped.remove(i);
      assertThat(Validator.validate(blocks, problem, dropped).valid())
          .as("without step %d", i)
          .isFalse();
    }
  }

  @Test
  void adlFeaturesPlanOptimallyAndValidate() {
    Pddl.Domain d = PddlParser.parseDomain(PddlParserTest.resource("adl-domain.pddl"), "adl.pddl");
    Pddl.Problem p =
        PddlParser.parseProblem(PddlParserTest.resource("adl-problem.pddl"), "adl-p.pddl", d);
    Planner.Result opt = Planner.solve(d, p, Planner.Options.optimal(20));
    assertThat(opt.status()).isEqualTo(Planner.Status.SOLVED);
    Validator.Verdict v = Validator.validate(d, p, opt.plan());
    assertThat(v.valid()).as(v.error()).isTrue();
    // home->office (3) put-in pen, office->park (2) put-in book, park->office->home (5),
    // take-out x2, lock: 3 + 1 + 2 + 1 + 2 + 3 + 1 + 1 + 1 = 15
    assertThat(opt.cost()).isEqualTo(15);
    assertThat(v.cost()).isEqualTo(15);
    Planner.Result sat = Planner.solve(d, p, Planner.Options.satisficing(20));
    assertThat(sat.status()).isEqualTo(Planner.Status.SOLVED);
    assertThat(Validator.validate(d, p, sat.plan()).valid()).isTrue();
    // locking before everything is home fails the derived precondition
    Validator.Verdict early = Validator.validate(d, p, List.of("(lock)"));
    assertThat(early.error()).isEqualTo("step 1: (lock): precondition (all-home) does not hold");
  }

  @Test
  void provesUnsolvableTasks() {
    Pddl.Problem stuck =
        PddlParser.parseProblem(
            "(define (problem q) (:domain b) (:objects a b - block) (:init (on a b))"
                + " (:goal (on b a)))",
            "q.pddl",
            blocks);
    assertThat(Planner.solve(blocks, stuck, Planner.Options.satisficing(10)).status())
        .isEqualTo(Planner.Status.UNSOLVABLE);
    assertThat(Planner.solve(blocks, stuck, Planner.Options.optimal(10)).status())
        .isEqualTo(Planner.Status.UNSOLVABLE);
  }
}
