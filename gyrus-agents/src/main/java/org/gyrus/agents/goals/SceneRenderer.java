package org.gyrus.agents.goals;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws a blocks-world state as a small RGB image (channels first, values in [0, 1]): a brown table
 * strip at the bottom, each stack in its own randomly chosen slot, 4x4-pixel blocks. Jitter keeps
 * it from being a lookup: the scene shifts by up to 3 px across and 2 px up, each block wobbles by
 * up to 1 px, background grey, table and block colours vary, and every pixel gets Gaussian noise.
 * The same state and random stream always give the same image.
 */
public final class SceneRenderer {
  public static final int SIZE = 40;
  public static final int SLOTS = 7;
  static final int BLOCK = 4;
  static final int PITCH = 5;
  static final int TABLE_ROWS = 3;
  private static final float[] TABLE_RGB = {0.55f, 0.35f, 0.15f};

  private SceneRenderer() {}

  /** Values per image: 3 x SIZE x SIZE. */
  public static int pixels() {
    return 3 * SIZE * SIZE;
  }

  public static float[] render(BlocksState s, SplittableRandom rng) {
    float[] img = new float[pixels()];
    float grey = (float) (0.35 + 0.25 * rng.nextDouble());
    java.util.Arrays.fill(img, grey);
    int offX = rng.nextInt(4);
    int offY = rng.nextInt(3);
    int tableTop = SIZE - TABLE_ROWS - offY;
    fill(img, 0, tableTop, SIZE, SIZE - tableTop, jitter(TABLE_RGB, 0.06, rng));
    List<List<Integer>> stacks = s.stacks();
    int[] slots = slots(stacks.size(), rng);
    for (int i = 0; i < stacks.size(); i++) {
      List<Integer> stack = stacks.get(i);
      for (int level = 0; level < stack.size(); level++) {
        int b = stack.get(level);
        int wobble = rng.nextInt(4) == 0 ? rng.nextInt(3) - 1 : 0;
        int x = offX + slots[i] * PITCH + wobble;
        int y = tableTop - BLOCK * (level + 1);
        fill(img, x, y, BLOCK, BLOCK, jitter(Palette.rgb(b), 0.08, rng));
      }
    }
    for (int i = 0; i < img.length; i++) {
      img[i] = Math.min(1f, Math.max(0f, img[i] + (float) (0.03 * gaussian(rng))));
    }
    return img;
  }

  /** {@code n} distinct slots out of {@link #SLOTS}, in random order. */
  private static int[] slots(int n, SplittableRandom rng) {
    int[] all = new int[SLOTS];
    for (int i = 0; i < SLOTS; i++) {
      all[i] = i;
    }
    for (int i = SLOTS - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    return java.util.Arrays.copyOf(all, n);
  }

  private static float[] jitter(float[] rgb, double amount, SplittableRandom rng) {
    float[] out = new float[3];
    for (int c = 0; c < 3; c++) {
      out[c] = (float) Math.min(1, Math.max(0, rgb[c] + amount * (2 * rng.nextDouble() - 1)));
    }
    return out;
  }

  private static void fill(float[] img, int x0, int y0, int w, int h, float[] rgb) {
    for (int y = Math.max(0, y0); y < Math.min(SIZE, y0 + h); y++) {
      for (int x = Math.max(0, x0); x < Math.min(SIZE, x0 + w); x++) {
        for (int c = 0; c < 3; c++) {
          img[(c * SIZE + y) * SIZE + x] = rgb[c];
        }
      }
    }
  }

  private static double gaussian(SplittableRandom rng) {
    double u = Math.max(1e-12, rng.nextDouble());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
