package org.gyrus.agents.household;

/**
 * One household episode as the PPO baseline sees it: the semantic-map encoding as observation, the
 * nine primitive actions, reward 1 on success and 0.1 once each for a sub-goal's first sign
 * (holding an item of a goal's type, that item clean when the goal wants it, the goal's container
 * open), the episode cut at {@link HouseholdBench#maxSteps}.
 */
final class RlEnv {
  private final World world;
  private final SemanticMap map = new SemanticMap();
  private final boolean[] heldOnce;
  private final boolean[] cleanOnce;
  private final boolean[] openOnce;
  private final int maxSteps;

  RlEnv(Scenario s) {
    world = new World(s);
    int g = s.task().goals().size();
    heldOnce = new boolean[g];
    cleanOnce = new boolean[g];
    openOnce = new boolean[g];
    maxSteps = HouseholdBench.maxSteps(s.task().level());
    map.update(world.observe());
  }

  World world() {
    return world;
  }

  void encode(float[] out, int off) {
    ObsEncoder.encode(map, world.scenario().task(), out, off);
  }

  /** Steps; returns the reward. */
  float step(Action a) {
    world.step(a);
    map.update(world.observe());
    float r = 0;
    if (world.solved()) {
      return 1f;
    }
    Task task = world.scenario().task();
    for (int g = 0; g < task.goals().size(); g++) {
      Task.Goal goal = task.goals().get(g);
      int h = world.held();
      boolean holds = h >= 0 && world.scenario().itemTypes()[h] == goal.type();
      if (holds && !heldOnce[g]) {
        heldOnce[g] = true;
        r += 0.1f;
      }
      if (holds && goal.clean() && world.itemClean(h) && !cleanOnce[g]) {
        cleanOnce[g] = true;
        r += 0.1f;
      }
      if (goal.receptacle() != null && goal.receptacle().openable && !openOnce[g]) {
        for (House.Furniture f : world.house().furniture()) {
          if (f.type() == goal.receptacle() && world.isOpen(f.id())) {
            openOnce[g] = true;
            r += 0.1f;
          }
        }
      }
    }
    return r;
  }

  boolean done() {
    return world.solved() || world.steps() >= maxSteps;
  }
}
