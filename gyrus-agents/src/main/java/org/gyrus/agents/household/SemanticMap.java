package org.gyrus.agents.household;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the agent knows, built only from its observations: cells seen (unknown ones are assumed
 * walkable by the navigator), furniture with its last seen open state, where items were last seen
 * and in what state, which furniture has been searched (contents seen since the last surprise), and
 * which rooms were visited. The house's 2x2 floor plan (room rectangles) is known in advance.
 */
public final class SemanticMap {
  /** Item location meaning: last seen held / location unknown (it was not where expected). */
  public static final int HELD = World.HELD;

  public static final int LOST = -2;

  /** A known item. */
  public record Item(int id, ItemType type, int at, boolean clean) {}

  private final House.Cell[] cells = new House.Cell[House.CELLS];
  private final boolean[] open = new boolean[House.CELLS];
  private final Map<Integer, House.Furniture> furniture = new LinkedHashMap<>();
  private final Map<Integer, Item> items = new LinkedHashMap<>();
  private final Set<Integer> searched = new HashSet<>();
  private final boolean[] visited = new boolean[4];
  private int agent = -1;
  private int facing;
  private int held = -1;
  private int surprises;

  /** Null for a cell never seen. */
  public House.Cell cell(int c) {
    return cells[c];
  }

  /** Last seen open state of a door or piece of furniture's cell. */
  public boolean open(int c) {
    return open[c];
  }

  public int agent() {
    return agent;
  }

  public int facing() {
    return facing;
  }

  public int held() {
    return held;
  }

  public Map<Integer, House.Furniture> furniture() {
    return furniture;
  }

  public Map<Integer, Item> items() {
    return items;
  }

  public boolean searched(int furnitureId) {
    return searched.contains(furnitureId);
  }

  public boolean visited(int room) {
    return visited[room];
  }

  /** How many times an item was missing from where it had been seen. */
  public int surprises() {
    return surprises;
  }

  /** Whether the navigator may plan through the cell (unknown cells optimistically). */
  public boolean walkable(int c) {
    return c >= 0
        && (cells[c] == null || cells[c] == House.Cell.FLOOR || cells[c] == House.Cell.DOOR);
  }

  /** Merges one observation. */
  public void update(Observation o) {
    agent = o.agentCell();
    facing = o.facing();
    held = o.held();
    int room = House.roomOf(agent);
    if (room >= 0) {
      visited[room] = true;
    }
    for (Observation.CellView v : o.cells()) {
      cells[v.cell()] = v.kind();
      open[v.cell()] = v.open();
      if (v.furniture() >= 0) {
        furniture.putIfAbsent(
            v.furniture(),
            new House.Furniture(v.furniture(), v.type(), v.cell(), House.roomOf(v.cell())));
      }
    }
    if (held >= 0) {
      items.put(held, new Item(held, o.heldType(), HELD, o.heldClean()));
    }
    for (Observation.ContentView cv : o.contents()) {
      Set<Integer> seen = new HashSet<>();
      for (Observation.ItemView iv : cv.items()) {
        seen.add(iv.id());
        items.put(iv.id(), new Item(iv.id(), iv.type(), cv.furniture(), iv.clean()));
      }
      searched.add(cv.furniture());
      boolean surprise = false;
      for (Item it : new ArrayList<>(items.values())) {
        if (it.at() == cv.furniture() && !seen.contains(it.id())) {
          items.put(it.id(), new Item(it.id(), it.type(), LOST, it.clean()));
          surprise = true;
        }
      }
      if (surprise) {
        surprises++;
        forgetSearches(o);
      }
    }
    if (held < 0) {
      for (Item it : new ArrayList<>(items.values())) {
        if (it.at() == HELD) {
          items.put(it.id(), new Item(it.id(), it.type(), LOST, it.clean()));
        }
      }
    }
  }

  /** Something moved: furniture searched earlier and out of sight now may hold it. */
  private void forgetSearches(Observation o) {
    Set<Integer> inView = new HashSet<>();
    for (Observation.ContentView cv : o.contents()) {
      inView.add(cv.furniture());
    }
    searched.retainAll(inView);
  }

  /** A compact signature of what the planner depends on; a change triggers replanning. */
  public String beliefKey() {
    StringBuilder sb = new StringBuilder();
    sb.append(furniture.keySet()).append(items.values()).append(searched).append(held);
    sb.append(Arrays.toString(visited));
    for (House.Furniture f : furniture.values()) {
      sb.append(open[f.cell()] ? 'o' : 'c');
    }
    return sb.toString();
  }
}
