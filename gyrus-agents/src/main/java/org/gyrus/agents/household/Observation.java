package org.gyrus.agents.household;

import java.util.List;

/**
 * What the agent perceives after a step: its own pose and hands, the cells of the room(s) it stands
 * in, and the items on the visible surfaces and in the visible open containers.
 *
 * @param held the held item's id, -1 for empty hands
 */
public record Observation(
    int agentCell,
    int facing,
    int held,
    ItemType heldType,
    boolean heldClean,
    List<CellView> cells,
    List<ContentView> contents) {

  /** A visible cell; {@code open} for doors and containers. */
  public record CellView(
      int cell, House.Cell kind, int furniture, FurnitureType type, boolean open) {}

  /** The items seen on/in a piece of furniture (all of them: the list is complete). */
  public record ContentView(int furniture, List<ItemView> items) {}

  public record ItemView(int id, ItemType type, boolean clean) {}
}
