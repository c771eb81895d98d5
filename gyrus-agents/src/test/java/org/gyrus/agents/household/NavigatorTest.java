package org.gyrus.agents.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The navigator's routes against breadth-first search over the world's own rules. */
class NavigatorTest {
  /**
   * Fewest primitive actions (moves and OPEN) from the scenario's start until the agent faces the
   * target cell, by BFS over (cell, facing, doors opened) with each successor made by the World.
   */
  static int bfs(Scenario s, int target) {
    List<Integer> doors = new ArrayList<>();
    for (int c = 0; c < House.CELLS; c++) {
      if (s.house().cell(c) == House.Cell.DOOR) {
        doors.add(c);
      }
    }
    Map<Long, Integer> dist = new HashMap<>();
    ArrayDeque<long[]> queue = new ArrayDeque<>();
    long start = key(s.agentCell(), s.agentFacing(), doorMask(s.doorOpen(), doors));
    dist.put(start, 0);
    queue.add(new long[] {s.agentCell(), s.agentFacing(), doorMask(s.doorOpen(), doors)});
    while (!queue.isEmpty()) {
      long[] st = queue.poll();
      int d0 = dist.get(key((int) st[0], (int) st[1], (int) st[2]));
      if (House.step((int) st[0], (int) st[1]) == target) {
        return d0;
      }
      for (Action a :
          new Action[] {Action.NORTH, Action.EAST, Action.SOUTH, Action.WEST, Action.OPEN}) {
        boolean[] open = new boolean[House.CELLS];
        for (int i = 0; i < doors.size(); i++) {
          open[doors.get(i)] = (st[2] >> i & 1) == 1;
        }
        World w =
            new World(
                new Scenario(
                    s.seed(),
                    s.house(),
                    open,
                    s.itemTypes(),
                    s.itemFurniture(),
                    s.itemClean(),
                    (int) st[0],
                    (int) st[1],
                    s.task()));
        w.step(a);
        boolean[] after = new boolean[House.CELLS];
        for (int door : doors) {
          after[door] = w.doorOpen(door);
        }
        int mask = doorMask(after, doors);
        long k = key(w.agent(), w.facing(), mask);
        if (!dist.containsKey(k)) {
          dist.put(k, d0 + 1);
          queue.add(new long[] {w.agent(), w.facing(), mask});
        }
      }
    }
    return -1;
  }

  private static int doorMask(boolean[] open, List<Integer> doors) {
    int m = 0;
    for (int i = 0; i < doors.size(); i++) {
      m |= open[doors.get(i)] ? 1 << i : 0;
    }
    return m;
  }

  private static long key(int cell, int facing, int mask) {
    return ((long) mask * House.CELLS + cell) * 4 + facing;
  }

  @Test
  void routesMatchBreadthFirstSearchAndExecuteInThatManySteps() {
    int checked = 0;
    for (int seed = 1; seed <= 6; seed++) {
      Scenario s = Scenario.generate(seed, 3);
      for (House.Furniture f : s.house().furniture()) {
        if (f.id() % 3 != seed % 3) {
          continue; // a third of the targets per house keeps the test short
        }
        World w = new World(s);
        SemanticMap full = new SemanticMap();
        full.update(w.observeAll());
        Navigator.Route r = Navigator.toFurniture(full, f.cell());
        int expected = bfs(s, f.cell());
        assertThat(r.cost()).as("seed %d furniture %s", seed, f).isEqualTo(expected);
        // walking it: the navigator's actions reach the target in exactly that many steps
        while (true) {
          Navigator.Route now = Navigator.toFurniture(full, f.cell());
          if (now.first() == null) {
            break;
          }
          w.step(now.first());
          full.update(w.observeAll());
        }
        assertThat(w.steps()).isEqualTo(expected);
        assertThat(House.step(w.agent(), w.facing())).isEqualTo(f.cell());
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(10);
  }

  @Test
  void unknownCellsAreExploredAndWallsFoundOnTheWayReroute() {
    Scenario s = Scenario.generate(11, 2);
    World w = new World(s);
    SemanticMap m = new SemanticMap();
    m.update(w.observe());
    House.Furniture far =
        s.house().furniture().stream()
            .filter(f -> f.room() != House.roomOf(s.agentCell()))
            .findFirst()
            .orElseThrow();
    int optimistic = Navigator.toFurniture(m, far.cell()).cost();
    while (true) {
      Navigator.Route r = Navigator.toFurniture(m, far.cell());
      assertThat(r).isNotNull();
      if (r.first() == null) {
        break;
      }
      w.step(r.first());
      m.update(w.observe());
      assertThat(w.steps()).isLessThan(200);
    }
    assertThat(House.step(w.agent(), w.facing())).isEqualTo(far.cell());
    assertThat(w.steps()).isGreaterThanOrEqualTo(optimistic);
    assertThat(w.steps()).isGreaterThanOrEqualTo(bfs(s, far.cell()));
  }
}
