package org.gyrus.agents.goals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded (initial scene, desired scene) pairs over the same blocks, with their images. */
public final class GoalScenes {
  private GoalScenes() {}

  /** One task: reach {@code goal} from {@code init}; both drawn from the same block set. */
  public record Pair(BlocksState init, BlocksState goal, float[] initImage, float[] goalImage) {}

  /**
   * {@code count} pairs with {@code minBlocks..maxBlocks} blocks (uniform), goal different from the
   * initial state; the same arguments always give the same pairs and pixels.
   */
  public static List<Pair> generate(int count, int minBlocks, int maxBlocks, long seed) {
    int most = Math.min(Palette.size(), SceneRenderer.SLOTS);
    if (minBlocks < 1 || maxBlocks < minBlocks || maxBlocks > most || count < 1) {
      throw new IllegalArgumentException(
          "goal scenes: count >= 1 and 1 <= min <= max <= "
              + most
              + " blocks expected, got count="
              + count
              + " blocks="
              + minBlocks
              + ".."
              + maxBlocks);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    List<Pair> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int n = minBlocks + rng.nextInt(maxBlocks - minBlocks + 1);
      BlocksState init = BlocksState.random(n, rng);
      BlocksState goal = BlocksState.arrange(init.blocks(), rng);
      while (n > 1 && goal.equals(init)) {
        goal = BlocksState.arrange(init.blocks(), rng);
      }
      out.add(
          new Pair(init, goal, SceneRenderer.render(init, rng), SceneRenderer.render(goal, rng)));
    }
    return out;
  }
}
