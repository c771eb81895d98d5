package org.gyrus.agents.household;

/**
 * The reinforcement-learning baseline's input: the same semantic map the sub-goal agent plans over,
 * rasterised into per-cell channels (unknown, floor, wall, open/closed door, furniture type, closed
 * container, item type seen there, item dirty, agent), plus facing, the held item and the task's
 * goals (item type, receptacle type or "hold", clean).
 */
public final class ObsEncoder {
  static final int FURN = FurnitureType.values().length;
  static final int ITEMS = ItemType.values().length;
  static final int CELL_CHANNELS = 5 + FURN + 1 + ITEMS + 2;
  static final int GOAL_SLOTS = 2;
  static final int GOAL_WIDTH = ITEMS + FURN + 1 + 1;
  public static final int SIZE =
      House.CELLS * CELL_CHANNELS + 4 + ITEMS + 1 + GOAL_SLOTS * GOAL_WIDTH;

  private ObsEncoder() {}

  /** Writes the encoding into {@code out} from offset {@code off}. */
  public static void encode(SemanticMap map, Task task, float[] out, int off) {
    java.util.Arrays.fill(out, off, off + SIZE, 0f);
    for (int c = 0; c < House.CELLS; c++) {
      int base = off + c * CELL_CHANNELS;
      House.Cell k = map.cell(c);
      if (k == null) {
        out[base] = 1;
        continue;
      }
      switch (k) {
        case FLOOR -> out[base + 1] = 1;
        case WALL -> out[base + 2] = 1;
        case DOOR -> out[base + (map.open(c) ? 3 : 4)] = 1;
        default -> {}
      }
    }
    for (House.Furniture f : map.furniture().values()) {
      int base = off + f.cell() * CELL_CHANNELS;
      out[base + 5 + f.type().ordinal()] = 1;
      if (f.type().openable && !map.open(f.cell())) {
        out[base + 5 + FURN] = 1;
      }
    }
    for (SemanticMap.Item it : map.items().values()) {
      if (it.at() >= 0) {
        int base = off + map.furniture().get(it.at()).cell() * CELL_CHANNELS;
        out[base + 6 + FURN + it.type().ordinal()] = 1;
        if (it.type().cleanable && !it.clean()) {
          out[base + 6 + FURN + ITEMS] = 1;
        }
      }
    }
    out[off + map.agent() * CELL_CHANNELS + CELL_CHANNELS - 1] = 1;
    int g = off + House.CELLS * CELL_CHANNELS;
    out[g + map.facing()] = 1;
    SemanticMap.Item held = map.held() >= 0 ? map.items().get(map.held()) : null;
    if (held != null) {
      out[g + 4 + held.type().ordinal()] = 1;
      out[g + 4 + ITEMS] = held.type().cleanable && !held.clean() ? 1 : 0;
    }
    int slots = g + 4 + ITEMS + 1;
    for (int i = 0; i < Math.min(GOAL_SLOTS, task.goals().size()); i++) {
      Task.Goal goal = task.goals().get(i);
      int s = slots + i * GOAL_WIDTH;
      out[s + goal.type().ordinal()] = 1;
      out[s + ITEMS + (goal.receptacle() == null ? FURN : goal.receptacle().ordinal())] = 1;
      out[s + ITEMS + FURN + 1] = goal.clean() ? 1 : 0;
    }
  }
}
