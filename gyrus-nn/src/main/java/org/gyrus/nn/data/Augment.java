package org.gyrus.nn.data;

import java.util.Arrays;

/**
 * Image augmentation on the flat float arrays the trainers batch from: a translation by whole
 * pixels (uncovered pixels become 0) and an optional left-right mirror, for C×H×W images.
 */
public final class Augment {
  private Augment() {}

  /**
   * Writes the image at {@code from[src..]} moved by (dx, dy) pixels, mirrored first when {@code
   * flip}, to {@code to[dst..]}: output pixel (r, c) = input (r - dy, c - dx) of the (mirrored)
   * image, or 0 outside it.
   */
  public static void shifted(
      float[] from,
      int src,
      float[] to,
      int dst,
      int channels,
      int height,
      int width,
      int dx,
      int dy,
      boolean flip) {
    int c0 = Math.max(0, dx);
    int c1 = Math.min(width, width + dx);
    for (int ch = 0; ch < channels; ch++) {
      int plane = ch * height * width;
      for (int r = 0; r < height; r++) {
        int row = dst + plane + r * width;
        int sr = r - dy;
        if (sr < 0 || sr >= height || c0 >= c1) {
          Arrays.fill(to, row, row + width, 0f);
          continue;
        }
        int srow = src + plane + sr * width;
        Arrays.fill(to, row, row + c0, 0f);
        if (flip) {
          for (int c = c0; c < c1; c++) {
            to[row + c] = from[srow + width - 1 - (c - dx)];
          }
        } else {
          System.arraycopy(from, srow + c0 - dx, to, row + c0, c1 - c0);
        }
        Arrays.fill(to, row + c1, row + width, 0f);
      }
    }
  }
}
