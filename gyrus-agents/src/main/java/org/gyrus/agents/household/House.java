package org.gyrus.agents.household;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A house's fixed layout: a 2x2 block of square rooms (interior {@link #ROOM} cells) separated by
 * walls with doors between some neighbouring rooms, and furniture against the walls. Cells are
 * numbered {@code y * SIZE + x}.
 */
public final class House {
  public static final int ROOM = 5;
  public static final int SIZE = 2 * ROOM + 3;
  public static final int CELLS = SIZE * SIZE;
  public static final int[] DX = {0, 1, 0, -1};
  public static final int[] DY = {-1, 0, 1, 0};

  /** What a cell is. */
  public enum Cell {
    FLOOR,
    WALL,
    DOOR,
    FURNITURE
  }

  /** One piece of furniture. */
  public record Furniture(int id, FurnitureType type, int cell, int room) {}

  private final Cell[] cells;
  private final int[] furnitureAt;
  private final List<Furniture> furniture;
  private final RoomType[] roomTypes;

  House(Cell[] cells, int[] furnitureAt, List<Furniture> furniture, RoomType[] roomTypes) {
    this.cells = cells;
    this.furnitureAt = furnitureAt;
    this.furniture = List.copyOf(furniture);
    this.roomTypes = roomTypes;
  }

  public Cell cell(int c) {
    return cells[c];
  }

  /** The furniture id standing on cell {@code c}, or -1. */
  public int furnitureAt(int c) {
    return furnitureAt[c];
  }

  public List<Furniture> furniture() {
    return furniture;
  }

  public RoomType roomType(int room) {
    return roomTypes[room];
  }

  public static int x0(int room) {
    return 1 + (room % 2) * (ROOM + 1);
  }

  public static int y0(int room) {
    return 1 + (room / 2) * (ROOM + 1);
  }

  /** The room whose interior holds the cell, -1 for walls and doors. */
  public static int roomOf(int c) {
    int x = c % SIZE;
    int y = c / SIZE;
    for (int r = 0; r < 4; r++) {
      if (x >= x0(r) && x < x0(r) + ROOM && y >= y0(r) && y < y0(r) + ROOM) {
        return r;
      }
    }
    return -1;
  }

  /** Rooms seen from a cell: its room, or both rooms a door joins. */
  public static List<Integer> roomsSeenFrom(int c) {
    int x = c % SIZE;
    int y = c / SIZE;
    List<Integer> out = new ArrayList<>();
    for (int r = 0; r < 4; r++) {
      if (x >= x0(r) - 1 && x <= x0(r) + ROOM && y >= y0(r) - 1 && y <= y0(r) + ROOM) {
        out.add(r);
      }
    }
    return roomOf(c) >= 0 ? List.of(roomOf(c)) : out;
  }

  /** Whether the cell lies in the room's interior or its bounding walls. */
  public static boolean inRoomBox(int c, int room) {
    int x = c % SIZE;
    int y = c / SIZE;
    return x >= x0(room) - 1 && x <= x0(room) + ROOM && y >= y0(room) - 1 && y <= y0(room) + ROOM;
  }

  /** The neighbour of {@code c} in direction {@code d}, or -1 off the grid. */
  public static int step(int c, int d) {
    int x = c % SIZE + DX[d];
    int y = c / SIZE + DY[d];
    return x < 0 || y < 0 || x >= SIZE || y >= SIZE ? -1 : y * SIZE + x;
  }

  public static int manhattan(int a, int b) {
    return Math.abs(a % SIZE - b % SIZE) + Math.abs(a / SIZE - b / SIZE);
  }

  /** A random house: room types shuffled, three or four doors, furniture along the walls. */
  public static House generate(SplittableRandom rnd) {
    Cell[] cells = new Cell[CELLS];
    java.util.Arrays.fill(cells, Cell.WALL);
    for (int c = 0; c < CELLS; c++) {
      if (roomOf(c) >= 0) {
        cells[c] = Cell.FLOOR;
      }
    }
    RoomType[] types = RoomType.values().clone();
    for (int i = types.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      RoomType t = types[i];
      types[i] = types[j];
      types[j] = t;
    }
    int[][] pairs = {{0, 1}, {2, 3}, {0, 2}, {1, 3}};
    int skip = rnd.nextBoolean() ? rnd.nextInt(4) : -1;
    for (int p = 0; p < 4; p++) {
      if (p != skip) {
        cells[doorCell(pairs[p][0], pairs[p][1], 1 + rnd.nextInt(ROOM - 2))] = Cell.DOOR;
      }
    }
    int[] furnitureAt = new int[CELLS];
    java.util.Arrays.fill(furnitureAt, -1);
    List<Furniture> furniture = new ArrayList<>();
    for (int r = 0; r < 4; r++) {
      List<Integer> spots = furnitureSpots(cells, r);
      for (FurnitureType t : types[r].furniture) {
        int c = spots.remove(rnd.nextInt(spots.size()));
        cells[c] = Cell.FURNITURE;
        furnitureAt[c] = furniture.size();
        furniture.add(new Furniture(furniture.size(), t, c, r));
      }
    }
    return new House(cells, furnitureAt, furniture, types);
  }

  /** The door between rooms a and b (b right of or below a) at interior offset {@code off}. */
  static int doorCell(int a, int b, int off) {
    if (b == a + 1) {
      return (y0(a) + off) * SIZE + x0(a) + ROOM;
    }
    return (y0(a) + ROOM) * SIZE + x0(a) + off;
  }

  /** Interior cells against a wall, not in a corner, not next to a door. */
  private static List<Integer> furnitureSpots(Cell[] cells, int room) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < ROOM; i++) {
      for (int j = 0; j < ROOM; j++) {
        boolean ring = i == 0 || j == 0 || i == ROOM - 1 || j == ROOM - 1;
        boolean corner = (i == 0 || i == ROOM - 1) && (j == 0 || j == ROOM - 1);
        if (!ring || corner) {
          continue;
        }
        int c = (y0(room) + j) * SIZE + x0(room) + i;
        boolean nearDoor = false;
        for (int d = 0; d < 4; d++) {
          int n = step(c, d);
          nearDoor |= n >= 0 && cells[n] == Cell.DOOR;
        }
        if (!nearDoor) {
          out.add(c);
        }
      }
    }
    return out;
  }
}
