package org.gyrus.agents.goals;

import java.util.ArrayList;
import java.util.List;

/** Goal predictors that do not read the desired scene. */
public final class GoalBaselines {
  private GoalBaselines() {}

  /**
   * The prior: each block's support scored by how often it held that support in the training goals
   * (add-one smoothed log frequency), decoded into the best consistent goal.
   */
  public static List<BlocksState> prior(List<GoalScenes.Pair> train, List<GoalScenes.Pair> test) {
    int k = Palette.size();
    double[][] counts = new double[k][k + 1];
    for (GoalScenes.Pair p : train) {
      for (int b : p.goal().blocks()) {
        int s = p.goal().under(b);
        counts[b][s == BlocksState.TABLE ? k : s]++;
      }
    }
    double[][] scores = new double[k][k + 1];
    for (int b = 0; b < k; b++) {
      double total = 0;
      for (double c : counts[b]) {
        total += c + 1;
      }
      for (int s = 0; s <= k; s++) {
        scores[b][s] = Math.log((counts[b][s] + 1) / total);
      }
    }
    List<BlocksState> out = new ArrayList<>();
    for (GoalScenes.Pair p : test) {
      out.add(GoalDecoder.decode(scores, p.init().blocks()));
    }
    return out;
  }

  /** The initial state taken as the goal ("leave it as it is"). */
  public static List<BlocksState> copyInitial(List<GoalScenes.Pair> test) {
    return test.stream().map(GoalScenes.Pair::init).toList();
  }
}
