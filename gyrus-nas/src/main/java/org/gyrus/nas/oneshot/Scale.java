package org.gyrus.nas.oneshot;

/**
 * The size of a one-shot search, common to every method: C channels, N cells per stage, images
 * shrunk to {@code imageSize}², {@code images} per half of the search data, {@code epochs} passes.
 */
public record Scale(
    int channels, int cellsPerStage, int imageSize, int images, int epochs, long seed) {
  public Scale {
    if (imageSize != 32 && imageSize != 16 && imageSize != 8) {
      throw new IllegalArgumentException("imageSize: 32, 16 or 8, got " + imageSize);
    }
    if (channels < 1 || cellsPerStage < 1 || images < 1 || epochs < 1) {
      throw new IllegalArgumentException("channels, cells, images and epochs must be positive");
    }
  }
}
