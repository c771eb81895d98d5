package org.gyrus.agents.household;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A household task: every goal must hold at once. Level 1 holds an item; 2 puts one on a surface; 3
 * in a closed container; 4 a clean one (all of that type start dirty) in a container; 5 two goals.
 */
public record Task(int level, List<Goal> goals) {
  /**
   * One goal: an item of {@code type} held (receptacle null) or on/in furniture of the receptacle
   * type, clean when {@code clean}.
   */
  public record Goal(ItemType type, FurnitureType receptacle, boolean clean) {
    public String text() {
      String item = (clean ? "a clean " : "a ") + type.id();
      if (receptacle == null) {
        return "hold " + item;
      }
      return "put " + item + (receptacle.openable ? " in the " : " on the ") + receptacle.id();
    }
  }

  public Task {
    goals = List.copyOf(goals);
  }

  public String text() {
    return goals.stream().map(Goal::text).collect(Collectors.joining(" and "));
  }
}
