package org.gyrus.logic.ilp.trains;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded generator of random trains with the attribute distributions of Muggleton's generator as
 * V-LoL uses it ({@code raw/train_generator.pl} of ml-research/vlol-dataset-gen):
 *
 * <ul>
 *   <li>cars: 2, 3, 4 with probability 0.3, 0.3, 0.4; each short 0.7, long 0.3;
 *   <li>shape: long cars rectangle; short cars ellipse .048, hexagon .048, rectangle .524, u_shaped
 *       .190, bucket .190;
 *   <li>double: short rectangles double with .27, every other car not_double;
 *   <li>roof: short ellipse arc, short hexagon flat, other short cars none .842 / flat .105 /
 *       peaked .053, long cars none .333 / flat .444 / jagged .223;
 *   <li>wheels: short 2; long 2 (.56) or 3 (.44);
 *   <li>load: short cars circle .381 / diamond .048 / rectangle .190 / triangle .381, 1 load (.952)
 *       or 2; long cars circle .125 / hexagon .125 / rectangle .625 / utriangle .125, 0, 1, 2, 3
 *       loads with .11, .55, .11, .23.
 * </ul>
 *
 * Colour and wall follow from shape and double as in V-LoL ({@link Car#color()}). Trains carry no
 * direction; a rule labels them.
 */
public final class TrainGenerator {
  private static final String[] SHORT_SHAPES = {
    "ellipse", "hexagon", "rectangle", "u_shaped", "bucket"
  };
  private static final double[] SHORT_SHAPE_P = {0.048, 0.048, 0.524, 0.190, 0.190};
  private static final String[] ROOFS = {"none", "flat", "jagged", "peaked", "arc"};
  private static final double[] SHORT_ROOF_P = {0.842, 0.105, 0, 0.053, 0};
  private static final double[] LONG_ROOF_P = {0.333, 0.444, 0.223, 0, 0};
  private static final String[] LOADS = {
    "circle", "diamond", "hexagon", "rectangle", "triangle", "utriangle"
  };
  private static final double[] SHORT_LOAD_P = {0.381, 0.048, 0, 0.190, 0.381, 0};
  private static final double[] LONG_LOAD_P = {0.125, 0, 0.125, 0.625, 0, 0.125};

  private final SplittableRandom rnd;

  public TrainGenerator(long seed) {
    this.rnd = new SplittableRandom(seed);
  }

  public Train next() {
    int n = 1 + pick(new double[] {0, 0.3, 0.3, 0.4});
    List<Car> cars = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      cars.add(car(i));
    }
    return new Train(cars, null);
  }

  private Car car(int index) {
    boolean isShort = pick(new double[] {0.7, 0.3}) == 0;
    String shape = isShort ? SHORT_SHAPES[pick(SHORT_SHAPE_P)] : "rectangle";
    String dbl =
        isShort && shape.equals("rectangle") && pick(new double[] {0.73, 0.27}) == 1
            ? "double"
            : "not_double";
    String roof;
    if (isShort && shape.equals("ellipse")) {
      roof = "arc";
    } else if (isShort && shape.equals("hexagon")) {
      roof = "flat";
    } else {
      roof = ROOFS[pick(isShort ? SHORT_ROOF_P : LONG_ROOF_P)];
    }
    int wheels = isShort ? 2 : 2 + pick(new double[] {0.56, 0.44});
    String load = LOADS[pick(isShort ? SHORT_LOAD_P : LONG_LOAD_P)];
    int loads =
        isShort
            ? 1 + pick(new double[] {0.952, 0.048})
            : pick(new double[] {0.11, 0.55, 0.11, 0.23});
    return new Car(index, shape, isShort ? "short" : "long", dbl, roof, wheels, loads, load);
  }

  /** An index drawn from a discrete distribution (the last one takes any rounding remainder). */
  private int pick(double[] p) {
    double r = rnd.nextDouble();
    double cum = 0;
    for (int i = 0; i < p.length - 1; i++) {
      cum += p[i];
      if (r < cum) {
        return i;
      }
    }
    return p.length - 1;
  }
}
