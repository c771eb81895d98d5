package org.gyrus.nas.oneshot;

import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.data.Datasets;

/**
 * The data of a one-shot search: CIFAR-10's 10,000-image training subset (1,000 per class, JPEG zip
 * in {@code dataDir/cifar10}), split in two seeded halves as DARTS does (weights / architecture),
 * normalised per channel, the first {@code images} of each half kept, and shrunk to {@code side}²
 * pixels by averaging blocks; {@code test} is the first 2,000 CIFAR-10 test images, shrunk alike,
 * for architectures trained after the search.
 */
public record SearchData(Dataset weights, Dataset arch, Dataset test) {
  public static SearchData load(Path dataDir, int side, int images, long seed) {
    DataSplits s = Datasets.cifar10(dataDir, true, 0.5, seed);
    return new SearchData(
        shrink(s.train().head(images), side),
        shrink(s.validation().head(images), side),
        shrink(s.test().head(2000), side));
  }

  /** Averages f×f pixel blocks of 3×32×32 images, f = 32 / side. */
  static Dataset shrink(Dataset d, int side) {
    int f = 32 / side;
    if (f == 1) {
      return d;
    }
    int n = d.size();
    float[] in = d.x();
    float[] out = new float[n * 3 * side * side];
    float scale = 1f / (f * f);
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < 3; c++) {
        int src = (i * 3 + c) * 1024;
        int dst = (i * 3 + c) * side * side;
        for (int y = 0; y < 32; y++) {
          for (int x = 0; x < 32; x++) {
            out[dst + (y / f) * side + x / f] += in[src + y * 32 + x] * scale;
          }
        }
      }
    }
    return new Dataset(d.name() + "@" + side, out, d.y(), new Shape(3, side, side), d.classes());
  }
}
