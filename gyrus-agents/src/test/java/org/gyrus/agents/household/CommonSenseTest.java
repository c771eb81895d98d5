package org.gyrus.agents.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The knowledge base's conclusions on hand-made maps. */
class CommonSenseTest {
  // room 0 cells, furniture on the ring: ids 0 cabinet (closed), 1 table, 2 sink
  private static final int AGENT = (House.y0(0) + 2) * House.SIZE + House.x0(0) + 2;
  private static final int CABINET = (House.y0(0) + 1) * House.SIZE + House.x0(0);
  private static final int TABLE = (House.y0(0) + 2) * House.SIZE + House.x0(0);
  private static final int SINK = (House.y0(0) + 3) * House.SIZE + House.x0(0);

  /** A map of room 0 with the given items seen (type, furniture id, clean). */
  private static SemanticMap map(boolean cabinetOpen, Object... items) {
    return roomMap(true, cabinetOpen, items);
  }

  private static SemanticMap roomMap(boolean withSink, boolean cabinetOpen, Object... items) {
    List<Observation.CellView> cells = new ArrayList<>();
    cells.add(new Observation.CellView(AGENT, House.Cell.FLOOR, -1, null, false));
    cells.add(
        new Observation.CellView(
            CABINET, House.Cell.FURNITURE, 0, FurnitureType.CABINET, cabinetOpen));
    cells.add(new Observation.CellView(TABLE, House.Cell.FURNITURE, 1, FurnitureType.TABLE, true));
    if (withSink) {
      cells.add(new Observation.CellView(SINK, House.Cell.FURNITURE, 2, FurnitureType.SINK, true));
    }
    List<List<Observation.ItemView>> on =
        List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < items.length / 3; i++) {
      on.get((Integer) items[3 * i + 1])
          .add(new Observation.ItemView(i, (ItemType) items[3 * i], (Boolean) items[3 * i + 2]));
    }
    List<Observation.ContentView> contents = new ArrayList<>();
    for (int f = cabinetOpen ? 0 : 1; f < (withSink ? 3 : 2); f++) {
      contents.add(new Observation.ContentView(f, on.get(f)));
    }
    SemanticMap m = new SemanticMap();
    m.update(new Observation(AGENT, 0, -1, null, false, cells, contents));
    return m;
  }

  private static Task cleanMugInCabinet() {
    return new Task(4, List.of(new Task.Goal(ItemType.MUG, FurnitureType.CABINET, true)));
  }

  @Test
  void aMissingItemIsLookedForAtLikelyUnsearchedPlacesButNotItsGoalReceptacle() {
    // nothing seen on the table or in the sink; the cabinet is closed (unsearched) but is the goal
    CommonSense.Beliefs b = CommonSense.infer(map(false), cleanMugInCabinet());
    assertThat(b.candidates()).isEmpty();
    assertThat(b.search()).isEmpty(); // table and sink were seen empty, the cabinet is the target
    assertThat(b.explore()).containsExactly(0); // so look in other rooms
    assertThat(b.subgoals())
        .containsExactlyInAnyOrder(
            "g0 find mug", "g0 pick mug", "g0 wash mug", "g0 open cabinet", "g0 place cabinet");
    // for an apple the closed cabinet is an unsearched place, though not a likely one
    Task apple = new Task(2, List.of(new Task.Goal(ItemType.APPLE, FurnitureType.TABLE, false)));
    CommonSense.Beliefs a = CommonSense.infer(map(false), apple);
    assertThat(a.search()).isEqualTo(Map.of(0, Map.of(0, 2)));
    assertThat(a.explore()).containsExactly(0); // no likely spot known: explore first
    Task plate = new Task(2, List.of(new Task.Goal(ItemType.PLATE, FurnitureType.TABLE, false)));
    assertThat(CommonSense.infer(map(false), plate).search()).isEqualTo(Map.of(0, Map.of(0, 1)));
  }

  @Test
  void aSeenDirtyMugNeedsWashingAndTheClosedCabinetOpening() {
    CommonSense.Beliefs b =
        CommonSense.infer(map(false, ItemType.MUG, 1, false), cleanMugInCabinet());
    assertThat(b.candidates()).isEqualTo(Map.of(0, List.of(0)));
    assertThat(b.dirty()).containsExactly(0);
    assertThat(b.explore()).isEmpty();
    assertThat(b.subgoals())
        .containsExactlyInAnyOrder(
            "g0 pick mug", "g0 wash mug", "g0 open cabinet", "g0 place cabinet");
    assertThat(b.accessible()).containsExactlyInAnyOrder(1, 2);
    assertThat(b.containers()).containsExactly(0);
    assertThat(b.sinks()).containsExactly(2);
  }

  @Test
  void washingWithNoSinkKnownMeansExploringFirst() {
    CommonSense.Beliefs b =
        CommonSense.infer(roomMap(false, false, ItemType.MUG, 1, false), cleanMugInCabinet());
    assertThat(b.sinks()).isEmpty();
    assertThat(b.explore()).containsExactly(0);
    CommonSense.Beliefs clean =
        CommonSense.infer(roomMap(false, false, ItemType.MUG, 1, true), cleanMugInCabinet());
    assertThat(clean.explore()).isEmpty(); // a clean mug needs no sink
  }

  @Test
  void aCleanMugAndAnOpenCabinetLeavePickAndPlace() {
    CommonSense.Beliefs b =
        CommonSense.infer(map(true, ItemType.MUG, 2, true), cleanMugInCabinet());
    assertThat(b.subgoals()).containsExactlyInAnyOrder("g0 pick mug", "g0 place cabinet");
    assertThat(b.accessible()).containsExactlyInAnyOrder(0, 1, 2);
  }

  @Test
  void anUnknownReceptacleMeansExploring() {
    Task fridge = new Task(3, List.of(new Task.Goal(ItemType.MUG, FurnitureType.FRIDGE, false)));
    CommonSense.Beliefs b = CommonSense.infer(map(false, ItemType.MUG, 1, true), fridge);
    assertThat(b.explore()).containsExactly(0);
    assertThat(b.subgoals()).contains("g0 find fridge", "g0 open fridge");
  }

  @Test
  void theOrderedPlanWashesBeforePlacingAndOpensTheCabinet() {
    SemanticMap m = map(false, ItemType.MUG, 1, false);
    CommonSense.Beliefs b = CommonSense.infer(m, cleanMugInCabinet());
    SubgoalPlanner.Plan p =
        SubgoalPlanner.plan(m, cleanMugInCabinet(), b, SubgoalPlanner.Mode.OPTIMAL);
    List<String> ops = p.steps().stream().map(SubgoalPlanner.Step::op).toList();
    assertThat(ops).containsSubsequence("pick", "wash", "place");
    assertThat(ops).contains("open");
    assertThat(ops.indexOf("open")).isLessThan(ops.indexOf("place"));
    assertThat(p.steps().get(ops.indexOf("wash")).place()).isEqualTo(2);
  }
}
