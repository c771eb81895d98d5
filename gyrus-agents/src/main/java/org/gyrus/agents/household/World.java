package org.gyrus.agents.household;

import java.util.ArrayList;
import java.util.List;

/** The household world's state and rules. */
public final class World {
  public static final int HELD = -1;

  private final Scenario scenario;
  private final House house;
  private final boolean[] doorOpen;
  private final boolean[] furnitureOpen;
  private final int[] itemAt;
  private final boolean[] itemClean;

  /** Items on/in each piece of furniture: at most one (PLACE needs it empty). */
  private final List<List<Integer>> stacks = new ArrayList<>();

  private int agent;
  private int facing;
  private int held = -1;
  private int steps;

  public World(Scenario s) {
    this.scenario = s;
    this.house = s.house();
    this.doorOpen = s.doorOpen().clone();
    this.furnitureOpen = new boolean[house.furniture().size()];
    for (House.Furniture f : house.furniture()) {
      furnitureOpen[f.id()] = !f.type().openable;
      stacks.add(new ArrayList<>());
    }
    this.itemAt = s.itemFurniture().clone();
    this.itemClean = s.itemClean().clone();
    for (int i = 0; i < itemAt.length; i++) {
      stacks.get(itemAt[i]).add(i);
    }
    this.agent = s.agentCell();
    this.facing = s.agentFacing();
  }

  public Scenario scenario() {
    return scenario;
  }

  public House house() {
    return house;
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

  public int steps() {
    return steps;
  }

  /** The furniture the item is on/in, or {@link #HELD}. */
  public int itemAt(int item) {
    return itemAt[item];
  }

  public boolean itemClean(int item) {
    return itemClean[item];
  }

  public boolean isOpen(int furniture) {
    return furnitureOpen[furniture];
  }

  public boolean doorOpen(int cell) {
    return doorOpen[cell];
  }

  /** Whether the agent may stand on the cell: floor, or a door that is open. */
  public boolean passable(int c) {
    return c >= 0
        && (house.cell(c) == House.Cell.FLOOR || (house.cell(c) == House.Cell.DOOR && doorOpen[c]));
  }

  /** Applies one action; returns whether it changed anything besides the step count. */
  public boolean step(Action a) {
    steps++;
    if (a.direction() >= 0) {
      int d = a.direction();
      int n = House.step(agent, d);
      boolean changed = facing != d;
      facing = d;
      if (passable(n)) {
        agent = n;
        changed = true;
      }
      return changed;
    }
    int ahead = House.step(agent, facing);
    int f = ahead < 0 ? -1 : house.furnitureAt(ahead);
    switch (a) {
      case OPEN:
      case CLOSE:
        return setOpen(ahead, f, a == Action.OPEN);
      case PICK:
        if (f < 0 || held >= 0 || !furnitureOpen[f] || stacks.get(f).isEmpty()) {
          return false;
        }
        held = stacks.get(f).remove(stacks.get(f).size() - 1);
        itemAt[held] = HELD;
        return true;
      case PLACE:
        if (f < 0 || held < 0 || !furnitureOpen[f] || !stacks.get(f).isEmpty()) {
          return false;
        }
        stacks.get(f).add(held);
        itemAt[held] = f;
        held = -1;
        return true;
      case CLEAN:
        if (f < 0 || held < 0 || house.furniture().get(f).type() != FurnitureType.SINK) {
          return false;
        }
        boolean was = itemClean[held];
        itemClean[held] = true;
        return !was && scenario.itemTypes()[held].cleanable;
      default:
        throw new IllegalStateException("unhandled action " + a);
    }
  }

  private boolean setOpen(int ahead, int f, boolean open) {
    if (ahead >= 0 && house.cell(ahead) == House.Cell.DOOR && doorOpen[ahead] != open) {
      doorOpen[ahead] = open;
      return true;
    }
    if (f >= 0 && house.furniture().get(f).type().openable && furnitureOpen[f] != open) {
      furnitureOpen[f] = open;
      return true;
    }
    return false;
  }

  /** Someone else moves an item (not held) onto other furniture: the map goes stale. */
  public void moveItem(int item, int furniture) {
    if (itemAt[item] == HELD || !stacks.get(furniture).isEmpty()) {
      throw new IllegalStateException(
          "item " + item + " is held or furniture " + furniture + " is taken");
    }
    stacks.get(itemAt[item]).remove((Integer) item);
    stacks.get(furniture).add(item);
    itemAt[item] = furniture;
  }

  /** Whether every goal holds, each by a different item. */
  public boolean solved() {
    return Goals.satisfied(scenario.task().goals(), scenario.itemTypes(), itemAt, itemClean, house);
  }

  /** The agent's view: the room(s) it stands in. */
  public Observation observe() {
    return observe(false);
  }

  /** Everything, closed containers included: the oracle's view. */
  public Observation observeAll() {
    return observe(true);
  }

  private Observation observe(boolean all) {
    List<Integer> rooms = House.roomsSeenFrom(agent);
    List<Observation.CellView> cells = new ArrayList<>();
    List<Observation.ContentView> contents = new ArrayList<>();
    for (int c = 0; c < House.CELLS; c++) {
      boolean seen = all;
      for (int r : rooms) {
        seen |= House.inRoomBox(c, r);
      }
      if (!seen) {
        continue;
      }
      int f = house.furnitureAt(c);
      FurnitureType t = f < 0 ? null : house.furniture().get(f).type();
      boolean open = f >= 0 ? furnitureOpen[f] : doorOpen[c];
      cells.add(new Observation.CellView(c, house.cell(c), f, t, open));
      if (f >= 0 && (all || furnitureOpen[f])) {
        List<Observation.ItemView> items = new ArrayList<>();
        for (int i : stacks.get(f)) {
          items.add(new Observation.ItemView(i, scenario.itemTypes()[i], itemClean[i]));
        }
        contents.add(new Observation.ContentView(f, items));
      }
    }
    ItemType ht = held < 0 ? null : scenario.itemTypes()[held];
    return new Observation(agent, facing, held, ht, held >= 0 && itemClean[held], cells, contents);
  }
}
