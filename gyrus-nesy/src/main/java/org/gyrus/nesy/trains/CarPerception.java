package org.gyrus.nesy.trains;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gyrus.logic.ilp.trains.Car;

/**
 * What a perception module sees of a car, and what it must recognise.
 *
 * <p><b>Raw encoding</b> (10 numbers per car, seeded, drawn from the attributes {@link
 * org.gyrus.logic.ilp.trains.TrainGenerator} draws; σ is the noise level, N a standard normal):
 *
 * <ul>
 *   <li>0: length, 0 short / 1 long, + σN;
 *   <li>1–3: colour as RGB (blue 0,0,1; green 0,1,0; grey .5,.5,.5; red 1,0,0; yellow 1,1,0) + σN
 *       each — colour is V-LoL's function of the car's shape;
 *   <li>4–5: roof as a 2-d point (none 0,0; flat 1,0; jagged 0,1; peaked −1,0; arc 0,−1) + σN;
 *   <li>6: wall, 0 solid / 1 braced (double), + σN;
 *   <li>7–9: load shape as a 3-d point (circle +x, diamond −x, hexagon +y, rectangle −y, triangle
 *       +z, utriangle −z; no load 0,0,0) + σN.
 * </ul>
 *
 * A car's position, wheel count and load count stay symbolic (exact), as in V-LoL's perception
 * setting where only the visual attributes are perceived.
 *
 * <p><b>Slots</b>: the categorical attributes the learner's unary predicates read ({@link Slot}); a
 * perception net outputs one distribution per slot.
 */
public final class CarPerception {
  public static final int DIM = 10;

  /** A perceived attribute with its values; {@code offset} is its first logit / literal. */
  public enum Slot {
    LENGTH(0, "short", "long"),
    COLOR(2, "blue", "green", "grey", "red", "yellow"),
    ROOF(7, "open", "closed"),
    WALL(9, "solid", "braced"),
    LOAD(11, "circle", "diamond", "hexagon", "rectangle", "triangle", "utriangle");

    public final int offset;
    public final List<String> values;

    Slot(int offset, String... values) {
      this.offset = offset;
      this.values = List.of(values);
    }

    public int size() {
      return values.size();
    }
  }

  /** Logits / literals per car: the slots' values side by side. */
  public static final int OUTPUTS = 17;

  static final Map<String, double[]> RGB =
      Map.of(
          "blue", new double[] {0, 0, 1},
          "green", new double[] {0, 1, 0},
          "grey", new double[] {.5, .5, .5},
          "red", new double[] {1, 0, 0},
          "yellow", new double[] {1, 1, 0});
  static final Map<String, double[]> ROOF_XY =
      Map.of(
          "none", new double[] {0, 0},
          "flat", new double[] {1, 0},
          "jagged", new double[] {0, 1},
          "peaked", new double[] {-1, 0},
          "arc", new double[] {0, -1});
  static final Map<String, String> SHAPE_OF_COLOR =
      Map.of(
          "grey", "ellipse",
          "red", "hexagon",
          "yellow", "rectangle",
          "blue", "u_shaped",
          "green", "bucket");

  private CarPerception() {}

  /** The raw, noisy encoding of a car (see the class comment). */
  public static double[] encode(Car c, double sigma, SplittableRandom rnd) {
    double[] x = new double[DIM];
    x[0] = c.isShort() ? 0 : 1;
    System.arraycopy(RGB.get(c.color()), 0, x, 1, 3);
    System.arraycopy(ROOF_XY.get(c.roof()), 0, x, 4, 2);
    x[6] = c.bracedWall() ? 1 : 0;
    if (c.loadNum() >= 1) {
      int k = Slot.LOAD.values.indexOf(c.loadShape());
      x[7 + k / 2] = k % 2 == 0 ? 1 : -1;
    }
    for (int i = 0; i < DIM; i++) {
      x[i] += sigma * gaussian(rnd);
    }
    return x;
  }

  static double gaussian(SplittableRandom rnd) {
    double u = 1 - rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
  }

  /** The gold value index of a slot for a car; -1 for the load shape of an empty car. */
  public static int gold(Car c, Slot s) {
    return switch (s) {
      case LENGTH -> c.isShort() ? 0 : 1;
      case COLOR -> s.values.indexOf(c.color());
      case ROOF -> c.closed() ? 1 : 0;
      case WALL -> c.bracedWall() ? 1 : 0;
      case LOAD -> c.loadNum() >= 1 ? s.values.indexOf(c.loadShape()) : -1;
    };
  }

  /**
   * The car as perceived: the given value index per slot, the symbolic attributes kept. A closed
   * roof is written flat (the learner's vocabulary only distinguishes open from closed).
   */
  public static Car perceived(Car c, int[] valueOf) {
    String color = Slot.COLOR.values.get(valueOf[Slot.COLOR.ordinal()]);
    return new Car(
        c.index(),
        SHAPE_OF_COLOR.get(color),
        valueOf[Slot.LENGTH.ordinal()] == 0 ? "short" : "long",
        valueOf[Slot.WALL.ordinal()] == 1 ? "double" : "not_double",
        valueOf[Slot.ROOF.ordinal()] == 1 ? "flat" : "none",
        c.wheels(),
        c.loadNum(),
        c.loadNum() >= 1 ? Slot.LOAD.values.get(valueOf[Slot.LOAD.ordinal()]) : c.loadShape());
  }
}
