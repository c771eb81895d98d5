package org.gyrus.agents.goals;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How well predicted goals match the true ones, and whether planning for them solves the task.
 *
 * @param atomAccuracy fraction of the scene's ground atoms ({@code on} for every ordered pair of
 *     its blocks, {@code ontable} and {@code clear} for each) whose truth value the prediction gets
 *     right, averaged over scenes
 * @param atomF1 F1 of the predicted true atoms against the true goal's, averaged over scenes
 * @param exactGoal fraction of scenes whose predicted goal equals the true goal
 * @param planValid fraction where the planner solved the predicted goal from the true initial state
 *     and the validator accepted the plan for that task
 * @param taskSuccess fraction where that plan, validated from the true initial state, reaches the
 *     true goal
 * @param perceivedSuccess as taskSuccess, but the initial state is also read from its image (NaN
 *     when the method does not read images)
 */
public record GoalMetrics(
    int scenes,
    double atomAccuracy,
    double atomF1,
    double exactGoal,
    double planValid,
    double taskSuccess,
    double perceivedSuccess) {

  /** Scores {@code goals} (one per pair); {@code inits} may be null. */
  public static GoalMetrics of(
      List<GoalScenes.Pair> pairs, List<BlocksState> goals, List<BlocksState> inits, double limit) {
    double acc = 0;
    double f1 = 0;
    int exact = 0;
    int valid = 0;
    int success = 0;
    int perceived = 0;
    for (int i = 0; i < pairs.size(); i++) {
      GoalScenes.Pair p = pairs.get(i);
      Set<String> truth = p.goal().atoms();
      Set<String> pred = goals.get(i).atoms();
      Set<String> both = new HashSet<>(truth);
      both.retainAll(pred);
      int n = p.goal().blocks().length;
      int wrong = truth.size() + pred.size() - 2 * both.size();
      acc += 1.0 - (double) wrong / (n * (n - 1) + 2 * n);
      f1 += 2.0 * both.size() / (truth.size() + pred.size());
      exact += goals.get(i).equals(p.goal()) ? 1 : 0;
      GoalPlanning.Outcome o = GoalPlanning.plan(p.init(), goals.get(i), p.init(), p.goal(), limit);
      valid += o.validForGiven() ? 1 : 0;
      success += o.reachesTrueGoal() ? 1 : 0;
      if (inits != null) {
        perceived +=
            GoalPlanning.plan(inits.get(i), goals.get(i), p.init(), p.goal(), limit)
                    .reachesTrueGoal()
                ? 1
                : 0;
      }
    }
    double n = pairs.size();
    return new GoalMetrics(
        pairs.size(),
        acc / n,
        f1 / n,
        exact / n,
        valid / n,
        success / n,
        inits == null ? Double.NaN : perceived / n);
  }

  public String json() {
    return String.format(
        Locale.ROOT,
        "{\"scenes\": %d, \"atom_accuracy\": %.4f, \"atom_f1\": %.4f, \"exact_goal\": %.4f,"
            + " \"plan_valid\": %.4f, \"task_success\": %.4f, \"perceived_success\": %s}",
        scenes,
        atomAccuracy,
        atomF1,
        exactGoal,
        planValid,
        taskSuccess,
        Double.isNaN(perceivedSuccess)
            ? "null"
            : String.format(Locale.ROOT, "%.4f", perceivedSuccess));
  }

  public String line() {
    return String.format(
        Locale.ROOT,
        "atoms acc %.3f F1 %.3f  exact %.3f  plan valid %.3f  task success %.3f%s",
        atomAccuracy,
        atomF1,
        exactGoal,
        planValid,
        taskSuccess,
        Double.isNaN(perceivedSuccess)
            ? ""
            : String.format(Locale.ROOT, "  (init read too: %.3f)", perceivedSuccess));
  }
}
