package org.gyrus.agents.household;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The sub-goal agent (after JARVIS): observe, merge into the semantic map, ask the commonsense
 * knowledge base for beliefs and sub-goals, let the PDDL planner order them, execute each with the
 * navigator and primitive actions, and replan whenever the map's beliefs change (an item not where
 * it was expected, a container's contents seen, a closed door, an item moved by someone else). With
 * {@code fullView} it sees the whole house, closed containers included: the oracle.
 */
public final class SubgoalAgent {
  /**
   * How an episode went.
   *
   * @param replans plans made (the first included)
   * @param surprises items found missing from where the map had them
   * @param trace the sub-goals executed, in order
   */
  public record Episode(
      boolean solved, int steps, int replans, int explores, int surprises, List<String> trace) {}

  private final boolean fullView;
  private final SubgoalPlanner.Mode mode;

  public SubgoalAgent(boolean fullView, SubgoalPlanner.Mode mode) {
    this.fullView = fullView;
    this.mode = mode;
  }

  public Episode run(World world, int maxSteps) {
    return run(world, maxSteps, step -> {});
  }

  /** Runs until solved, out of steps, or stuck; {@code onStep} sees the step count after each. */
  public Episode run(World world, int maxSteps, IntConsumer onStep) {
    Task task = world.scenario().task();
    SemanticMap map = new SemanticMap();
    observe(world, map);
    Deque<SubgoalPlanner.Step> plan = new ArrayDeque<>();
    String planKey = null;
    String beliefsKey = null;
    CommonSense.Beliefs b = null;
    int exploreRoom = -1;
    int lastExplore = -1;
    int replans = 0;
    int explores = 0;
    int idle = 0;
    List<String> trace = new ArrayList<>();
    while (!world.solved() && world.steps() < maxSteps && idle < 8) {
      String key = map.beliefKey();
      if (!key.equals(planKey) || (plan.isEmpty() && exploreRoom < 0)) {
        planKey = key;
        plan.clear();
        exploreRoom = -1;
        if (!key.equals(beliefsKey)) { // the knowledge base reads only what the key covers
          b = CommonSense.infer(map, task);
          beliefsKey = key;
        }
        if (!b.explore().isEmpty()) {
          int room = nearestUnvisited(map);
          if (room != lastExplore) {
            explores++;
            trace.add("explore r" + room);
          }
          exploreRoom = room;
          lastExplore = room;
        } else {
          replans++;
          plan.addAll(SubgoalPlanner.plan(map, task, b, mode).steps());
          if (plan.isEmpty()) {
            break; // nowhere left to look, or no plan
          }
        }
      }
      Action a = nextAction(map, plan, exploreRoom, trace);
      if (a == null) {
        idle++;
        planKey = null;
        continue;
      }
      boolean changed = world.step(a);
      idle = changed ? 0 : idle + 1;
      observe(world, map);
      onStep.accept(world.steps());
      if (!changed && a.direction() < 0) {
        planKey = null; // the action failed: the map was wrong somewhere
      }
      if (exploreRoom >= 0 && map.visited(exploreRoom)) {
        exploreRoom = -1;
        planKey = null;
      }
    }
    return new Episode(world.solved(), world.steps(), replans, explores, map.surprises(), trace);
  }

  private void observe(World world, SemanticMap map) {
    map.update(fullView ? world.observeAll() : world.observe());
  }

  /** The next primitive action, popping sub-goals that are done; null when none applies. */
  private static Action nextAction(
      SemanticMap map, Deque<SubgoalPlanner.Step> plan, int exploreRoom, List<String> trace) {
    if (exploreRoom >= 0) {
      Navigator.Route r = Navigator.toRoom(map, exploreRoom);
      return r == null ? null : r.first();
    }
    while (!plan.isEmpty()) {
      SubgoalPlanner.Step s = plan.peek();
      House.Furniture f = s.place() >= 0 ? map.furniture().get(s.place()) : null;
      switch (s.op()) {
        case "go":
          Navigator.Route r = Navigator.toFurniture(map, f.cell());
          if (r == null) {
            return null;
          }
          if (r.first() != null) {
            return r.first();
          }
          break;
        case "open":
          if (!map.open(f.cell())) {
            plan.pop();
            trace.add(s.toString());
            return Action.OPEN;
          }
          break;
        default:
          plan.pop();
          trace.add(s.toString());
          return s.op().equals("pick")
              ? Action.PICK
              : s.op().equals("place") ? Action.PLACE : Action.CLEAN;
      }
      plan.pop();
      trace.add(s.toString());
    }
    return null;
  }

  private static int nearestUnvisited(SemanticMap map) {
    int best = -1;
    int bestCost = Integer.MAX_VALUE;
    for (int r = 0; r < 4; r++) {
      if (!map.visited(r)) {
        Navigator.Route route = Navigator.toRoom(map, r);
        if (route != null && route.cost() < bestCost) {
          bestCost = route.cost();
          best = r;
        }
      }
    }
    return best;
  }
}
