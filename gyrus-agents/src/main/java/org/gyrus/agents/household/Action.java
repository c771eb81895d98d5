package org.gyrus.agents.household;

/**
 * The primitive actions. A move turns the agent to its direction and steps there when the cell is
 * free (floor or an open door); otherwise it only turns. The other actions act on the faced cell.
 */
public enum Action {
  NORTH,
  EAST,
  SOUTH,
  WEST,
  /** Opens the faced closed door or container. */
  OPEN,
  /** Closes the faced open door or container. */
  CLOSE,
  /** Takes the item on/in the faced furniture (open if a container) into the empty hands. */
  PICK,
  /** Puts the held item on/in the faced furniture (open if a container, and empty). */
  PLACE,
  /** Cleans the held dirty item when facing a sink. */
  CLEAN;

  private static final Action[] ALL = values();

  public static final int COUNT = ALL.length;

  /** The action with this ordinal (values() copies its array on every call). */
  public static Action of(int ordinal) {
    return ALL[ordinal];
  }

  /** Direction index 0..3 (N, E, S, W) of a move, -1 otherwise. */
  public int direction() {
    return ordinal() < 4 ? ordinal() : -1;
  }

  public static Action move(int direction) {
    return ALL[direction];
  }
}
