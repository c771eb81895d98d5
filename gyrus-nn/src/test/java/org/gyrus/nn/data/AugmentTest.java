package org.gyrus.nn.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmentTest {
  /** The definition, pixel by pixel: out(ch, r, c) = in(ch, r - dy, mirror(c - dx)) or 0. */
  private static float expected(
      float[] in, int src, int ch, int h, int w, int r, int c, int dx, int dy, boolean flip) {
    int sr = r - dy;
    int sc = c - dx;
    if (sr < 0 || sr >= h || sc < 0 || sc >= w) {
      return 0f;
    }
    return in[src + ch * h * w + sr * w + (flip ? w - 1 - sc : sc)];
  }

  @Test
  void shiftedEqualsThePixelDefinitionForEveryOffsetChannelAndMirror() {
    SplittableRandom rng = new SplittableRandom(5);
    int[][] shapes = {{1, 28, 28}, {3, 5, 7}, {2, 1, 4}};
    for (int[] shape : shapes) {
      int ch = shape[0];
      int h = shape[1];
      int w = shape[2];
      int per = ch * h * w;
      float[] img = new float[per + 3];
      for (int i = 0; i < img.length; i++) {
        img[i] = rng.nextInt(1, 100);
      }
      for (int dx = -w; dx <= w; dx++) {
        for (int dy = -3; dy <= 3; dy++) {
          for (boolean flip : new boolean[] {false, true}) {
            float[] out = new float[per + 5];
            Arrays.fill(out, -1f);
            Augment.shifted(img, 3, out, 5, ch, h, w, dx, dy, flip);
            for (int k = 0; k < ch; k++) {
              for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                  assertThat(out[5 + k * h * w + r * w + c])
                      .as("shape %s dx=%d dy=%d flip=%s", Arrays.toString(shape), dx, dy, flip)
                      .isEqualTo(expected(img, 3, k, h, w, r, c, dx, dy, flip));
                }
              }
            }
            for (int i = 0; i < 5; i++) {
              assertThat(out[i]).as("written outside the target image").isEqualTo(-1f);
            }
          }
        }
      }
    }
  }

  @Test
  void noShiftNoFlipIsACopy() {
    float[] img = new float[784];
    for (int i = 0; i < img.length; i++) {
      img[i] = i;
    }
    float[] out = new float[784];
    Augment.shifted(img, 0, out, 0, 1, 28, 28, 0, 0, false);
    assertThat(out).containsExactly(img);
  }
}
