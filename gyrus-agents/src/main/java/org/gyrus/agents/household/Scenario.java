package org.gyrus.agents.household;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded episode: the house, where the items start (at most one per piece of furniture), which
 * doors are closed, where the agent starts, and the task of the given level.
 */
public record Scenario(
    long seed,
    House house,
    boolean[] doorOpen,
    ItemType[] itemTypes,
    int[] itemFurniture,
    boolean[] itemClean,
    int agentCell,
    int agentFacing,
    Task task) {

  /**
   * Where items usually are: the generator follows it with probability {@link #PRIOR_ADHERENCE}.
   */
  public static final Map<ItemType, List<FurnitureType>> LIKELY =
      Map.of(
          ItemType.MUG, List.of(FurnitureType.CABINET, FurnitureType.SINK, FurnitureType.TABLE),
          ItemType.PLATE, List.of(FurnitureType.CABINET, FurnitureType.SINK, FurnitureType.COUNTER),
          ItemType.TOWEL, List.of(FurnitureType.SHELF, FurnitureType.DRAWER),
          ItemType.APPLE, List.of(FurnitureType.FRIDGE, FurnitureType.COUNTER, FurnitureType.TABLE),
          ItemType.BOOK, List.of(FurnitureType.SHELF, FurnitureType.DESK, FurnitureType.SOFA),
          ItemType.KEYS, List.of(FurnitureType.DRAWER, FurnitureType.DESK, FurnitureType.TABLE));

  public static final double PRIOR_ADHERENCE = 0.8;
  public static final int MAX_LEVEL = 5;

  /** The scenario of a seed and level; the same pair always gives the same episode. */
  public static Scenario generate(long seed, int level) {
    if (level < 1 || level > MAX_LEVEL) {
      throw new IllegalArgumentException(
          "household: level must be 1.." + MAX_LEVEL + ", got " + level);
    }
    SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + level);
    for (int attempt = 0; ; attempt++) {
      Scenario s = attempt(seed, level, rnd);
      if (s != null) {
        return s;
      }
    }
  }

  private static Scenario attempt(long seed, int level, SplittableRandom rnd) {
    House house = House.generate(rnd);
    boolean[] doorOpen = new boolean[House.CELLS];
    for (int c = 0; c < House.CELLS; c++) {
      doorOpen[c] = house.cell(c) == House.Cell.DOOR && rnd.nextDouble() >= 0.4;
    }
    int n = 5 + rnd.nextInt(3);
    ItemType[] types = new ItemType[n];
    int[] where = new int[n];
    boolean[] clean = new boolean[n];
    boolean[] used = new boolean[house.furniture().size()];
    for (int i = 0; i < n; i++) {
      types[i] = ItemType.values()[rnd.nextInt(ItemType.values().length)];
      where[i] = placement(house, types[i], used, rnd);
      used[where[i]] = true;
      clean[i] = !types[i].cleanable || rnd.nextBoolean();
    }
    Task task = task(level, house, types, where, clean, used, rnd);
    if (task == null) {
      return null;
    }
    int start;
    do {
      start = rnd.nextInt(House.CELLS);
    } while (house.cell(start) != House.Cell.FLOOR
        || House.roomOf(start) < 0
        || enclosed(house, start));
    return new Scenario(seed, house, doorOpen, types, where, clean, start, rnd.nextInt(4), task);
  }

  /** A corner cell walled in by furniture on both open sides: no start there. */
  private static boolean enclosed(House house, int c) {
    for (int d = 0; d < 4; d++) {
      int n = House.step(c, d);
      if (n >= 0 && house.cell(n) == House.Cell.FLOOR) {
        return false;
      }
    }
    return true;
  }

  private static int placement(House house, ItemType t, boolean[] used, SplittableRandom rnd) {
    List<Integer> likely = new ArrayList<>();
    List<Integer> any = new ArrayList<>();
    for (House.Furniture f : house.furniture()) {
      if (!used[f.id()]) {
        any.add(f.id());
        if (LIKELY.get(t).contains(f.type())) {
          likely.add(f.id());
        }
      }
    }
    List<Integer> from = !likely.isEmpty() && rnd.nextDouble() < PRIOR_ADHERENCE ? likely : any;
    return from.get(rnd.nextInt(from.size()));
  }

  /** The task of a level, or null when this house and these items do not allow one. */
  private static Task task(
      int level,
      House house,
      ItemType[] types,
      int[] where,
      boolean[] clean,
      boolean[] used,
      SplittableRandom rnd) {
    List<Task.Goal> goals = new ArrayList<>();
    if (level == 1) {
      goals.add(new Task.Goal(types[rnd.nextInt(types.length)], null, false));
      return new Task(level, goals);
    }
    boolean cleanGoal = level >= 4;
    boolean container = level >= 3;
    Task.Goal g = putGoal(house, types, used, cleanGoal, container, null, rnd);
    if (g == null) {
      return null;
    }
    goals.add(g);
    if (level == 5) {
      Task.Goal second = putGoal(house, types, used, false, rnd.nextBoolean(), g, rnd);
      if (second == null) {
        return null;
      }
      goals.add(second);
    }
    if (cleanGoal) {
      for (int i = 0; i < types.length; i++) {
        clean[i] &= types[i] != g.type();
      }
    }
    return new Task(level, goals);
  }

  /** A goal putting an item present in the house onto empty furniture of a unique type. */
  private static Task.Goal putGoal(
      House house,
      ItemType[] types,
      boolean[] used,
      boolean cleanGoal,
      boolean container,
      Task.Goal other,
      SplittableRandom rnd) {
    List<ItemType> items = new ArrayList<>();
    for (ItemType t : types) {
      if ((!cleanGoal || t.cleanable) && (other == null || t != other.type())) {
        items.add(t);
      }
    }
    List<FurnitureType> receptacles = new ArrayList<>();
    for (House.Furniture f : house.furniture()) {
      boolean unique = house.furniture().stream().filter(h -> h.type() == f.type()).count() == 1;
      if (unique
          && !used[f.id()]
          && f.type().openable == container
          && (other == null || f.type() != other.receptacle())) {
        receptacles.add(f.type());
      }
    }
    if (items.isEmpty() || receptacles.isEmpty()) {
      return null;
    }
    return new Task.Goal(
        items.get(rnd.nextInt(items.size())),
        receptacles.get(rnd.nextInt(receptacles.size())),
        cleanGoal);
  }

  /** The number of items. */
  public int items() {
    return itemTypes.length;
  }

  @Override
  public String toString() {
    return "scenario seed "
        + seed
        + " level "
        + task.level()
        + ": "
        + task.text()
        + " "
        + Arrays.toString(itemTypes);
  }
}
