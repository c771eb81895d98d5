package org.gyrus.logic.ilp.trains;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gyrus.core.SpecError;

/**
 * Reads V-LoL's {@code MichalskiTrains.txt}: one train a line, its direction then 8 tokens per car
 * ({@code index shape length double roof wheels load_num load_shape}); a newer V-LoL format puts
 * the train's angle after the direction, which is skipped. Errors name file:line and the field.
 */
public final class MichalskiTrains {
  static final Set<String> SHAPES = Set.of("ellipse", "hexagon", "rectangle", "u_shaped", "bucket");
  static final Set<String> LENGTHS = Set.of("short", "long");
  static final Set<String> DOUBLES = Set.of("double", "not_double");
  static final Set<String> ROOFS = Set.of("none", "flat", "jagged", "peaked", "arc");
  static final Set<String> LOADS =
      Set.of("circle", "diamond", "hexagon", "rectangle", "triangle", "utriangle");

  private MichalskiTrains() {}

  public static List<Train> read(Path path) {
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SpecError(path.toString(), "a readable trains file", e.toString());
    }
    List<Train> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        out.add(parse(lines.get(i), path + ":" + (i + 1)));
      }
    }
    return out;
  }

  /** One line; {@code where} names it in errors. */
  public static Train parse(String line, String where) {
    String[] tok = line.trim().split("\\s+");
    String dir = tok[0];
    if (!Set.of("east", "west", "none").contains(dir)) {
      throw new SpecError(where, "east, west or none first", "'" + dir + "'");
    }
    int start = (tok.length - 1) % 8 == 1 ? 2 : 1; // V-LoL's later format: an angle after it
    if ((tok.length - start) % 8 != 0 || tok.length - start == 0) {
      throw new SpecError(
          where, "8 tokens per car after the direction", (tok.length - 1) + " tokens");
    }
    List<Car> cars = new ArrayList<>();
    for (int k = start; k < tok.length; k += 8) {
      int n = (k - start) / 8 + 1;
      String at = where + ": car " + n;
      cars.add(
          new Car(
              integer(tok[k], at + " index", n, n),
              member(tok[k + 1], SHAPES, at + " shape"),
              member(tok[k + 2], LENGTHS, at + " length"),
              member(tok[k + 3], DOUBLES, at + " double"),
              member(tok[k + 4], ROOFS, at + " roof"),
              integer(tok[k + 5], at + " wheels", 2, 3),
              integer(tok[k + 6], at + " load count", 0, 3),
              member(tok[k + 7], LOADS, at + " load shape")));
    }
    return new Train(cars, dir.equals("none") ? null : dir);
  }

  private static String member(String s, Set<String> allowed, String where) {
    if (!allowed.contains(s)) {
      throw new SpecError(where, "one of " + new java.util.TreeSet<>(allowed), "'" + s + "'");
    }
    return s;
  }

  private static int integer(String s, String where, int lo, int hi) {
    try {
      int v = Integer.parseInt(s);
      if (v >= lo && v <= hi) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new SpecError(where, "an integer in " + lo + ".." + hi, "'" + s + "'");
  }
}
