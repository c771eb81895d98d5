package org.gyrus.nn.explain;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.nn.data.Dataset;

/**
 * Synthetic scenes with known concept masks (B18): one object per {@code SIZE}×{@code SIZE} RGB
 * image on a dim noisy background; shape (square, circle, cross), colour (red, green, blue),
 * position (the quadrant it sits in) and texture (solid, striped) drawn at random. The class to
 * learn is shape × colour (9 classes); position and texture are nuisance concepts. Every concept's
 * mask is the object's pixels in the scenes that have it, empty in the others.
 */
public final class Scenes {
  public static final int SIZE = 16;
  public static final List<String> SHAPES = List.of("square", "circle", "cross");
  public static final List<String> COLOURS = List.of("red", "green", "blue");
  public static final List<String> POSITIONS =
      List.of("top-left", "top-right", "bottom-left", "bottom-right");
  public static final List<String> TEXTURES = List.of("solid", "striped");

  /** Concept vocabulary, in the order of {@link Scene#concepts()}. */
  public static final List<String> CONCEPTS = concepts();

  /**
   * One scene.
   *
   * @param image {@code 3×SIZE×SIZE}, values in [0,1]
   * @param object the object's pixels ({@code SIZE*SIZE})
   * @param concepts indices into {@link #CONCEPTS} that the object has
   */
  public record Scene(float[] image, boolean[] object, int[] concepts, int label) {
    public boolean has(int concept) {
      for (int c : concepts) {
        if (c == concept) {
          return true;
        }
      }
      return false;
    }
  }

  private Scenes() {}

  private static List<String> concepts() {
    List<String> all = new java.util.ArrayList<>();
    all.addAll(SHAPES);
    all.addAll(COLOURS);
    all.addAll(POSITIONS);
    all.addAll(TEXTURES);
    return List.copyOf(all);
  }

  public static Scene[] generate(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Scene[] out = new Scene[n];
    for (int i = 0; i < n; i++) {
      out[i] = scene(rng);
    }
    return out;
  }

  static Scene scene(SplittableRandom rng) {
    int shape = rng.nextInt(3);
    int colour = rng.nextInt(3);
    int quadrant = rng.nextInt(4);
    int texture = rng.nextInt(2);
    int half = SIZE / 2;
    int r = 3; // radius: objects are 7×7
    int cy = (quadrant / 2) * half + r + rng.nextInt(half - 2 * r);
    int cx = (quadrant % 2) * half + r + rng.nextInt(half - 2 * r);
    boolean[] object = new boolean[SIZE * SIZE];
    float[] img = new float[3 * SIZE * SIZE];
    for (int p = 0; p < img.length; p++) {
      img[p] = (float) (0.15 * rng.nextDouble());
    }
    for (int y = cy - r; y <= cy + r; y++) {
      for (int x = cx - r; x <= cx + r; x++) {
        int dy = y - cy;
        int dx = x - cx;
        boolean in =
            switch (shape) {
              case 0 -> true;
              case 1 -> dx * dx + dy * dy <= r * r + 1;
              default -> Math.abs(dx) <= 1 || Math.abs(dy) <= 1;
            };
        if (!in) {
          continue;
        }
        object[y * SIZE + x] = true;
        float bright = texture == 1 && (y % 2 == 0) ? 0.45f : 1f;
        for (int ch = 0; ch < 3; ch++) {
          float v = ch == colour ? bright * (float) (0.8 + 0.2 * rng.nextDouble()) : 0.1f;
          img[ch * SIZE * SIZE + y * SIZE + x] = v;
        }
      }
    }
    int[] concepts = {
      shape,
      SHAPES.size() + colour,
      SHAPES.size() + COLOURS.size() + quadrant,
      SHAPES.size() + COLOURS.size() + POSITIONS.size() + texture
    };
    return new Scene(img, object, concepts, shape * 3 + colour);
  }

  /** The scenes as a classification data set (label shape × colour). */
  public static Dataset dataset(Scene[] scenes, String name) {
    int per = 3 * SIZE * SIZE;
    float[] x = new float[scenes.length * per];
    int[] y = new int[scenes.length];
    for (int i = 0; i < scenes.length; i++) {
      System.arraycopy(scenes[i].image(), 0, x, i * per, per);
      y[i] = scenes[i].label();
    }
    return new Dataset(name, x, y, new Shape(3, SIZE, SIZE), 9);
  }
}
