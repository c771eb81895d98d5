package org.gyrus.agents.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WorldRulesTest {
  private static final House HOUSE = houseWithDoors();

  /** A generated house with four doors (so every test finds the door it needs). */
  private static House houseWithDoors() {
    for (int s = 1; ; s++) {
      House h = House.generate(new SplittableRandom(s));
      int doors = 0;
      for (int c = 0; c < House.CELLS; c++) {
        doors += h.cell(c) == House.Cell.DOOR ? 1 : 0;
      }
      if (doors == 4) {
        return h;
      }
    }
  }

  private static House.Furniture furniture(FurnitureType t) {
    return HOUSE.furniture().stream().filter(f -> f.type() == t).findFirst().orElseThrow();
  }

  /** A floor cell next to the furniture and the direction facing it. */
  private static int[] facingSpot(House.Furniture f) {
    for (int d = 0; d < 4; d++) {
      int n = House.step(f.cell(), d);
      if (HOUSE.cell(n) == House.Cell.FLOOR) {
        return new int[] {n, (d + 2) % 4};
      }
    }
    throw new AssertionError("no free side");
  }

  /** A world with the given items (type, furniture id, clean) and the agent placed. */
  private static World world(int cell, int facing, boolean doorsOpen, Object... items) {
    int n = items.length / 3;
    ItemType[] types = new ItemType[n];
    int[] at = new int[n];
    boolean[] clean = new boolean[n];
    for (int i = 0; i < n; i++) {
      types[i] = (ItemType) items[3 * i];
      at[i] = (Integer) items[3 * i + 1];
      clean[i] = (Boolean) items[3 * i + 2];
    }
    boolean[] open = new boolean[House.CELLS];
    for (int c = 0; c < House.CELLS; c++) {
      open[c] = doorsOpen && HOUSE.cell(c) == House.Cell.DOOR;
    }
    Task task = new Task(1, java.util.List.of(new Task.Goal(ItemType.MUG, null, false)));
    return new World(new Scenario(1, HOUSE, open, types, at, clean, cell, facing, task));
  }

  @Test
  void wallsAndFurnitureBlockAndOnlyTurn() {
    int corner = House.y0(0) * House.SIZE + House.x0(0); // the wall is west and north of it
    World w = world(corner, 2, true);
    assertThat(w.step(Action.WEST)).isTrue(); // turned
    assertThat(w.agent()).isEqualTo(corner);
    assertThat(w.facing()).isEqualTo(3);
    assertThat(w.step(Action.WEST)).isFalse(); // already facing the wall: nothing changes
    int centre = corner + 2 * House.SIZE + 2; // the 3x3 middle of a room is always floor
    World u = world(centre, 2, true);
    assertThat(u.step(Action.NORTH)).isTrue();
    assertThat(u.agent()).isEqualTo(centre - House.SIZE);
    int[] spot = facingSpot(furniture(FurnitureType.TABLE));
    World v = world(spot[0], spot[1], true);
    v.step(Action.move(spot[1]));
    assertThat(v.agent()).isEqualTo(spot[0]);
  }

  @Test
  void closedDoorsBlockUntilOpened() {
    int door = -1;
    int d = -1;
    for (int c = 0; c < House.CELLS && door < 0; c++) {
      if (HOUSE.cell(c) == House.Cell.DOOR) {
        for (int k = 0; k < 4; k++) {
          if (HOUSE.cell(House.step(c, k)) == House.Cell.FLOOR) {
            door = c;
            d = (k + 2) % 4; // from the floor cell, facing the door
          }
        }
      }
    }
    int before = House.step(door, (d + 2) % 4);
    int theDoor = door;
    World w = world(before, d, false);
    assertThat(w.passable(door)).isFalse();
    w.step(Action.move(d));
    assertThat(w.agent()).isEqualTo(before);
    assertThat(w.observe().cells()).noneMatch(v -> v.cell() == theDoor && v.open());
    assertThat(w.step(Action.OPEN)).isTrue();
    w.step(Action.move(d));
    assertThat(w.agent()).isEqualTo(theDoor);
    // from the doorway both rooms are in view
    assertThat(w.observe().cells()).hasSizeGreaterThan(2 * 36);
  }

  @Test
  void pickNeedsFacingAnOpenReceptacleAndFreeHands() {
    House.Furniture table = furniture(FurnitureType.TABLE);
    House.Furniture sofa = furniture(FurnitureType.SOFA);
    int[] spot = facingSpot(table);
    World w =
        world(
            spot[0],
            (spot[1] + 2) % 4,
            true,
            ItemType.BOOK,
            table.id(),
            true,
            ItemType.KEYS,
            sofa.id(),
            true);
    assertThat(w.step(Action.PICK)).isFalse(); // back to the table
    w.step(Action.move(spot[1])); // turn to it
    assertThat(w.step(Action.PICK)).isTrue();
    assertThat(w.held()).isEqualTo(0);
    assertThat(w.itemAt(0)).isEqualTo(World.HELD);
    int[] s2 = facingSpot(sofa);
    World v =
        world(s2[0], s2[1], true, ItemType.BOOK, table.id(), true, ItemType.KEYS, sofa.id(), true);
    assertThat(v.step(Action.PICK)).isTrue();
    assertThat(v.step(Action.PICK)).isFalse(); // hands full
    assertThat(v.step(Action.PLACE)).isTrue();
    assertThat(v.itemAt(1)).isEqualTo(sofa.id());
  }

  @Test
  void containersHideAndGuardTheirContents() {
    House.Furniture fridge = furniture(FurnitureType.FRIDGE);
    int[] spot = facingSpot(fridge);
    World w = world(spot[0], spot[1], true, ItemType.APPLE, fridge.id(), true);
    assertThat(w.observe().contents()).noneMatch(c -> c.furniture() == fridge.id());
    assertThat(w.observeAll().contents()).anyMatch(c -> c.furniture() == fridge.id());
    assertThat(w.step(Action.PICK)).isFalse();
    assertThat(w.step(Action.OPEN)).isTrue();
    assertThat(w.observe().contents())
        .anyMatch(c -> c.furniture() == fridge.id() && c.items().size() == 1);
    assertThat(w.step(Action.PICK)).isTrue();
    assertThat(w.step(Action.CLOSE)).isTrue();
    assertThat(w.step(Action.PLACE)).isFalse(); // closed again
  }

  @Test
  void cleaningNeedsASinkAndPlacingAnEmptySpot() {
    House.Furniture sink = furniture(FurnitureType.SINK);
    House.Furniture table = furniture(FurnitureType.TABLE);
    int[] atTable = facingSpot(table);
    World w = world(atTable[0], atTable[1], true, ItemType.MUG, table.id(), false);
    w.step(Action.PICK);
    assertThat(w.step(Action.CLEAN)).isFalse(); // a table is no sink
    assertThat(w.itemClean(0)).isFalse();
    int[] atSink = facingSpot(sink);
    World v =
        world(
            atSink[0],
            atSink[1],
            true,
            ItemType.MUG,
            sink.id(),
            false,
            ItemType.PLATE,
            table.id(),
            false);
    v.step(Action.PICK);
    assertThat(v.step(Action.CLEAN)).isTrue();
    assertThat(v.itemClean(0)).isTrue();
    assertThat(v.step(Action.CLEAN)).isFalse(); // already clean
    v.moveItem(1, sink.id());
    assertThat(v.step(Action.PLACE)).isFalse(); // the sink is taken now
  }

  @Test
  void theAgentSeesOnlyItsRoom() {
    int cell = (House.y0(3) + 2) * House.SIZE + House.x0(3) + 2;
    World w = world(cell, 0, true);
    assertThat(w.observe().cells()).allMatch(v -> House.inRoomBox(v.cell(), 3));
    assertThat(w.observe().cells()).hasSize(49);
  }

  @Test
  void theAgentNeverStartsWalledInByFurniture() {
    for (int seed = 1; seed <= 300; seed++) {
      Scenario s = Scenario.generate(seed, 1 + seed % Scenario.MAX_LEVEL);
      boolean free = false;
      for (int d = 0; d < 4; d++) {
        free |= s.house().cell(House.step(s.agentCell(), d)) == House.Cell.FLOOR;
      }
      assertThat(free).as("%s", s).isTrue();
    }
  }

  @Test
  void goalsNeedTheRightTypeStateAndPlace() {
    Scenario s = Scenario.generate(3, 4);
    World w = new World(s);
    assertThat(w.solved()).isFalse();
    Task.Goal g = s.task().goals().get(0);
    assertThat(g.clean()).isTrue();
    for (int i = 0; i < s.items(); i++) {
      if (s.itemTypes()[i] == g.type()) {
        assertThat(s.itemClean()[i]).as("level 4 starts every goal-type item dirty").isFalse();
      }
    }
  }
}
