package org.gyrus.nn.explain;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A part-based task with a knowledge graph (N5): 16×16 grey images with four slots (quadrants); a
 * class is made of two typed parts, {@link #GRAPH} says which. The other slots hold distractor
 * parts (dot, diagonal) or nothing. A spurious marker (a short bar at the left border whose row
 * names a class) agrees with the label with probability {@code markerAgreement} (by default 1 when
 * training, 1/3 = chance at test time), so a network can be right for the wrong reason.
 */
public final class PartsTask {
  public static final int SIZE = 16;
  public static final List<String> PARTS = List.of("ring", "cross", "bar", "dot", "diagonal");

  /** The knowledge graph: class → the parts that make it. */
  public static final Map<String, List<String>> GRAPH =
      Map.of(
          "lamp", List.of("ring", "cross"),
          "gate", List.of("cross", "bar"),
          "wheel", List.of("bar", "ring"));

  public static final List<String> CLASSES = List.of("lamp", "gate", "wheel");

  /**
   * One example.
   *
   * @param relevant pixels of the parts the graph names for the label
   */
  public record Example(float[] image, int label, boolean[] relevant) {}

  private PartsTask() {}

  public static Example[] generate(int n, double markerAgreement, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Example[] out = new Example[n];
    for (int i = 0; i < n; i++) {
      out[i] = example(rng, markerAgreement);
    }
    return out;
  }

  static Example example(SplittableRandom rng, double markerAgreement) {
    int label = rng.nextInt(3);
    float[] img = new float[SIZE * SIZE];
    boolean[] relevant = new boolean[SIZE * SIZE];
    List<String> parts = GRAPH.get(CLASSES.get(label));
    int[] slots = {0, 1, 2, 3};
    for (int i = 3; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = slots[i];
      slots[i] = slots[j];
      slots[j] = t;
    }
    for (int k = 0; k < 4; k++) {
      int part =
          k < 2 ? PARTS.indexOf(parts.get(k)) : (rng.nextInt(3) == 0 ? -1 : 3 + rng.nextInt(2));
      if (part >= 0) {
        draw(img, k < 2 ? relevant : null, slots[k], part, rng);
      }
    }
    int marker = rng.nextDouble() < markerAgreement ? label : rng.nextInt(3);
    for (int y = 5 * marker; y < 5 * marker + 4; y++) {
      img[y * SIZE] = 1f;
    }
    return new Example(img, label, relevant);
  }

  private static void draw(float[] img, boolean[] mask, int slot, int part, SplittableRandom rng) {
    int cy = (slot / 2) * 8 + 4 + rng.nextInt(3) - 1;
    int cx = (slot % 2) * 8 + 4 + rng.nextInt(3) - 1;
    for (int dy = -2; dy <= 2; dy++) {
      for (int dx = -2; dx <= 2; dx++) {
        boolean on =
            switch (part) {
              case 0 -> Math.max(Math.abs(dx), Math.abs(dy)) == 2;
              case 1 -> dx == 0 || dy == 0;
              case 2 -> dy == 0 || dy == 2;
              case 3 -> Math.abs(dx) <= 1 && Math.abs(dy) <= 1 && !(dx == 0 && dy == 0);
              default -> dx == dy;
            };
        if (on) {
          int p = (cy + dy) * SIZE + cx + dx;
          img[p] = 0.9f;
          if (mask != null) {
            mask[p] = true;
          }
        }
      }
    }
    if (mask != null) {
      // the part's 5×5 square is what the graph points at, not only its lit pixels
      for (int dy = -2; dy <= 2; dy++) {
        for (int dx = -2; dx <= 2; dx++) {
          mask[(cy + dy) * SIZE + cx + dx] = true;
        }
      }
    }
  }
}
