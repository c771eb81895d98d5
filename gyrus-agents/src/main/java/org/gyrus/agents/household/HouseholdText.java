package org.gyrus.agents.household;

/** Fixed prose of the household bench report. */
final class HouseholdText {
  private HouseholdText() {}

  static final String INTRO =
      "A 13x13 house of four rooms (kitchen, bathroom, living room, bedroom in random places; three"
          + " or four doors, 40% closed), furniture along the walls (fridge, cabinet and drawer are"
          + " closed containers), 5-7 items (mug, plate, towel get dirty; apple, book, keys), at most"
          + " one item per piece of furniture, 80% of items at a commonsense-likely place. The agent"
          + " sees only the room it stands in (both rooms from a doorway) and not inside closed"
          + " containers. Levels: 1 hold an item; 2 put one on a surface; 3 in a closed container;"
          + " 4 a clean one (all of its type dirty) in a container; 5 two goals (a level-4 goal and"
          + " a level-2 or -3 one).\n\n"
          + "Sub-goal agent: semantic map from observations -> Datalog commonsense KB (gyrus-logic"
          + " engine: affordances, likely places, preconditions, sub-goal proposals, search spots)"
          + " -> gyrus PDDL planner orders the sub-goals (LAMA-style anytime, 0.25 CPU s per plan;"
          + " a hypothetical item stands at the best search spot while none is known) -> A* navigator"
          + " over (cell, facing), unknown cells walkable; replanning whenever the map's beliefs"
          + " change. Oracle: the same agent seeing everything, with optimal plans (A* + LM-cut over"
          + " navigator distances). PPO: actor-critic MLP (2x128 tanh, DJL) over the rasterised"
          + " semantic map + task, nine primitive actions, reward 1 on success and 0.1 for each"
          + " sub-goal's first sign (goal item held, cleaned, goal container opened), trained on"
          + " freshly drawn scenarios of all levels (seeds apart from the test seeds); evaluated by"
          + " sampling from its policy. Uniformly random actions: the floor PPO has to beat.\n";

  static final String METRICS =
      "\nMetrics: success = goal state reached within the step limit; SPL = mean of success x"
          + " oracle steps / max(oracle steps, steps); efficiency = median oracle steps / steps over"
          + " tasks both solved; steps are primitive actions (moves, turns, open, pick, place,"
          + " clean). Sub-goals per level = the oracle's executed go/open/pick/place/wash steps.\n";
}
