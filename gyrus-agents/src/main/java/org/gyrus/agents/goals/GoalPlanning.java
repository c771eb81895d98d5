package org.gyrus.agents.goals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gyrus.logic.plan.Pddl.Domain;
import org.gyrus.logic.plan.Pddl.Problem;
import org.gyrus.logic.plan.PddlParser;
import org.gyrus.logic.plan.Planner;
import org.gyrus.logic.plan.Validator;

/**
 * Hands a goal to the PDDL planner in the IPC-2000 4-operator blocks domain (a copy of {@code
 * pddl-ipc/ipc-2000/blocks-strips-typed/domain.pddl} ships as a resource) and checks the plan with
 * the independent validator.
 */
public final class GoalPlanning {
  private static final String DOMAIN_RESOURCE = "blocks-domain.pddl";
  private static final Domain DOMAIN =
      PddlParser.parseDomain(domainText(), "classpath:org/gyrus/agents/goals/" + DOMAIN_RESOURCE);

  private GoalPlanning() {}

  /**
   * One planning attempt.
   *
   * @param solved the planner found a plan for the goal it was given
   * @param validForGiven the validator accepts that plan for the given initial state and goal
   * @param reachesTrueGoal the validator accepts it from the true initial state to the true goal
   */
  public record Outcome(
      boolean solved, boolean validForGiven, boolean reachesTrueGoal, List<String> plan) {}

  public static Domain domain() {
    return DOMAIN;
  }

  static String domainText() {
    try (InputStream in = GoalPlanning.class.getResourceAsStream(DOMAIN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DOMAIN_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The PDDL problem: {@code init} with an empty hand, goal = every atom of {@code goal}. */
  public static String problemText(BlocksState init, BlocksState goal) {
    StringBuilder sb = new StringBuilder("(define (problem scene) (:domain BLOCKS)\n (:objects");
    for (int b : init.blocks()) {
      sb.append(' ').append(Palette.name(b));
    }
    sb.append(" - block)\n (:init (handempty)");
    init.atoms().forEach(a -> sb.append(' ').append(a));
    sb.append(")\n (:goal (and");
    goal.atoms().forEach(a -> sb.append(' ').append(a));
    return sb.append(")))\n").toString();
  }

  public static Problem problem(BlocksState init, BlocksState goal) {
    return PddlParser.parseProblem(problemText(init, goal), "scene.pddl", DOMAIN);
  }

  /**
   * Plans from {@code givenInit} to {@code givenGoal} (what perception produced) and validates the
   * plan twice: for the given task, and from {@code trueInit} to {@code trueGoal}.
   */
  public static Outcome plan(
      BlocksState givenInit,
      BlocksState givenGoal,
      BlocksState trueInit,
      BlocksState trueGoal,
      double timeoutSeconds) {
    if (!java.util.Arrays.equals(givenInit.blocks(), trueInit.blocks())
        || !java.util.Arrays.equals(givenGoal.blocks(), trueInit.blocks())) {
      throw new IllegalArgumentException("plan: given and true states name different blocks");
    }
    Problem given = problem(givenInit, givenGoal);
    Planner.Result r = Planner.solve(DOMAIN, given, Planner.Options.satisficing(timeoutSeconds));
    if (r.status() != Planner.Status.SOLVED) {
      return new Outcome(false, false, false, List.of());
    }
    boolean validGiven = Validator.validate(DOMAIN, given, r.plan()).valid();
    boolean reaches = Validator.validate(DOMAIN, problem(trueInit, trueGoal), r.plan()).valid();
    return new Outcome(true, validGiven, reaches, r.plan());
  }
}
