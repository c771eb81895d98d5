package org.gyrus.agents.goals;

import java.util.List;

/** The blocks a scene can hold: one block per colour, named by its colour. */
public final class Palette {
  private Palette() {}

  private static final List<String> NAMES =
      List.of("red", "green", "blue", "yellow", "cyan", "magenta", "orange", "black");

  private static final float[][] RGB = {
    {0.90f, 0.10f, 0.10f},
    {0.10f, 0.70f, 0.15f},
    {0.15f, 0.25f, 0.95f},
    {0.95f, 0.90f, 0.10f},
    {0.10f, 0.85f, 0.90f},
    {0.90f, 0.15f, 0.85f},
    {1.00f, 0.55f, 0.00f},
    {0.05f, 0.05f, 0.05f}
  };

  public static int size() {
    return NAMES.size();
  }

  public static String name(int b) {
    return NAMES.get(b);
  }

  /** The palette index of a block name, or -1. */
  public static int index(String name) {
    return NAMES.indexOf(name);
  }

  static float[] rgb(int b) {
    return RGB[b];
  }
}
