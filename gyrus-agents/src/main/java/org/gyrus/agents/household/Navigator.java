package org.gyrus.agents.household;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/**
 * The low-level navigator: A* over (cell, facing) states of the known map, where cells never seen
 * count as walkable (exploring them), a known closed door costs one more step (OPEN, then the
 * move), and a move into a blocked cell only turns the agent. It replans from the current map on
 * every call, so a wall or closed door found on the way changes the route at once.
 */
public final class Navigator {
  /** A state: {@code cell * 4 + facing}. */
  public static int state(int cell, int facing) {
    return cell * 4 + facing;
  }

  /** The first action and the cost of a cheapest route; action null when already there. */
  public record Route(Action first, int cost) {}

  private Navigator() {}

  /** A route to stand next to the furniture cell facing it, or null when none is known. */
  public static Route toFurniture(SemanticMap map, int furnitureCell) {
    return route(map, state(map.agent(), map.facing()), facing(furnitureCell), near(furnitureCell));
  }

  /** A route into the room's interior, or null. */
  public static Route toRoom(SemanticMap map, int room) {
    int centre = (House.y0(room) + House.ROOM / 2) * House.SIZE + House.x0(room) + House.ROOM / 2;
    IntPredicate goal = s -> House.roomOf(s / 4) == room;
    return route(
        map,
        state(map.agent(), map.facing()),
        goal,
        cell -> Math.max(0, House.manhattan(cell, centre) - House.ROOM + 1));
  }

  /** Goal states: next to the target cell and facing it. */
  static IntPredicate facing(int target) {
    return s -> House.step(s / 4, s % 4) == target;
  }

  /** Admissible: Manhattan distance to a cell next to the target. */
  static java.util.function.IntUnaryOperator near(int target) {
    return cell -> Math.max(0, House.manhattan(cell, target) - 1);
  }

  private static Route route(
      SemanticMap map, int start, IntPredicate goal, java.util.function.IntUnaryOperator h) {
    int n = House.CELLS * 4;
    int[] g = new int[n];
    int[] firstAction = new int[n];
    Arrays.fill(g, Integer.MAX_VALUE);
    g[start] = 0;
    firstAction[start] = -1;
    PriorityQueue<long[]> open = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    open.add(new long[] {h.applyAsInt(start / 4), start});
    while (!open.isEmpty()) {
      long[] top = open.poll();
      int s = (int) top[1];
      if (top[0] - h.applyAsInt(s / 4) > g[s]) {
        continue;
      }
      if (goal.test(s)) {
        return new Route(firstAction[s] < 0 ? null : Action.of(firstAction[s]), g[s]);
      }
      for (int[] e : edges(map, s)) {
        int t = e[0];
        int cost = g[s] + e[1];
        if (cost < g[t]) {
          g[t] = cost;
          firstAction[t] = s == start ? e[2] : firstAction[s];
          open.add(new long[] {cost + h.applyAsInt(t / 4), t});
        }
      }
    }
    return null;
  }

  /** Edges out of a state: {target state, cost, first action ordinal}. */
  static List<int[]> edges(SemanticMap map, int s) {
    int cell = s / 4;
    int f = s % 4;
    List<int[]> out = new ArrayList<>(4);
    for (int d = 0; d < 4; d++) {
      int nb = House.step(cell, d);
      boolean closedDoor = nb >= 0 && map.cell(nb) == House.Cell.DOOR && !map.open(nb);
      if (closedDoor && d == f) {
        out.add(new int[] {state(nb, d), 2, Action.OPEN.ordinal()});
      } else if (map.walkable(nb) && !closedDoor) {
        out.add(new int[] {state(nb, d), 1, d});
      } else if (d != f) {
        out.add(new int[] {state(cell, d), 1, d});
      }
    }
    return out;
  }

  /**
   * Cheapest costs from every source state to face each cell: {@code result[c]} is the cost to
   * stand next to cell c facing it ({@code Integer.MAX_VALUE} when unreachable).
   */
  public static int[] costsToFace(SemanticMap map, int[] sources) {
    int n = House.CELLS * 4;
    int[] g = new int[n];
    Arrays.fill(g, Integer.MAX_VALUE);
    PriorityQueue<long[]> open = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    for (int s : sources) {
      g[s] = 0;
      open.add(new long[] {0, s});
    }
    while (!open.isEmpty()) {
      long[] top = open.poll();
      int s = (int) top[1];
      if (top[0] > g[s]) {
        continue;
      }
      for (int[] e : edges(map, s)) {
        if (g[s] + e[1] < g[e[0]]) {
          g[e[0]] = g[s] + e[1];
          open.add(new long[] {g[e[0]], e[0]});
        }
      }
    }
    int[] face = new int[House.CELLS];
    Arrays.fill(face, Integer.MAX_VALUE);
    for (int s = 0; s < n; s++) {
      int ahead = House.step(s / 4, s % 4);
      if (ahead >= 0 && g[s] < face[ahead]) {
        face[ahead] = g[s];
      }
    }
    return face;
  }

  /** The states next to a cell facing it: where PICK/PLACE/OPEN on it can be done. */
  public static int[] facingStates(SemanticMap map, int target) {
    List<Integer> out = new ArrayList<>();
    for (int d = 0; d < 4; d++) {
      int nb = House.step(target, d);
      if (nb >= 0 && map.walkable(nb) && map.cell(nb) != House.Cell.DOOR) {
        out.add(state(nb, (d + 2) % 4));
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
