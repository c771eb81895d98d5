package org.gyrus.logic.ilp.trains;

import java.util.Map;

/**
 * One car of a Michalski train: the 8 attributes of {@code MichalskiTrains.txt} (position, shape,
 * length, double, roof, wheels, load count, load shape). V-LoL's colour and wall attributes are
 * functions of these in V-LoL's generator ({@code raw/train_generator.pl}: {@code car_color} from
 * the shape, {@code braced_wall} = double, {@code has_payload} from the load shape), so they are
 * derived here the same way.
 */
public record Car(
    int index,
    String shape,
    String length,
    String doubled,
    String roof,
    int wheels,
    int loadNum,
    String loadShape) {

  /** V-LoL: ellipse grey, hexagon red, rectangle yellow, u_shaped blue, bucket green. */
  static final Map<String, String> COLOR =
      Map.of(
          "ellipse", "grey",
          "hexagon", "red",
          "rectangle", "yellow",
          "u_shaped", "blue",
          "bucket", "green");

  /** V-LoL's payload objects for the load shapes. */
  static final Map<String, String> PAYLOAD =
      Map.of(
          "rectangle", "box",
          "triangle", "golden_vase",
          "circle", "barrel",
          "diamond", "diamond",
          "hexagon", "metal_pot",
          "utriangle", "oval_vase");

  public String color() {
    return COLOR.get(shape);
  }

  public boolean bracedWall() {
    return doubled.equals("double");
  }

  public boolean closed() {
    return !roof.equals("none");
  }

  public boolean isShort() {
    return length.equals("short");
  }

  /** The 8 tokens of the text format. */
  public String toText() {
    return index + " " + shape + " " + length + " " + doubled + " " + roof + " " + wheels + " "
        + loadNum + " " + loadShape;
  }
}
